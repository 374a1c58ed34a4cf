import { addDays, weekdayOnOrBefore } from '../../../platform/demo/history.ts';
import { demoCustomers } from '../../customers/service.ts';
import { type Course, courseActions, manager, refusalActions, type Timed } from './course.ts';
import {
  type Complainant,
  complainant,
  type PlannedComplaint,
  type Planning,
  storyOf,
  workingDays,
} from './plan.ts';

// The complaints the demo needs on any day: open ones due today, overdue and at risk for each
// of the team, one extended, three awaiting triage, two at stage 2, two that went to an Ombudsman,
// remedies owed by the people the start banner offers, and the complaints of the customers whose
// behaviour the council manages. Dated back from today in working days.

type Script = {
  service: string;
  story: number;
  channel: PlannedComplaint['channel'];
  // Received this many working days ago.
  received: number;
  course?: (on: (workingDaysAgo: number) => string) => Course;
  ombudsman?: (daysAgo: (days: number) => string) => Timed[];
  who?: Complainant;
};

type Outcome = 'upheld' | 'partially-upheld' | 'not-upheld';
const respond = (handler: string, respondOn: string, outcome: Outcome) => ({ handler, respondOn, outcome });
// A stage still with its handler: its response is not planned before today.
const open = (handler: string) => respond(handler, '9999-12-31', 'upheld');

const scripts: readonly Script[] = [
  // Due today: James's, with accounts asked of the head of Finance and of Liam Barker.
  {
    service: 'Finance and Revenues',
    story: 1,
    channel: 'email',
    received: 12,
    course: (on) => ({
      triageOn: on(10),
      stage1: open('james.oneill'),
      ask: { on: on(9), officers: ['liam.barker'], dueOn: on(-3) },
    }),
  },
  {
    service: 'Housing',
    story: 0,
    channel: 'phone',
    received: 15,
    course: (on) => ({ triageOn: on(13), stage1: open('james.oneill') }),
  },
  // Overdue by a day: Hannah's, with an account asked of Peter Green, the licensing officer.
  {
    service: 'Environmental Health and Licensing',
    story: 0,
    channel: 'online',
    received: 13,
    course: (on) => ({
      triageOn: on(11),
      stage1: open('hannah.price'),
      ask: { on: on(10), officers: ['peter.green'], dueOn: on(-2) },
    }),
  },
  {
    service: 'Planning and Building Control',
    story: 0,
    channel: 'letter',
    received: 9,
    course: (on) => ({ triageOn: on(8), stage1: open('james.oneill') }),
  },
  {
    service: 'Customer Services',
    story: 2,
    channel: 'online',
    received: 4,
    course: (on) => ({ triageOn: on(3), stage1: open('hannah.price') }),
  },
  // Extended: the manager's own, due in a week.
  {
    service: 'Housing',
    story: 2,
    channel: 'online',
    received: 17,
    course: (on) => ({ triageOn: on(15), stage1: { ...open(manager), extendOn: on(6) } }),
  },
  // Awaiting triage: acknowledgement due today, overdue, and just arrived.
  { service: 'Revenues Compliance and Enforcement', story: 1, channel: 'online', received: 5 },
  { service: 'Planning and Building Control', story: 1, channel: 'email', received: 7 },
  { service: 'Finance and Revenues', story: 0, channel: 'phone', received: 1 },
  // Stage 2: one in time with Hannah, one overdue with the manager.
  {
    service: 'Housing',
    story: 1,
    channel: 'online',
    received: 40,
    course: (on) => ({
      triageOn: on(38),
      stage1: respond('james.oneill', on(28), 'partially-upheld'),
      escalateOn: on(12),
      stage2: open('hannah.price'),
    }),
  },
  {
    service: 'Planning and Building Control',
    story: 2,
    channel: 'email',
    received: 60,
    course: (on) => ({
      triageOn: on(58),
      stage1: respond('hannah.price', on(49), 'not-upheld'),
      escalateOn: on(22),
      stage2: open(manager),
    }),
  },
  // Remedies owed: a refund by Liam Barker this week, damp works by the head of Housing, overdue.
  {
    service: 'Finance and Revenues',
    story: 0,
    channel: 'online',
    received: 18,
    course: (on) => ({
      triageOn: on(16),
      stage1: {
        ...respond('hannah.price', on(6), 'upheld'),
        remedy: { owner: 'liam.barker', dueOn: on(-3), pounds: 86 },
      },
    }),
  },
  {
    service: 'Housing',
    story: 0,
    channel: 'phone',
    received: 30,
    course: (on) => ({
      triageOn: on(28),
      stage1: {
        ...respond('james.oneill', on(16), 'upheld'),
        remedy: { owner: 'kwame.mensah', dueOn: on(4) },
        improvement: true,
      },
    }),
  },
  // To the Local Government and Social Care Ombudsman: fault found, its remedy due this month.
  {
    service: 'Planning and Building Control',
    story: 1,
    channel: 'letter',
    received: 190,
    course: (on) => ({
      triageOn: on(188),
      stage1: respond('james.oneill', on(179), 'not-upheld'),
      escalateOn: on(170),
      stage2: respond('hannah.price', on(155), 'not-upheld'),
      closeOn: on(150),
    }),
    ombudsman: (daysAgo) =>
      ombudsmanCase(daysAgo, {
        ombudsman: 'lgsco',
        theirReference: '25 014 377',
        received: 120,
        responded: 101,
        decided: 30,
        decision: 'fault-injustice',
      }),
  },
  // To the Housing Ombudsman: no fault, closed.
  {
    service: 'Housing',
    story: 0,
    channel: 'online',
    received: 235,
    course: (on) => ({
      triageOn: on(233),
      stage1: {
        ...respond('hannah.price', on(224), 'partially-upheld'),
        remedy: { owner: 'kwame.mensah', dueOn: on(210), doneOn: on(212) },
      },
      escalateOn: on(214),
      stage2: respond(manager, on(196), 'not-upheld'),
      closeOn: on(193),
    }),
    ombudsman: (daysAgo) =>
      ombudsmanCase(daysAgo, {
        ombudsman: 'housing',
        theirReference: '202512345',
        received: 230,
        responded: 212,
        decided: 150,
        decision: 'no-fault',
      }),
  },
];

// An Ombudsman's enquiry about a complaint that had its final response: our response, their
// decision, and then the remedy they asked for, or the case closed.
function ombudsmanCase(
  daysAgo: (days: number) => string,
  c: {
    ombudsman: string;
    theirReference: string;
    received: number;
    responded: number;
    decided: number;
    decision: string;
  },
): Timed[] {
  const [receivedOn, respondedOn, decidedOn] = [c.received, c.responded, c.decided].map((days) =>
    weekdayOnOrBefore(daysAgo(days)),
  ) as [string, string, string];
  const step = (on: string, name: string, input: Record<string, string>): Timed => ({
    on,
    time: '13:10',
    by: manager,
    action: { do: 'ombudsman', step: name, input },
  });
  const enquiry = {
    ombudsman: c.ombudsman,
    theirReference: c.theirReference,
    receivedOn,
    enquiry: 'The Ombudsman asks for our complaint file, the responses sent and any remedy offered',
    respondBy: addDays(receivedOn, 28),
  };
  const after = addDays(decidedOn, 2);
  return [
    step(receivedOn, 'open', enquiry),
    step(respondedOn, 'response', { respondedOn }),
    step(decidedOn, 'decision', { decision: c.decision, decidedOn }),
    c.decision === 'fault-injustice'
      ? step(after, 'remedy', {
          remedy: 'Apologise in writing and pay £300 for the uncertainty caused',
          remedyDueOn: daysAgo(-20),
        })
      : step(after, 'close', { closedOn: after }),
  ];
}

// The complaints of the customers whose behaviour the council manages (customers' demo).
function personas(p: Planning): PlannedComplaint[] {
  const [thorne, carver] = demoCustomers;
  if (!thorne || !carver) return [];
  const as = (customer: typeof thorne): Complainant => ({
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    address: customer.postal,
    preference: 'email',
  });
  const on = (days: number) => workingDays(p.calendar, p.days.today, -days);
  const repair = {
    service: 'Housing',
    whatHappened: 'The extractor fan in my bathroom has stopped working again.',
    wantedOutcome: 'Repair it this week.',
    decision: 'service-request' as const,
    reason: 'This is a repair request, which we have passed to the repairs team to book.',
  };
  return [
    planned(p, {
      service: 'Housing',
      story: 0,
      channel: 'email',
      received: 205,
      who: as(thorne),
      course: () => ({
        triageOn: on(203),
        stage1: respond('james.oneill', on(194), 'not-upheld'),
        escalateOn: on(186),
        stage2: respond(manager, on(170), 'not-upheld'),
        closeOn: on(165),
      }),
    }),
    {
      ...planned(p, { service: 'Housing', story: 0, channel: 'phone', received: 140, who: as(thorne) }),
      ...repair,
      actions: refusalActions(repair, on(139)),
    },
    planned(p, {
      service: 'Housing',
      story: 0,
      channel: 'email',
      received: 42,
      who: as(thorne),
      course: () => ({
        triageOn: on(40),
        stage1: respond('hannah.price', on(31), 'partially-upheld'),
      }),
    }),
    planned(p, {
      service: 'Finance and Revenues',
      story: 2,
      channel: 'phone',
      received: 50,
      who: as(carver),
      course: () => ({
        triageOn: on(48),
        stage1: respond('james.oneill', on(39), 'not-upheld'),
      }),
    }),
  ];
}

function planned(p: Planning, script: Script): PlannedComplaint {
  const { days, calendar, random } = p;
  const on = (workingDaysAgo: number) => workingDays(calendar, days.today, -workingDaysAgo);
  const story = storyOf(script.service, script.story);
  const receivedOn = on(script.received);
  return {
    complainant: script.who ?? complainant(random, 500 + script.received, script.channel),
    service: script.service,
    channel: script.channel,
    receivedOn,
    time: script.received === 1 ? '15:20' : '10:05',
    loggedBy: manager,
    whatHappened: story.whatHappened,
    happenedOn: addDays(receivedOn, -9),
    wantedOutcome: story.wantedOutcome,
    actions: [
      ...(script.course ? courseActions(story, script.course(on)) : []),
      ...(script.ombudsman ? script.ombudsman(days.daysAgo) : []),
    ],
  };
}

export function scriptedComplaints(p: Planning): PlannedComplaint[] {
  return [...scripts.map((script) => planned(p, script)), ...personas(p)];
}
