import { inflateSync } from 'node:zlib';

// Reads back what a PDF made by pdfkit with the standard fonts shows: the text of every
// content stream, a line per text operation, and the number of pages. Enough to assert on
// what a reader sees without a PDF library.

const winAnsiHigh: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += winAnsiHigh[code] ?? String.fromCharCode(code);
  }
  return out;
}

function streams(pdf: Buffer): string[] {
  const found: string[] = [];
  const latin = pdf.toString('latin1');
  const pattern = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(latin); match; match = pattern.exec(latin)) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      found.push(
        (match[1] ?? '').includes('FlateDecode')
          ? inflateSync(raw).toString('latin1')
          : raw.toString('latin1'),
      );
    } catch {
      // not a content stream we can read (e.g. an image); skip it
    }
  }
  return found;
}

/** The text shown, a line per text operation, in the order drawn. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const stream of streams(pdf)) {
    for (const op of stream.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[2] ?? ''];
      lines.push(parts.map(decodeHex).join(''));
    }
  }
  return lines.join('\n');
}

/** The text with every run of white space (including line breaks) as one space. */
export function pdfWords(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}

export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
