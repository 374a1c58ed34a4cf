import { type HoursSettings, hoursVerdict, type VisitTiming } from '../../visits/service.ts';
import { instantOn, minuteOf } from './clock.ts';
import type { Stop } from './rules.ts';

// A planned visit as the visits module's hours rules read it: to take control, notified (on a
// shared plan), starting at a minute of the day and lasting the stop's minutes.
export function visitTiming(
  stop: Pick<Stop, 'place' | 'minutes' | 'premises' | 'tradingHours'>,
  date: string,
  start: number,
): VisitTiming {
  const at = instantOn(date);
  return {
    start: at(start),
    finish: at(start + stop.minutes),
    place: stop.place,
    purpose: 'taking-control',
    premises: stop.premises,
    tradingHours: stop.tradingHours,
    begunAt: null,
    courtOrder: null,
    notified: true,
  };
}

// A business is visited while it trades (one closing after midnight trades until midnight here).
export function tradingWindow(stop: Pick<Stop, 'tradingHours'>): { from: number; until: number } {
  if (!stop.tradingHours) return { from: 0, until: 1440 };
  const from = minuteOf(stop.tradingHours.from);
  const until = minuteOf(stop.tradingHours.until);
  return { from, until: until > from ? until : 1440 };
}

// When a visit may start without anyone's authorisation, by the same hours rules every visit is
// checked against (000 out of hours and daylight, 000 un-notified hours, 004 and TCG regs 12-13
// and 21-22 for taking control), inside the officer's working day and any appointment made.

const step = 5;

/** The longest run of minutes at which the visit may start, or null when there is none. */
export function allowedStarts(
  stop: Pick<Stop, 'place' | 'minutes' | 'premises' | 'tradingHours' | 'appointment'>,
  day: { date: string; from: number; until: number },
  settings: HoursSettings,
): { from: number; until: number } | null {
  const open = tradingWindow(stop);
  const first = Math.max(day.from, stop.appointment?.from ?? 0, open.from);
  const last = Math.min(day.until - stop.minutes, stop.appointment?.until ?? 1440, open.until - stop.minutes);
  const allowed = (start: number) =>
    hoursVerdict(visitTiming(stop, day.date, start), settings).outcome === 'allowed';
  let best: { from: number; until: number } | null = null;
  let runFrom: number | null = null;
  const close = (until: number) => {
    if (runFrom !== null && (!best || until - runFrom > best.until - best.from))
      best = { from: runFrom, until };
    runFrom = null;
  };
  for (let start = first; start <= last; start += step) {
    if (!allowed(start)) close(refine(allowed, start - step, start - 1, false));
    else if (runFrom === null) runFrom = refine(allowed, Math.max(first, start - step + 1), start, true);
  }
  if (runFrom !== null) close(refine(allowed, last - ((last - first) % step), last, false));
  return best;
}

// The first (or last) allowed minute between two probes where the answer changes.
function refine(allowed: (minute: number) => boolean, from: number, until: number, first: boolean): number {
  if (first) {
    for (let minute = from; minute < until; minute++) if (allowed(minute)) return minute;
    return until;
  }
  for (let minute = until; minute > from; minute--) if (allowed(minute)) return minute;
  return from;
}
