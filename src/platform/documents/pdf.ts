import PDFDocument from 'pdfkit';
import type { Chart } from './charts/chart.ts';
import { drawChart, printScale } from './pdf-chart.ts';

export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** A chart (charts/chart.ts) as the page draws it; put its table after it, as the page does. */
  | { kind: 'chart'; chart: Chart };

type PdfInput = {
  /** The document's title in its properties; put a heading block first to show one on the page. */
  title: string;
  author?: string;
  blocks: PdfBlock[];
  /** The creation date in the properties. Fixed when absent, so the same input gives the same bytes. */
  createdAt?: Date;
};

const margin = 56; // 2 cm
const footerSpace = 28;
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const bodySize = 11;
const headingSizes = { 1: 20, 2: 15, 3: 12.5 } as const;
const tableSize = 9.5;
const cellPadding = 4;
const fixedDate = new Date(Date.UTC(2000, 0, 1));

type Doc = InstanceType<typeof PDFDocument>;

/** An A4 document in the standard PDF fonts: headings, paragraphs, and tables that carry on
 * across pages with their heading row repeated; every page numbered "Page n of N". */
export function pdfDocument(input: PdfInput): Promise<Buffer> {
  const createdAt = input.createdAt ?? fixedDate;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, left: margin, right: margin, bottom: margin + footerSpace },
    bufferPages: true,
    compress: true,
    info: {
      Title: winAnsi(input.title),
      ...(input.author ? { Author: winAnsi(input.author) } : {}),
      Producer: 'Probity',
      Creator: 'Probity',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
    lang: 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(regular).fontSize(bodySize).fillColor('#0b0c0c');
  for (const block of input.blocks) {
    if (block.kind === 'heading') heading(doc, block.text, block.level ?? 1);
    else if (block.kind === 'paragraph') paragraph(doc, block.text);
    else if (block.kind === 'chart') chart(doc, block.chart);
    else table(doc, block.head, block.rows);
  }
  numberPages(doc);
  doc.end();
  return done;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, level: 1 | 2 | 3) {
  const size = headingSizes[level];
  const clean = winAnsi(text);
  doc.font(bold).fontSize(size);
  const width = contentWidth(doc);
  // Keep a heading with at least two lines of what follows it.
  ensureRoom(doc, doc.heightOfString(clean, { width }) + bodySize * 3);
  if (doc.y > doc.page.margins.top) doc.moveDown(level === 1 ? 0.6 : 0.5);
  doc.text(clean, doc.page.margins.left, doc.y, { width });
  doc.moveDown(0.35);
  doc.font(regular).fontSize(bodySize);
}

function paragraph(doc: Doc, text: string) {
  doc.font(regular).fontSize(bodySize);
  doc.text(winAnsi(text), doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
    lineGap: 2.5,
    paragraphGap: 0,
  });
  doc.moveDown(0.7);
}

function chart(doc: Doc, figure: Chart) {
  const width = contentWidth(doc);
  ensureRoom(doc, figure.height * Math.min(printScale, width / figure.width) + bodySize);
  if (doc.y > doc.page.margins.top) doc.moveDown(0.3);
  drawChart(doc, figure, width, { regular, bold, clean: winAnsi });
  doc.font(regular).fontSize(bodySize).fillColor('#0b0c0c');
  doc.moveDown(0.8);
}

// A column of figures (counts, money, percentages) is set right, so that the figures line up.
const figure = /^[-+]?£?\d[\d,]*(\.\d+)?%?$/;

function table(doc: Doc, head: string[], rows: string[][]) {
  const columns = Math.max(head.length, ...rows.map((row) => row.length), 1);
  const cleanHead = pad(head.map(winAnsi), columns);
  const cleanRows = rows.map((row) => pad(row.map(winAnsi), columns));
  const widths = columnWidths(doc, cleanHead, cleanRows, contentWidth(doc));
  const align = cleanHead.map((_, i) => {
    const cells = cleanRows.map((row) => (row[i] ?? '').trim()).filter(Boolean);
    return cells.length > 0 && cells.every((cell) => figure.test(cell))
      ? ('right' as const)
      : ('left' as const);
  });
  const left = doc.page.margins.left;
  if (doc.y > doc.page.margins.top) doc.moveDown(0.3);

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(tableSize);
    return (
      Math.max(
        ...cells.map((cell, i) =>
          doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - cellPadding * 2 }),
        ),
      ) +
      cellPadding * 2
    );
  };
  const headHeight = rowHeight(cleanHead, bold);
  // A row taller than a page is cut short with an ellipsis rather than run over the footer.
  const tallest = bottomLimit(doc) - doc.page.margins.top - headHeight - tableSize * 2;
  const drawRow = (cells: string[], font: string, height: number, shaded: boolean) => {
    const top = doc.y;
    let x = left;
    if (shaded) doc.rect(left, top, sum(widths), height).fill('#f3f2f1');
    doc.fillColor('#0b0c0c').font(font).fontSize(tableSize);
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      doc.text(cell, x + cellPadding, top + cellPadding, {
        width: width - cellPadding * 2,
        height: height - cellPadding * 2,
        ellipsis: true,
        align: align[i] ?? 'left',
      });
      x += width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + sum(widths), top + height)
      .lineWidth(font === bold ? 1 : 0.5)
      .strokeColor(font === bold ? '#0b0c0c' : '#b1b4b6')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const drawHead = () => drawRow(cleanHead, bold, headHeight, true);

  const firstHeight = cleanRows[0] ? Math.min(rowHeight(cleanRows[0], regular), tallest) : 0;
  ensureRoom(doc, headHeight + firstHeight);
  drawHead();
  for (const row of cleanRows) {
    const height = Math.min(rowHeight(row, regular), tallest);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHead();
    }
    drawRow(row, regular, height, false);
  }
  doc.font(regular).fontSize(bodySize);
  doc.moveDown(0.8);
}

/** Widths in proportion to each column's longest text, no column narrower than a short word. */
function columnWidths(doc: Doc, head: string[], rows: string[][], total: number): number[] {
  const minimum = Math.min(48, total / head.length);
  const wanted = head.map((cell, i) => {
    doc.font(bold).fontSize(tableSize);
    let widest = doc.widthOfString(cell);
    doc.font(regular).fontSize(tableSize);
    for (const row of rows.slice(0, 200)) widest = Math.max(widest, doc.widthOfString(row[i] ?? ''));
    return Math.max(minimum, Math.min(widest + cellPadding * 2, total * 0.6));
  });
  const wantedTotal = sum(wanted);
  if (wantedTotal <= total) return wanted.map((width) => (width * total) / wantedTotal);
  const spare = total - minimum * head.length;
  const extra = wanted.map((width) => width - minimum);
  const extraTotal = sum(extra) || 1;
  return extra.map((width) => minimum + (width * spare) / extraTotal);
}

function numberPages(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start another page
    doc
      .font(regular)
      .fontSize(9)
      .fillColor('#505a5f')
      .text(`Page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - margin, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

function pad(cells: string[], length: number): string[] {
  return Array.from({ length }, (_, i) => cells[i] ?? '');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// The standard PDF fonts are encoded in WinAnsi (Windows-1252): £, é, ’, – and “” are there;
// other letters lose their accents (ł → l is not decomposable, so it becomes ?), rather than
// printing as nothing.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function inWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)
  );
}

export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    if (inWinAnsi(char)) {
      out += char;
      continue;
    }
    const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += plain && [...plain].every(inWinAnsi) ? plain : '?';
  }
  return out;
}
