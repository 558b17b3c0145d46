/**
 * The small markup that document templates render to (docs/documents.md): a handful of block tags
 * (`h1`, `h2`, `p`, `small`, `li`, with `align="center|right"` and `underline="text|short"`), `<b>`
 * inside them, `<hr/>` and `<gap/>`, and `<left>`/`<right>` around blocks that stand side by side. Handlebars HTML-escapes every value, so text that came from a citizen or a clerk can never
 * make a tag: it is decoded here back to the characters typed, `<script>` included, and drawn as text.
 */
export type Align = 'left' | 'center' | 'right';
export type TextBlockKind = 'h1' | 'h2' | 'p' | 'small' | 'li';

export interface Run {
  text: string;
  bold: boolean;
}

/** `text`: a rule as wide as the line's text; `short`: a third of it, centred under it. */
export type Underline = 'text' | 'short';
export type Column = 'left' | 'right';

export type Block = (
  { kind: TextBlockKind; align: Align; runs: Run[]; underline?: Underline } | { kind: 'hr' } | { kind: 'gap' }
) & { column?: Column };

const TEXT_BLOCKS: readonly string[] = ['h1', 'h2', 'p', 'small', 'li'];
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z]+=(?:"[^"<>]*"|'[^'<>]*'))*)\s*(\/?)>/gi;
const ALIGN = /\salign=["'](left|center|right)["']/i;
const UNDERLINE = /\sunderline=["'](text|short)["']/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function parseDocumentMarkup(markup: string): Block[] {
  const parser = new MarkupParser();
  let position = 0;
  for (const match of markup.matchAll(TAG)) {
    parser.text(markup.slice(position, match.index));
    position = match.index + match[0].length;
    const [whole, closing, rawName, attributes, selfClosing] = match;
    if (!parser.tag(rawName.toLowerCase(), closing === '/', selfClosing === '/', attributes)) {
      parser.text(whole);
    }
  }
  parser.text(markup.slice(position));
  return parser.finish();
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

class MarkupParser {
  private readonly blocks: Block[] = [];
  private current: {
    kind: TextBlockKind;
    align: Align;
    runs: Run[];
    implicit: boolean;
    underline?: Underline;
  } | null = null;
  private bold = false;
  private column: Column | null = null;

  /** Text between tags. Outside any block, each non-empty line is a paragraph of its own. */
  public text(raw: string): void {
    if (raw === '') return;
    if (this.current && !this.current.implicit) {
      this.current.runs.push({ text: decodeEntities(raw), bold: this.bold });
      return;
    }
    const lines = raw.split(/\r?\n/);
    lines.forEach((line, index) => {
      if (index > 0) this.close();
      if (line.trim() === '') return;
      this.current ??= { kind: 'p', align: 'left', runs: [], implicit: true };
      this.current.runs.push({ text: decodeEntities(line), bold: this.bold });
    });
  }

  /** Applies a tag; false when it is not one of ours, so it is kept as text. */
  public tag(name: string, closing: boolean, selfClosing: boolean, attributes: string): boolean {
    if (name === 'hr' || name === 'gap') {
      this.close();
      this.push({ kind: name });
      return true;
    }
    if (name === 'left' || name === 'right') {
      this.close();
      this.column = closing || selfClosing ? null : name;
      return true;
    }
    if (name === 'b') {
      if (!closing && !this.current) this.current = { kind: 'p', align: 'left', runs: [], implicit: true };
      this.bold = !closing;
      return true;
    }
    if (!TEXT_BLOCKS.includes(name)) return false;
    this.close();
    if (!closing && !selfClosing) {
      const align = (ALIGN.exec(attributes)?.[1]?.toLowerCase() as Align | undefined) ?? defaultAlign(name);
      const underline = UNDERLINE.exec(attributes)?.[1]?.toLowerCase() as Underline | undefined;
      this.current = { kind: name as TextBlockKind, align, runs: [], implicit: false, underline };
    }
    return true;
  }

  public finish(): Block[] {
    this.close();
    return this.blocks;
  }

  private close(): void {
    const block = this.current;
    this.current = null;
    this.bold = false;
    if (!block) return;
    const runs = collapseWhitespace(block.runs);
    if (runs.length === 0) return;
    this.push({
      kind: block.kind,
      align: block.align,
      runs,
      ...(block.underline ? { underline: block.underline } : {}),
    });
  }

  private push(block: Block): void {
    this.blocks.push(this.column ? { ...block, column: this.column } : block);
  }
}

const defaultAlign = (name: string): Align => (name === 'h1' || name === 'h2' ? 'center' : 'left');

/** Like HTML: any run of white space is one space, none at either end of the block. */
function collapseWhitespace(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[ \t\r\n\f]+/g, ' ');
    const previous = merged.at(-1);
    if (previous && previous.bold === run.bold) previous.text += text;
    else merged.push({ text, bold: run.bold });
  }
  for (let index = 1; index < merged.length; index++) {
    if (merged[index - 1].text.endsWith(' ') && merged[index].text.startsWith(' ')) {
      merged[index].text = merged[index].text.slice(1);
    }
  }
  if (merged.length > 0) {
    merged[0].text = merged[0].text.trimStart();
    merged[merged.length - 1].text = merged[merged.length - 1].text.trimEnd();
  }
  return merged.filter((run) => run.text !== '');
}
