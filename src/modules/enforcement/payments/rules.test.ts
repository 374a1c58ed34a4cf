import { describe, expect, it } from 'vitest';
import { againstRecorded, checkRows, csvRows } from './rules.ts';

const known = (account: string) => account.startsWith('CT');

// DOMAIN.md §5 / 004: payments monitored against arrangements; a bad row stops the whole file.
describe('reading a payments file', () => {
  it('takes a header row, skips blank lines and numbers rows by their line', () => {
    const { rows, errors } = csvRows(
      'account,date,amount,reference\r\nCT1,2026-12-01,500,R1\n\n"CT2",2026-12-02,700,"R,2"\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, account: 'CT1', date: '2026-12-01', amount: '500', reference: 'R1' },
      { line: 4, account: 'CT2', date: '2026-12-02', amount: '700', reference: 'R,2' },
    ]);
  });

  it('reports a line with the wrong number of columns', () => {
    expect(csvRows('CT1,2026-12-01,500').errors[0]?.message).toMatch(/^Line 1: expected 4 columns/);
  });

  it('reads nothing from a file that is not text', () => {
    expect(csvRows('CT1\u0000,2026-12-01,500,R1\n')).toEqual({
      rows: [],
      errors: [{ line: 1, message: 'This is not a CSV text file: it holds a NUL byte' }],
    });
  });
});

describe('checking payment rows', () => {
  const row = (line: number, account: string, date: string, amount: string, reference: string) => ({
    line,
    account,
    date,
    amount,
    reference,
  });
  it.each([
    ['a good row', row(2, 'CT1', '2026-12-01', '500', 'R1'), null],
    [
      'an unknown account',
      row(2, 'ZZ9', '2026-12-01', '500', 'R1'),
      'Line 2: account ZZ9 is not an enforcement case',
    ],
    [
      'a date that is not one',
      row(3, 'CT1', '2026-02-30', '500', 'R1'),
      /^Line 3: the date must be a real date/,
    ],
    [
      'pounds not pence',
      row(4, 'CT1', '2026-12-01', '5.00', 'R1'),
      /^Line 4: the amount must be a whole number/,
    ],
    ['a zero amount', row(4, 'CT1', '2026-12-01', '0', 'R1'), /^Line 4: the amount/],
    ['a negative amount', row(4, 'CT1', '2026-12-01', '-5', 'R1'), /^Line 4: the amount/],
    ['no reference', row(5, 'CT1', '2026-12-01', '500', ''), 'Line 5: the payment reference is missing'],
  ] as const)('%s', (_case, input, expected) => {
    const { rows, errors } = checkRows([input], known);
    if (expected === null) {
      expect(errors).toEqual([]);
      expect(rows[0]?.amountPence).toBe(500);
    } else expect(errors[0]?.message).toMatch(expected);
  });

  it('takes the same payment twice in a file once, and refuses a reference reused for another', () => {
    const same = checkRows(
      [row(1, 'CT1', '2026-12-01', '500', 'R1'), row(2, 'CT1', '2026-12-01', '500', 'R1')],
      known,
    );
    expect(same).toMatchObject({ errors: [], rows: [{ line: 1 }] });
    const other = checkRows(
      [row(1, 'CT1', '2026-12-01', '500', 'R1'), row(2, 'CT1', '2026-12-01', '600', 'R1')],
      known,
    );
    expect(other.errors).toEqual([
      { line: 2, message: 'Line 2: reference R1 is also on line 1 with different details' },
    ]);
  });

  it('skips a payment already recorded, and refuses a recorded reference with other details', () => {
    const rows = [
      { line: 1, account: 'CT1', date: '2026-12-01', amountPence: 500, reference: 'R1' },
      { line: 2, account: 'CT1', date: '2026-12-02', amountPence: 500, reference: 'R2' },
      { line: 3, account: 'CT1', date: '2026-12-03', amountPence: 500, reference: 'R3' },
    ];
    const recorded = new Map([
      ['R1', { account: 'CT1', date: '2026-12-01', amountPence: 500 }],
      ['R2', { account: 'CT1', date: '2026-12-02', amountPence: 999 }],
    ]);
    const checked = againstRecorded(rows, recorded);
    expect(checked.fresh.map((r) => r.reference)).toEqual(['R3']);
    expect(checked.errors.map((e) => e.line)).toEqual([2]);
  });
});
