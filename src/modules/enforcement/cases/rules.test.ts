import { describe, expect, it } from 'vitest';
import { earliestTakingControl, easterSunday, noticeCalendar, noticeExpiredBy } from './rules.ts';

const england = noticeCalendar('england-and-wales');
const scotland = noticeCalendar('scotland');
// A division whose bank holiday list has neither Good Friday nor Christmas Day: reg 6(3) still
// leaves them out.
const bare = { division: 'scotland' as const, bankHolidays: new Set<string>() };

// Taking Control of Goods Regulations 2013 reg 6 (DOMAIN.md §5, 004): 7 clear days, the notice day
// and the visit day not counted, nor Sundays, bank holidays, Good Friday or Christmas Day.
describe('the earliest day to take control after a notice of enforcement (TCG Regs 2013 reg 6)', () => {
  it.each([
    ['a plain week: Monday notice, Sunday skipped', england, '2026-03-02', '2026-03-11'],
    ['a Saturday notice: the Sunday after it is not counted', england, '2026-03-07', '2026-03-17'],
    ['a Sunday notice: the notice day itself is never counted', england, '2026-03-08', '2026-03-17'],
    ['Easter in England: Good Friday, Sunday and Easter Monday skipped', england, '2026-03-30', '2026-04-10'],
    ['Easter in Scotland: Easter Monday counts', scotland, '2026-03-30', '2026-04-09'],
    [
      'Christmas in England: Christmas Day, Sunday, Boxing Day substitute',
      england,
      '2026-12-21',
      '2027-01-01',
    ],
    ['New Year in England: New Year’s Day and Sunday skipped', england, '2026-12-29', '2027-01-08'],
    ['New Year in Scotland: 2 January’s substitute skipped as well', scotland, '2026-12-29', '2027-01-09'],
    ['Good Friday skipped even when not a listed bank holiday', bare, '2026-03-30', '2026-04-09'],
    ['Christmas Day skipped even when not a listed bank holiday', bare, '2026-12-21', '2026-12-31'],
  ] as const)('%s: notice %s → %s', (_case, calendar, notice, earliest) => {
    expect(earliestTakingControl(notice, calendar)).toBe(earliest);
  });

  it.each([
    [null, '2026-04-20', false],
    ['2026-03-02', '2026-03-10', false],
    ['2026-03-02', '2026-03-11', true],
    ['2026-03-02', '2026-05-01', true],
  ] as const)('notice %s, visit %s: may take control %s', (notice, visit, expected) => {
    expect(noticeExpiredBy(notice, visit, england)).toBe(expected);
  });

  it.each([
    [2024, '2024-03-31'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses a date that is not one', () => {
    expect(() => earliestTakingControl('2026-02-30x', england)).toThrow(RangeError);
  });
});
