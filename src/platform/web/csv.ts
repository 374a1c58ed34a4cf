import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// CSV (RFC 4180) for downloads. A cell that a spreadsheet would run as a formula is prefixed
// with an apostrophe, so that an offeror called "=HYPERLINK(…)" stays text. Exports give codes
// in words, as the pages do ("Phone", "Upheld", "Gift"), and keep dates and times machine-readable:
// ISO 8601 (2026-12-06, 2026-12-06T14:46:00Z), for spreadsheets to sort and compute with.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

type CsvRow = readonly (string | number | null | undefined)[];

// Sends a CSV download streamed a batch of rows at a time, so that memory stays flat however long
// it is. The first batch is read before anything is sent: a record that is not there, or not the
// asker's to see, is then a 404 or 403 page rather than a broken download.
export async function sendCsv(
  reply: FastifyReply,
  filename: string,
  headings: CsvRow,
  batches: AsyncIterable<readonly CsvRow[]>,
) {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* lines() {
    yield `\uFEFF${csvLine(headings)}`;
    for (let batch = first; !batch.done; batch = await iterator.next())
      yield batch.value.map(csvLine).join('');
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(lines()));
}
