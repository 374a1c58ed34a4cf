// Staff files as an HR system exports them, for the staff import's tests and benchmark.

export const staffHeading =
  'Staff Number,Full Name,Email Address,Job Title,Service,Line Manager,Start Date,Leaving Date,Contract Type';

export function staffCsv(...rows: string[]): string {
  return `\uFEFF${[staffHeading, ...rows].join('\r\n')}\r\n`;
}
