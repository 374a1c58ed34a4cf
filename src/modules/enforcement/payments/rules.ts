import { maxPence } from '../arrangements/rules.ts';

// Payments received on enforcement accounts, as the revenues system sends them: a CSV file
// (account,date,amount in pence,reference; a header row is accepted) or a JSON batch. A batch is
// checked whole: any bad row is reported with its line number and nothing in it is applied.

export type PaymentRow = {
  line: number;
  account: string;
  date: string;
  amountPence: number;
  reference: string;
};
export type RawRow = { line: number; account: string; date: string; amount: string; reference: string };
export type RowError = { line: number; message: string };

// The most payments one file or batch may hold; a bigger one is sent in parts.
export const maxBatch = 5000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) =>
  isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

// One CSV line's cells (RFC 4180 quoting).
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      out.push(cell);
      cell = '';
    } else cell += char;
  }
  out.push(cell);
  return out.map((value) => value.trim());
}

const isHeader = (row: readonly string[]) => row[0]?.toLowerCase() === 'account';

// The file's rows, numbered by their line in the file; blank lines are skipped. A file holding a
// NUL byte is not text (a binary file chosen by mistake), and nothing in it is read.
export function csvRows(text: string): { rows: RawRow[]; errors: RowError[] } {
  if (text.includes('\u0000'))
    return { rows: [], errors: [{ line: 1, message: 'This is not a CSV text file: it holds a NUL byte' }] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (!text.trim()) return;
    const row = cells(text);
    if (line === 1 && isHeader(row)) return;
    if (row.length !== 4) {
      errors.push({
        line,
        message: `Line ${line}: expected 4 columns (account, date, amount in pence, reference), found ${row.length}`,
      });
      return;
    }
    const [account = '', date = '', amount = '', reference = ''] = row;
    rows.push({ line, account, date, amount, reference });
  });
  return { rows, errors };
}

// Each row checked: a known account, a real date, a whole positive number of pence, a reference,
// and no reference twice in the batch with different data.
export function checkRows(
  raw: readonly RawRow[],
  knownAccount: (account: string) => boolean,
): { rows: PaymentRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: PaymentRow[] = [];
  const seen = new Map<string, RawRow>();
  for (const row of raw) {
    const problem = rowProblem(row, knownAccount, seen.get(row.reference));
    if (problem) {
      errors.push({ line: row.line, message: `Line ${row.line}: ${problem}` });
      continue;
    }
    if (seen.has(row.reference)) continue;
    seen.set(row.reference, row);
    rows.push({ ...row, amountPence: Number(row.amount) });
  }
  return { rows, errors };
}

function rowProblem(row: RawRow, knownAccount: (account: string) => boolean, earlier: RawRow | undefined) {
  if (!row.account) return 'the account is missing';
  if (!knownAccount(row.account)) return `account ${row.account} is not an enforcement case`;
  if (!isDate(row.date)) return `the date must be a real date written YYYY-MM-DD, not “${row.date}”`;
  if (!/^\d+$/.test(row.amount) || Number(row.amount) <= 0 || Number(row.amount) > maxPence)
    return `the amount must be a whole number of pence above 0, not “${row.amount}”`;
  if (!row.reference) return 'the payment reference is missing';
  if (row.reference.length > 60) return 'the payment reference must be 60 characters or fewer';
  if (
    earlier &&
    (earlier.account !== row.account || earlier.date !== row.date || earlier.amount !== row.amount)
  )
    return `reference ${row.reference} is also on line ${earlier.line} with different details`;
  return null;
}

// A payment already recorded under the same reference: the same payment sent again is skipped,
// a different one under that reference is an error.
export function againstRecorded(
  rows: readonly PaymentRow[],
  recorded: ReadonlyMap<string, { account: string; date: string; amountPence: number }>,
): { fresh: PaymentRow[]; errors: RowError[] } {
  const fresh: PaymentRow[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const earlier = recorded.get(row.reference);
    if (!earlier) fresh.push(row);
    else if (
      earlier.account !== row.account ||
      earlier.date !== row.date ||
      earlier.amountPence !== row.amountPence
    )
      errors.push({
        line: row.line,
        message: `Line ${row.line}: reference ${row.reference} was already recorded for a different payment`,
      });
  }
  return { fresh, errors };
}
