import { addMonths } from '../../../platform/calendar/months.ts';
import {
  addWorkingDays,
  isWorkingDay,
  type WorkingCalendar,
} from '../../../platform/calendar/working-days.ts';
import { addDays, type DemoDays, type Random, weekdayOnOrBefore } from '../../../platform/demo/history.ts';
import type { Outcome } from '../casework/rules.ts';
import {
  type Course,
  courseActions,
  heads,
  manager,
  refusalActions,
  type Stage,
  type Timed,
} from './course.ts';
import { forenames, notComplaints, type Story, stories, streets, surnames } from './stories.ts';

// The demo council's year of complaints: about five a month over the past year (more about council
// tax in April and May, when the bills go out, and about damp in winter), each taken through its
// course; those of the last few weeks are still open, some due today, some overdue.

export type Complainant = {
  name: string;
  email: string;
  phone: string;
  address: string;
  preference: 'email' | 'phone' | 'post';
};

export type PlannedComplaint = {
  complainant: Complainant;
  service: string | null;
  channel: 'online' | 'phone' | 'email' | 'letter' | 'in-person';
  receivedOn: string;
  time: string;
  loggedBy: string;
  whatHappened: string;
  happenedOn: string;
  wantedOutcome: string;
  actions: Timed[];
};

export type Planning = { days: DemoDays; calendar: WorkingCalendar; random: Random };

export const officers = ['james.oneill', 'hannah.price'];

// Working days on from a date, or back when `days` is negative.
export function workingDays(calendar: WorkingCalendar, from: string, days: number): string {
  if (days >= 0) return addWorkingDays(calendar, from, days);
  let date = from;
  for (let counted = 0; counted < -days; ) {
    date = addDays(date, -1);
    if (isWorkingDay(calendar, date)) counted += 1;
  }
  return date;
}

const pickWeighted = <T>(random: Random, choices: readonly [T, number][]): T => {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return (choices.at(-1) as [T, number])[0];
};

export function storyOf(service: string, index: number): Story {
  const found = stories.filter((story) => story.service === service)[index];
  if (!found) throw new Error(`No demo complaint ${index} about ${service}`);
  return found;
}

function serviceFor(month: number, random: Random): string {
  return pickWeighted(random, [
    ['Housing', month === 12 || month <= 2 ? 4 : 2.5],
    ['Finance and Revenues', month === 4 || month === 5 ? 4.5 : 1.5],
    ['Environmental Health and Licensing', month >= 6 && month <= 8 ? 2 : 1],
    ['Planning and Building Control', 1.5],
    ['Customer Services', 1],
    ['Revenues Compliance and Enforcement', 1],
  ]);
}

// Someone complaining: online with an email address; by post, phone or in person often without,
// and then more often asking to be written to by post.
export function complainant(
  random: Random,
  index: number,
  channel: PlannedComplaint['channel'],
): Complainant {
  const [first, last] = [random.pick(forenames), random.pick(surnames)];
  const online = channel === 'online' || channel === 'email';
  const email = online || random.chance(0.6) ? `${first}.${last}${index}@example.com`.toLowerCase() : '';
  const byPost = online ? 0.1 : 0.6;
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return {
    name: `${first} ${last}`,
    email,
    phone: random.chance(0.6) ? `07700 900 ${String(100 + index).padStart(3, '0')}` : '',
    address: `${random.between(1, 120)} ${random.pick(streets)}, Demoton DM${random.between(1, 9)} ${random.between(1, 9)}${letters[index % 20]}${letters[(index * 7) % 20]}`,
    preference: email && !random.chance(byPost) ? 'email' : 'post',
  };
}

const outcomeOf = (random: Random, weights: [number, number, number]): Outcome =>
  pickWeighted(random, [
    ['upheld', weights[0]],
    ['partially-upheld', weights[1]],
    ['not-upheld', weights[2]],
  ]);

function stage(p: Planning, story: Story, handler: string, from: string, respondDays: number): Stage {
  const { random, calendar } = p;
  const extended = random.chance(0.12);
  const respondOn = workingDays(
    calendar,
    from,
    extended
      ? random.between(12, 18)
      : random.chance(0.18)
        ? random.between(respondDays + 1, respondDays + 5)
        : random.between(4, respondDays),
  );
  const outcome = outcomeOf(random, [3, 3.5, 3.5]);
  const dueOn = addDays(respondOn, random.between(14, 28));
  return {
    handler,
    respondOn,
    outcome,
    ...(extended ? { extendOn: workingDays(calendar, from, Math.min(7, respondDays - 1)) } : {}),
    // Done by its due date mostly, a few late; those due lately are still to do.
    remedy: {
      owner: heads[story.service] ?? manager,
      dueOn,
      doneOn: weekdayOnOrBefore(
        addDays(dueOn, random.chance(0.85) ? random.between(-7, 0) : random.between(2, 12)),
      ),
    },
    improvement: random.chance(0.6),
  };
}

// One complaint of the year: accepted and taken through stage 1, perhaps to stage 2, then closed.
function accepted(p: Planning, story: Story, receivedOn: string, respondDays: [number, number]): Timed[] {
  const { random, calendar } = p;
  const handler = random.pick([...officers, ...officers, manager]);
  const triageOn = workingDays(
    calendar,
    receivedOn,
    random.chance(0.1) ? random.between(6, 7) : random.between(1, 4),
  );
  const stage1 = stage(p, story, handler, triageOn, respondDays[0]);
  const course: Course = { triageOn, stage1 };
  if (random.chance(0.2))
    course.ask = {
      on: workingDays(calendar, triageOn, 1),
      officers: [],
      dueOn: addDays(workingDays(calendar, triageOn, 1), 7),
      answeredOn: workingDays(calendar, triageOn, random.between(2, 5)),
    };
  if (stage1.outcome !== 'upheld' && random.chance(0.22)) {
    const escalateOn = weekdayOnOrBefore(addDays(stage1.respondOn, random.between(5, 30)));
    const other = random.pick([...officers, manager].filter((person) => person !== handler));
    const stage2 = {
      ...stage(p, story, other, escalateOn, respondDays[1]),
      outcome: outcomeOf(random, [1, 3, 6]),
    };
    Object.assign(course, { escalateOn, stage2 });
    course.closeOn = weekdayOnOrBefore(addDays(stage2.respondOn, random.between(2, 10)));
  } else course.closeOn = weekdayOnOrBefore(addDays(addMonths(stage1.respondOn, 2), random.between(1, 7)));
  return courseActions(story, course);
}

// The year's complaints up to a month ago, each at a random point of its course by today.
export function yearOfComplaints(p: Planning, respondDays: [number, number]): PlannedComplaint[] {
  const { days, random } = p;
  const planned: PlannedComplaint[] = [];
  for (let ago = 364; ago >= 30; ) {
    const receivedOn = days.daysAgo(ago);
    const month = Number(receivedOn.slice(5, 7));
    ago -= [4, 5, 12, 1, 2].includes(month) ? random.between(3, 6) : random.between(5, 10);
    const channel = pickWeighted<PlannedComplaint['channel']>(random, [
      ['online', 4],
      ['email', 2],
      ['phone', 2],
      ['letter', 1.2],
      ['in-person', 0.8],
    ]);
    const on = channel === 'online' ? receivedOn : weekdayOnOrBefore(receivedOn);
    const base = {
      complainant: complainant(random, planned.length, channel),
      channel,
      receivedOn: on,
      time: `${String(random.between(8, 17)).padStart(2, '0')}:${String(random.between(0, 59)).padStart(2, '0')}`,
      loggedBy: random.pick([...officers, manager]),
      happenedOn: addDays(on, -random.between(2, 40)),
    };
    if (random.chance(0.13)) {
      const refused = random.pick(notComplaints);
      const triageOn = workingDays(p.calendar, on, random.between(1, 3));
      planned.push({ ...base, ...refused, actions: refusalActions(refused, triageOn) });
      continue;
    }
    const service = serviceFor(month, random);
    const story = storyOf(service, random.between(0, 2));
    planned.push({ ...base, ...story, actions: accepted(p, story, on, respondDays) });
  }
  return planned;
}
