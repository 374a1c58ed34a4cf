// A whole LLPG export checked before anything is applied: every row, each problem with its line.
import { columnsOf, parseCsv } from './csv.ts';
import { checkRow, type GazetteerRow } from './rules.ts';

export type LineProblem = { line: number; problem: string };
export type CheckedFile = { rows: GazetteerRow[] } | { problems: LineProblem[]; badLines: number };

// The problems shown: enough to fix a file, not a page of 150,000.
export const problemsShown = 100;

export function checkFile(text: string): CheckedFile {
  // A NUL byte is no part of a text file: a binary file chosen by mistake.
  if (text.includes('\u0000'))
    return { problems: [{ line: 1, problem: 'the file is not CSV text: it holds a NUL byte' }], badLines: 1 };
  const [heading, ...records] = parseCsv(text);
  if (!heading) return { problems: [{ line: 1, problem: 'the file is empty' }], badLines: 1 };
  const columns = columnsOf(heading.cells);
  if ('problem' in columns)
    return { problems: [{ line: heading.line, problem: columns.problem }], badLines: 1 };
  if (records.length === 0)
    return {
      problems: [{ line: heading.line, problem: 'the file has a heading but no addresses' }],
      badLines: 1,
    };
  const rows: GazetteerRow[] = [];
  const problems: LineProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of records) {
    const checked =
      cells.length > heading.cells.length
        ? {
            problem: `it has ${cells.length} values where the first line names ${heading.cells.length} columns (put an address with commas in double quotes)`,
          }
        : checkRow(cells, columns);
    if ('problem' in checked) {
      problems.push({ line, problem: checked.problem });
      continue;
    }
    const earlier = firstLine.get(checked.row.uprn);
    if (earlier !== undefined)
      problems.push({ line, problem: `UPRN ${checked.row.uprn} is also on line ${earlier}` });
    else {
      firstLine.set(checked.row.uprn, line);
      rows.push(checked.row);
    }
  }
  return problems.length
    ? { problems: problems.slice(0, problemsShown), badLines: problems.length }
    : { rows };
}

// The problems as messages: "Line 7: the postcode is missing", and how many more were not shown.
export function problemMessages(checked: { problems: LineProblem[]; badLines: number }): string[] {
  const messages = checked.problems.map(({ line, problem }) => `Line ${line}: ${problem}`);
  const more = checked.badLines - checked.problems.length;
  return more > 0 ? [...messages, `And ${more} more lines with problems`] : messages;
}
