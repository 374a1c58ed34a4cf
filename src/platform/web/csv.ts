// CSV (RFC 4180) for downloads. A cell that a spreadsheet would run as a formula is prefixed
// with an apostrophe, so that an offeror called "=HYPERLINK(…)" stays text.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}
