// The demo council's field team on the day Probity starts, in times relative to the start, so that
// a newcomer sees every state at once: a check-in received, one late (the sweep raises its alert
// within seconds), a flagged address visited with a second officer and the team leader's advice, a
// visit by an enforcement agent to business premises, someone not yet out, and tomorrow's plan
// with a visit to an officer's declared relative, which the checks refuse.

export type DemoVisit = {
  address: string;
  accountHolder: string;
  accountRef: string;
  purpose: 'enquiry' | 'taking-control';
  premises?: 'business';
  trading?: readonly [string, string];
  // Minutes from now.
  from: number;
  until: number;
  // Minutes from now at which the check-in after it was received.
  checkedIn?: number;
  secondOfficer?: string;
  advice?: string;
};

export type DemoPlan = {
  officer: string;
  shared: boolean;
  tomorrow?: boolean;
  homeIn: number;
  visits: readonly DemoVisit[];
  deviation?: { at: number; detail: string };
};

export const demoEmails = {
  lead: 'dean.walsh@demo.probity.test',
  coordinator: 'grace.okafor@demo.probity.test',
  kelly: 'kelly.morgan@demo.probity.test',
  imran: 'imran.siddiqui@demo.probity.test',
  bethany: 'bethany.cole@demo.probity.test',
  owen: 'owen.rees@demo.probity.test',
} as const;

export const flaggedAddress = {
  kind: 'violent',
  address: '14 Ashdown Court, Demoton DM1 4QT',
  personName: 'Carl Benton',
  reason: 'Threatened an officer and set a dog on him at the door in March; the police were told.',
  whatToDo: 'Do not visit alone. Speak from the doorstep and do not go in.',
  reviewOn: '',
};

export const declaredRelative = {
  customerName: 'Janet Morgan',
  customerAddress: '8 Wren Close, Demoton DM2 7PL',
  relationship: 'relative',
  accountReference: '60034567',
};

export const demoPlans: readonly DemoPlan[] = [
  {
    officer: demoEmails.kelly,
    shared: true,
    homeIn: 150,
    visits: [
      {
        address: '22 Linden Avenue, Demoton DM3 2AB',
        accountHolder: 'Mr P Shah',
        accountRef: '60012001',
        purpose: 'enquiry',
        from: -150,
        until: -120,
        checkedIn: -118,
      },
      {
        address: '5 Mercer Street, Demoton DM1 9RT',
        accountHolder: 'Ms L Harper',
        accountRef: '60012002',
        purpose: 'enquiry',
        from: -50,
        until: -20,
      },
      {
        address: flaggedAddress.address,
        accountHolder: flaggedAddress.personName,
        accountRef: '60012003',
        purpose: 'enquiry',
        from: 30,
        until: 60,
        secondOfficer: demoEmails.owen,
        advice: 'Go together with Owen, stay on the doorstep, and leave at once if the dog is loose.',
      },
    ],
  },
  {
    officer: demoEmails.imran,
    shared: true,
    homeIn: 120,
    deviation: { at: -25, detail: 'Going via the depot to collect a parking permit' },
    visits: [
      {
        address: '3 Orchard Row, Demoton DM4 1CC',
        accountHolder: 'Mr D Price',
        accountRef: '60022001',
        purpose: 'enquiry',
        from: -40,
        until: -10,
        checkedIn: -8,
      },
      {
        address: 'Unit 4, Castle Trading Estate, Demoton DM5 8EE',
        accountHolder: 'Castle Tyres Ltd',
        accountRef: '70022002',
        purpose: 'taking-control',
        premises: 'business',
        trading: ['08:00', '18:00'],
        from: 20,
        until: 50,
      },
    ],
  },
  {
    officer: demoEmails.bethany,
    shared: true,
    homeIn: 180,
    visits: [
      {
        address: '41 Station Road, Demoton DM2 3LP',
        accountHolder: 'Mrs K Ahmed',
        accountRef: '60032001',
        purpose: 'enquiry',
        from: -10,
        until: 20,
      },
    ],
  },
  {
    officer: demoEmails.owen,
    shared: false,
    homeIn: 240,
    visits: [
      {
        address: '9 Beech Grove, Demoton DM6 2HH',
        accountHolder: 'Mr T Lowe',
        accountRef: '70042001',
        purpose: 'taking-control',
        from: 90,
        until: 120,
      },
    ],
  },
  {
    officer: demoEmails.kelly,
    shared: false,
    tomorrow: true,
    homeIn: 8 * 60,
    visits: [
      {
        address: declaredRelative.customerAddress,
        accountHolder: declaredRelative.customerName,
        accountRef: declaredRelative.accountReference,
        purpose: 'enquiry',
        from: 60,
        until: 90,
      },
    ],
  },
];
