import { clockTime } from '../../../platform/calendar/date-text.ts';
import { londonInstant } from '../../../platform/calendar/daylight.ts';

// A plan's times are whole minutes of the London day; noon anchors them so that a clock change
// in the small hours moves no working time.

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// A minute of the day as people read it: 9:30am.
export const timeOfDay = (minute: number) => clockTime(hhmm(minute));

export function minuteOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The instant of a minute of the London day `date`. */
export function instantOn(date: string): (minute: number) => Date {
  const noon = londonInstant(date, '12:00').getTime();
  return (minute) => new Date(noon + (minute - 720) * 60_000);
}
