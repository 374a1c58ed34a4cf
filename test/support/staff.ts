// Staff files as an HR system exports them, for the staff import's tests and benchmark.

export const staffHeading =
  'Staff Number,Full Name,Email Address,Job Title,Service,Line Manager,Start Date,Leaving Date,Contract Type';

export function staffCsv(...rows: string[]): string {
  return `\uFEFF${[staffHeading, ...rows].join('\r\n')}\r\n`;
}

// A council's whole staff: a chief executive, then everyone managed by someone before them in the
// file, spread over the given services.
export function wholeStaff(count: number, services: readonly string[], domain = 'bench.test'): string {
  const rows: string[] = [];
  for (let at = 1; at <= count; at++) {
    const manager = at === 1 ? '' : `S${String(Math.floor(at / 8) || 1).padStart(6, '0')}`;
    const service = services[at % services.length] ?? '';
    rows.push(
      `S${String(at).padStart(6, '0')},"Person ${at}, Jr",person${at}@${domain},Officer,${service},${manager},2020-01-0${(at % 9) + 1},,employee`,
    );
  }
  return staffCsv(...rows);
}
