import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../organisation/service.ts';
import { hoursVerdict } from '../../visits/service.ts';
import { hhmm } from './clock.ts';
import type { Stop } from './rules.ts';
import { allowedStarts, visitTiming } from './windows.ts';

// The minutes a visit may start in come from the visits module's hours rules (000 out of hours and
// daylight; 004 and TCG Regulations 2013 for taking control), inside the working day and any
// appointment: every minute inside is allowed by those rules, the minutes just outside are not.

const settings = defaultPolicy();
const place = { latitude: 52.24, longitude: -0.9 };
const home: Pick<Stop, 'place' | 'minutes' | 'premises' | 'tradingHours' | 'appointment'> = {
  place,
  minutes: 20,
  premises: 'domestic',
  tradingHours: null,
  appointment: null,
};
const workingDay = { from: 7 * 60, until: 19 * 60 };

const allowed = (stop: typeof home, date: string, start: number) =>
  hoursVerdict(visitTiming(stop, date, start), settings).outcome === 'allowed';

describe('allowedStarts', () => {
  it.each([
    {
      name: 'a spring weekday: until the visit ends by 18:00',
      date: '2027-04-14',
      stop: home,
      window: ['07:00', '17:40'],
    },
    { name: 'a winter weekday: daylight only', date: '2026-12-09', stop: home, window: ['08:01', '15:31'] },
    {
      name: 'an appointment narrows it',
      date: '2027-04-14',
      stop: { ...home, appointment: { from: 10 * 60, until: 11 * 60 } },
      window: ['10:00', '11:00'],
    },
    { name: 'a Saturday: never without authorisation', date: '2027-04-17', stop: home, window: null },
  ])('$name', ({ date, stop, window }) => {
    const found = allowedStarts(stop, { date, ...workingDay }, settings);
    expect(found && [hhmm(found.from), hhmm(found.until)]).toEqual(window);
    if (!found) return;
    for (let minute = found.from; minute <= found.until; minute++)
      expect(allowed(stop, date, minute)).toBe(true);
    const first = Math.max(workingDay.from, stop.appointment?.from ?? 0);
    const last = Math.min(workingDay.until - stop.minutes, stop.appointment?.until ?? 1440);
    if (found.from > first) expect(allowed(stop, date, found.from - 1)).toBe(false);
    if (found.until < last) expect(allowed(stop, date, found.until + 1)).toBe(false);
  });
});
