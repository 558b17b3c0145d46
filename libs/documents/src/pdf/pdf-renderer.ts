import { Injectable } from '@nestjs/common';

import type { Align, Block, Run, Underline } from '../markup/document-markup';
import { documentFonts } from './document-fonts';
import { drawQrCode } from './qr-code';

export interface PdfMetadata {
  title: string;
  author: string;
  /** The document's creation time (OneGate's clock), so a re-render of the same facts is the same. */
  createdAt: Date;
}

/** The verification corner of a result: its code, the public link and the link as a QR code. */
export interface VerificationFooter {
  code: string;
  url: string;
}

const MARGIN = 56;
const QR_SIZE = 84;
const SIZES = { h1: 15, h2: 12.5, p: 11, li: 11, small: 9 } as const;
const PARAGRAPH_GAP = 3;
const LINE_GAP = 1.5;
/** The share of the width the left column of a `<left>`/`<right>` row takes (the letterhead's). */
const LEFT_SHARE = 0.42;
const GUTTER = 12;

/** Where a block is laid out: the page between its margins, or one column of a row. */
interface Frame {
  x: number;
  width: number;
}

/** Lays parsed document markup out on A4 pages with the embedded Vietnamese font. */
@Injectable()
export class PdfRenderer {
  public async render(blocks: Block[], metadata: PdfMetadata, footer?: VerificationFooter): Promise<Buffer> {
    // pdfkit (with fontkit and its tables) is loaded at the first render, not at start-up: most API
    // processes never render a PDF, and it would stay in their memory.
    const { default: PDFDocument } = await import('pdfkit');
    const fonts = documentFonts();
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: metadata.title,
        Author: metadata.author,
        Creator: 'OneGate',
        Producer: 'OneGate',
        CreationDate: metadata.createdAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    drawBlocks(doc, blocks);
    if (footer) drawFooter(doc, footer);
    doc.end();
    await finished;
    return Buffer.concat(chunks);
  }
}

/** Blocks one under another; a run of `<left>`/`<right>` blocks as two columns side by side. */
function drawBlocks(doc: PDFKit.PDFDocument, blocks: Block[]): void {
  const page: Frame = { x: MARGIN, width: doc.page.width - 2 * MARGIN };
  for (let index = 0; index < blocks.length;) {
    if (!blocks[index].column) {
      drawBlock(doc, blocks[index++], page);
      continue;
    }
    const row: Block[] = [];
    while (index < blocks.length && blocks[index].column) row.push(blocks[index++]);
    drawRow(doc, row, page);
  }
}

function drawRow(doc: PDFKit.PDFDocument, row: Block[], page: Frame): void {
  const leftWidth = (page.width - GUTTER) * LEFT_SHARE;
  const frames: Record<'left' | 'right', Frame> = {
    left: { x: page.x, width: leftWidth },
    right: { x: page.x + leftWidth + GUTTER, width: page.width - leftWidth - GUTTER },
  };
  const top = doc.y;
  let bottom = top;
  for (const side of ['left', 'right'] as const) {
    doc.y = top;
    for (const block of row.filter((candidate) => candidate.column === side)) {
      drawBlock(doc, block, frames[side]);
    }
    bottom = Math.max(bottom, doc.y);
  }
  doc.x = MARGIN;
  doc.y = bottom;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, frame: Frame): void {
  if (block.kind === 'gap') {
    doc.moveDown(0.8);
    return;
  }
  if (block.kind === 'hr') {
    doc.moveDown(0.3);
    const y = doc.y;
    doc
      .moveTo(frame.x, y)
      .lineTo(frame.x + frame.width, y)
      .lineWidth(0.5)
      .stroke('#555555');
    doc.moveDown(0.5);
    return;
  }
  const heading = block.kind === 'h1' || block.kind === 'h2';
  if (heading) doc.moveDown(0.4);
  doc.fontSize(SIZES[block.kind]).fillColor(block.kind === 'small' ? '#444444' : '#000000');
  const runs: FontedRun[] = (
    block.kind === 'li' ? [{ text: '• ', bold: false }, ...block.runs] : block.runs
  ).map((run) => ({ ...run, font: run.bold || heading ? 'bold' : 'regular' }));
  const oneLine = block.underline !== undefined || (block.align !== 'left' && runs.length > 1);
  const placed = oneLine && drawOnOneLine(doc, runs, block.align, frame, block.underline);
  if (!placed) drawFlowing(doc, runs, block, frame);
  if (heading) doc.moveDown(0.3);
}

type FontedRun = Run & { font: 'regular' | 'bold' };

function drawFlowing(
  doc: PDFKit.PDFDocument,
  runs: FontedRun[],
  block: { kind: string; align: Align },
  frame: Frame,
): void {
  doc.x = frame.x;
  runs.forEach((run, index) => {
    doc.font(run.font);
    doc.text(run.text, {
      width: frame.width,
      align: block.align,
      continued: index < runs.length - 1,
      indent: block.kind === 'li' && index === 0 ? 14 : 0,
      paragraphGap: PARAGRAPH_GAP,
      lineGap: LINE_GAP,
    });
  });
}

/**
 * Centred or right-aligned text in several fonts, placed run by run (pdfkit's `continued` text lays
 * such lines out wrongly), and any underlined line, whose rule needs the text's width. Only for a
 * line that fits; false lets the caller wrap it in one flow.
 */
function drawOnOneLine(
  doc: PDFKit.PDFDocument,
  runs: FontedRun[],
  align: Align,
  frame: Frame,
  underline?: Underline,
): boolean {
  const widths = runs.map((run) => doc.font(run.font).widthOfString(run.text));
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (total > frame.width) return false;
  if (doc.y + doc.currentLineHeight(true) > doc.page.height - MARGIN) doc.addPage();
  const y = doc.y;
  const start =
    frame.x + (align === 'center' ? (frame.width - total) / 2 : align === 'right' ? frame.width - total : 0);
  let x = start;
  runs.forEach((run, index) => {
    doc.font(run.font).text(run.text, x, y, { lineBreak: false });
    x += widths[index];
  });
  const lineHeight = doc.currentLineHeight(true);
  if (underline) {
    const length = underline === 'short' ? total / 3 : total;
    const from = start + (total - length) / 2;
    const ruleY = y + lineHeight + 1;
    doc
      .moveTo(from, ruleY)
      .lineTo(from + length, ruleY)
      .lineWidth(0.6)
      .stroke('#000000');
  }
  doc.x = MARGIN;
  doc.y = y + lineHeight + LINE_GAP + PARAGRAPH_GAP + (underline ? 3 : 0);
  return true;
}

function drawFooter(doc: PDFKit.PDFDocument, footer: VerificationFooter): void {
  doc.moveDown(1);
  if (doc.y + QR_SIZE + 20 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  doc
    .moveTo(MARGIN, top)
    .lineTo(doc.page.width - MARGIN, top)
    .lineWidth(0.5)
    .stroke('#555555');
  drawQrCode(doc, footer.url, MARGIN, top + 10, QR_SIZE);
  const textX = MARGIN + QR_SIZE + 14;
  const width = doc.page.width - MARGIN - textX;
  doc
    .fillColor('#000000')
    .fontSize(9.5)
    .font('bold')
    .text(`Mã hồ sơ: ${footer.code}`, textX, top + 14, { width });
  doc
    .font('regular')
    .text('Kiểm tra tính xác thực của văn bản điện tử này tại:', { width })
    .text(footer.url, { width, link: footer.url, underline: true })
    .text('(Verify this signed document at the address above or by scanning the QR code.)', { width });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + QR_SIZE + 16);
}
