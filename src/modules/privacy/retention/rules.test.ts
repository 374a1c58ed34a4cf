import { describe, expect, it } from 'vitest';
import { cutoffFor, dueOn } from './rules.ts';

// DOMAIN.md "Records, privacy and audit": retention periods are per record type (policy), after
// which personal data is anonymised; a period counts whole calendar months or years from its basis.
describe('when a record is due for anonymisation', () => {
  it.each([
    ['6 years before today', '2026-12-06', { length: 6, unit: 'years' as const }, '2020-12-06'],
    ['18 months before today', '2026-11-23', { length: 18, unit: 'months' as const }, '2025-05-23'],
    ['a 29 February basis a year on', '2025-02-28', { length: 1, unit: 'years' as const }, '2024-02-28'],
  ])('the cut-off is %s', (_, today, period, cutoff) => {
    expect(cutoffFor(today, period)).toBe(cutoff);
  });

  it.each([
    ['a gift offered on 2 November 2020, kept 6 years', '2020-11-02', 6, '2026-11-02'],
    ['a declaration ended on 31 March 2021, kept 6 years', '2021-03-31', 6, '2027-03-31'],
    ['a return for a year ending 29 February 2024, kept 1 year', '2024-02-29', 1, '2025-02-28'],
  ])('%s is due on %s', (_, basis, years, due) => {
    expect(dueOn(basis, { length: years, unit: 'years' })).toBe(due);
  });

  it('a record due on a day is due by that day’s cut-off and not the day before', () => {
    const period = { length: 6, unit: 'years' as const };
    const due = dueOn('2020-11-02', period);
    expect(cutoffFor(due, period) >= '2020-11-02').toBe(true);
    expect(cutoffFor('2026-11-01', period) >= '2020-11-02').toBe(false);
  });
});
