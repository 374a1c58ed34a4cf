import { getTimes } from 'suncalc';

type Place = { latitude: number; longitude: number };

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

// London's offsets from UTC are whole hours, so the parts change only from one minute to the next:
// the last minute's are kept, since a page asks for today's date many times over.
let lastMinute = { minute: Number.NaN, parts: {} as Parts };

function parts(instant: Date): Parts {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute === lastMinute.minute) return lastMinute.parts;
  const map = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  lastMinute = { minute, parts: map as Parts };
  return lastMinute.parts;
}

export function londonDate(instant: Date): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

export function londonTime(instant: Date): string {
  const p = parts(instant);
  return `${p.hour}:${p.minute}`;
}

// Sunrise and sunset at a place on a London calendar day (computed for that day's midday UTC,
// which is always inside the UK day).
export function sunTimes(date: string, place: Place): { sunrise: Date; sunset: Date } {
  const { sunrise, sunset } = getTimes(new Date(`${date}T12:00:00Z`), place.latitude, place.longitude);
  if (!sunrise || !sunset)
    throw new RangeError(
      `The sun does not both rise and set at ${place.latitude}, ${place.longitude} on ${date}`,
    );
  return { sunrise, sunset };
}

// Whether it is daylight at the place at that moment (DOMAIN.md §5: non-daylight work is out of hours).
export function isDaylight(instant: Date, place: Place): boolean {
  const { sunrise, sunset } = sunTimes(londonDate(instant), place);
  return instant >= sunrise && instant < sunset;
}

// The instant a London calendar day begins (midnight GMT in winter, 23:00 UTC the day before in summer).
export function startOfLondonDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const [hours = 0, minutes = 0] = londonTime(utcMidnight).split(':').map(Number);
  return new Date(utcMidnight.getTime() - (hours * 60 + minutes) * 60_000);
}

// The instant a London wall-clock time ('HH:MM') falls on a London calendar day. In the hour the
// clocks go forward, which does not exist, the time is read as GMT.
export function londonInstant(date: string, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  const [hours = 0, minutes = 0] = londonTime(asUtc).split(':').map(Number);
  const [wantHours = 0, wantMinutes = 0] = time.split(':').map(Number);
  const aheadMinutes = (hours * 60 + minutes - (wantHours * 60 + wantMinutes) + 1440) % 1440;
  return new Date(asUtc.getTime() - aheadMinutes * 60_000);
}
