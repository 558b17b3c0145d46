import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';

import { decodeEntities, parseDocumentMarkup } from './document-markup';

describe('document markup', () => {
  it('reads blocks, alignment, bold runs, rules and gaps, collapsing white space like HTML', () => {
    const blocks = parseDocumentMarkup(`
      <h1>KẾT QUẢ</h1>
      <p align='right'>  Mã hồ sơ:   <b>QN-HL-260903-0001</b>  </p>
      <gap />
      <li>Họ và tên: Nguyễn Văn A</li>
      <hr/>
      <small>ghi chú</small>`);
    expect(blocks).toEqual([
      { kind: 'h1', align: 'center', runs: [{ text: 'KẾT QUẢ', bold: false }] },
      {
        kind: 'p',
        align: 'right',
        runs: [
          { text: 'Mã hồ sơ: ', bold: false },
          { text: 'QN-HL-260903-0001', bold: true },
        ],
      },
      { kind: 'gap' },
      { kind: 'li', align: 'left', runs: [{ text: 'Họ và tên: Nguyễn Văn A', bold: false }] },
      { kind: 'hr' },
      { kind: 'small', align: 'left', runs: [{ text: 'ghi chú', bold: false }] },
    ]);
  });

  it('makes each line of plain text outside tags a paragraph, so a plain template works', () => {
    expect(parseDocumentMarkup('Giấy phép số 12\n\nCấp cho: Trần Thị Bình')).toEqual([
      { kind: 'p', align: 'left', runs: [{ text: 'Giấy phép số 12', bold: false }] },
      { kind: 'p', align: 'left', runs: [{ text: 'Cấp cho: Trần Thị Bình', bold: false }] },
    ]);
  });

  it('shows a value with markup in it as the text typed: handlebars escapes it, the parser decodes it', () => {
    const typed = `<script>alert("x")</script> <h1>big</h1> & 'quotes' = \`ticks\``;
    const rendered = Handlebars.compile('<p>Lý do: {{reason}}</p>')({ reason: typed });
    expect(parseDocumentMarkup(rendered)).toEqual([
      { kind: 'p', align: 'left', runs: [{ text: `Lý do: ${typed}`, bold: false }] },
    ]);
  });

  it('keeps a tag it does not know as text', () => {
    expect(parseDocumentMarkup('<p>a <i>b</i></p>')).toEqual([
      { kind: 'p', align: 'left', runs: [{ text: 'a <i>b</i>', bold: false }] },
    ]);
  });

  it('marks the blocks inside <left> and <right> with their column, and reads an underline', () => {
    const markup =
      "<left><p underline='short'>A</p><gap/></left><right><p align='center' underline='text'><b>B</b></p></right><p>C</p>";
    expect(parseDocumentMarkup(markup)).toEqual([
      { kind: 'p', align: 'left', runs: [{ text: 'A', bold: false }], underline: 'short', column: 'left' },
      { kind: 'gap', column: 'left' },
      { kind: 'p', align: 'center', runs: [{ text: 'B', bold: true }], underline: 'text', column: 'right' },
      { kind: 'p', align: 'left', runs: [{ text: 'C', bold: false }] },
    ]);
  });

  it('decodes named and numeric entities, and leaves unknown ones alone', () => {
    expect(decodeEntities('&lt;&#x27;&#39;&#x3D;&amp;copy;&bogus;&#0;')).toBe("<''=&copy;&bogus;&#0;");
  });
});
