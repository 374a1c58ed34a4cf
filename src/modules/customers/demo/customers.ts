import type { ContactChannel } from '../rules.ts';

// The demo council's customers whose behaviour it manages: one restricted as vexatious, his review
// due next week; one warned this autumn; one whose final warning was lifted at review. Pure data;
// seed.ts makes them. Complaints' demo uses the same people (name and email) for their complaints.

type Contact = {
  daysAgo: number;
  by: string;
  channel: ContactChannel;
  minutes: number;
  summary: string;
  outcome?: string;
};

type Decision = {
  behaviour: string;
  evidence: string;
  equalityCheck: string;
  restrictions?: string[];
};

type Step =
  | {
      to: 'warned' | 'pre-vexatious' | 'vexatious';
      daysAgo: number | 'review-next-week';
      by: string;
      // The single point of contact (and the named officer of a restriction to one).
      contact?: string;
      decision: Decision;
    }
  | { to: 'review'; daysAgo: number; by: string; decision: 'lift' | 'keep'; reasons: string };

export type DemoCustomer = {
  name: string;
  email: string;
  phone: string;
  postal: string;
  since: number;
  createdBy: string;
  contacts: Contact[];
  steps: Step[];
};

// Contacts about the same matter, spread between two days ago: the same few things said again.
function repeated(
  from: number,
  to: number,
  count: number,
  by: readonly string[],
  said: readonly [ContactChannel, number, string][],
): Contact[] {
  return Array.from({ length: count }, (_, index) => {
    const [channel, minutes, summary] = said[index % said.length] as [ContactChannel, number, string];
    return {
      daysAgo: Math.round(from - ((from - to) * index) / Math.max(1, count - 1)),
      by: by[index % by.length] as string,
      channel,
      minutes,
      summary,
    };
  });
}

const thorne: DemoCustomer = {
  name: 'Gerald Thorne',
  email: 'gerald.thorne@example.com',
  phone: '01632 960 417',
  postal: '12 Kestrel Way, Demoton DM4 7HS',
  since: 330,
  createdBy: 'chloe.roberts',
  contacts: [
    ...repeated(
      322,
      250,
      8,
      ['chloe.roberts', 'michael.bennett', 'stephen.murray'],
      [
        ['phone', 35, 'Called about the damp in his flat; said the council was “deliberately ignoring” him'],
        ['email', 20, 'Long email about the repair, copied to councillors and the local paper'],
        ['phone', 45, 'Shouted at the adviser and would not end the call; repeated the same demands'],
        ['in-person', 40, 'Came to reception demanding to see the Director of Place the same day'],
      ],
    ),
    ...repeated(
      235,
      125,
      9,
      ['michael.bennett', 'nia.evans', 'hannah.price'],
      [
        ['phone', 50, 'Called four times in one morning about the same repair, already inspected'],
        ['email', 25, 'Eleven emails in a day, some abusive towards the named housing officer'],
        ['phone', 30, 'Threatened to “make life difficult” for the officer unless he was rehoused'],
      ],
    ),
    ...repeated(
      110,
      10,
      5,
      ['hannah.price'],
      [
        ['letter', 15, 'Letter about the repair timetable, answered in writing'],
        ['email', 10, 'Email to the named officer asking for an update; answered within five days'],
      ],
    ),
  ],
  steps: [
    {
      to: 'warned',
      daysAgo: 240,
      by: 'kwame.mensah',
      decision: {
        behaviour: 'Repeated long calls in which he shouts at advisers, and emails copied widely',
        evidence: 'Twelve contacts on the timeline in ten weeks, four of them abusive',
        equalityCheck: 'Asked about his needs: none given; offered a single weekly call, which he refused',
      },
    },
    {
      to: 'pre-vexatious',
      daysAgo: 190,
      by: 'hannah.price',
      contact: 'hannah.price',
      decision: {
        behaviour: 'The behaviour continued after the warning, including threats towards one officer',
        evidence: 'Further abusive calls and emails logged since the warning letter',
        equalityCheck: 'No needs identified; written contact offered as a reasonable adjustment',
      },
    },
    {
      to: 'vexatious',
      daysAgo: 'review-next-week',
      by: 'lucy.adeyemi',
      contact: 'hannah.price',
      decision: {
        behaviour: 'Threats and abuse continued after the final warning; staff time is unreasonable',
        evidence: 'The timeline since the final warning, and the officer’s statement',
        equalityCheck:
          'Reviewed with Housing: no needs that explain the behaviour; written contact suits him',
        restrictions: ['written-only', 'named-officer-only'],
      },
    },
  ],
};

const carver: DemoCustomer = {
  name: 'Denise Carver',
  email: 'denise.carver@example.net',
  phone: '07700 900 613',
  postal: 'Flat 3, 41 Station Road, Demoton DM1 2PL',
  since: 86,
  createdBy: 'liam.barker',
  contacts: repeated(
    82,
    20,
    7,
    ['liam.barker', 'sophie.turner', 'grace.whitmore'],
    [
      ['phone', 25, 'Disputed the council tax arrears; swore at the officer when the balance was explained'],
      ['phone', 35, 'Called again about the summons; would not accept the payment plan offered'],
      ['email', 15, 'Email accusing named officers of fraud, asking for them to be sacked'],
    ],
  ),
  steps: [
    {
      to: 'warned',
      daysAgo: 52,
      by: 'helen.marsh',
      decision: {
        behaviour: 'Swearing at and accusing officers on calls about her council tax account',
        evidence: 'Four calls on the timeline, two ended by the officer because of abuse',
        equalityCheck: 'Asked about support needs; referred to the debt advice service, which she accepted',
      },
    },
  ],
};

const hale: DemoCustomer = {
  name: 'Victor Hale',
  email: 'v.hale@example.org',
  phone: '01632 960 882',
  postal: '7 Abbey Close, Demoton DM5 3RT',
  since: 300,
  createdBy: 'stephen.murray',
  contacts: repeated(
    296,
    120,
    8,
    ['stephen.murray', 'joanna.wright', 'james.oneill'],
    [
      ['phone', 30, 'Called about noise from a neighbour; demanded immediate enforcement action'],
      ['in-person', 45, 'Came to reception with recordings; refused to leave until closing'],
      ['email', 15, 'Emails to every officer in Environmental Health at once'],
    ],
  ),
  steps: [
    {
      to: 'warned',
      daysAgo: 270,
      by: 'fiona.mcleod',
      decision: {
        behaviour: 'Refusing to leave reception and emailing every officer in the team at once',
        evidence: 'Six contacts in three weeks, two in person lasting most of an afternoon',
        equalityCheck:
          'Asked about his needs; he said the noise is affecting his health, so we gave him one contact',
      },
    },
    {
      to: 'pre-vexatious',
      daysAgo: 230,
      by: 'james.oneill',
      contact: 'joanna.wright',
      decision: {
        behaviour: 'The same pattern after the warning, with threats to post officers’ names online',
        evidence: 'The timeline since the warning',
        equalityCheck: 'His health was considered: a single point of contact in the team, by email',
      },
    },
    {
      to: 'review',
      daysAgo: 118,
      by: 'lucy.adeyemi',
      decision: 'lift',
      reasons: 'Contact has been reasonable for three months since the noise case was resolved',
    },
  ],
};

export const demoCustomers: readonly DemoCustomer[] = [thorne, carver, hale];
