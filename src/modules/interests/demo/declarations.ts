// The demo council's year of declarations of interest: who declared what and when, and what their
// reviewer decided (or that it still waits for review). Pure data; seed.ts makes them.

type Review =
  | { outcome: 'no-conflict'; action?: string }
  | { outcome: 'conflict-managed'; action: string }
  | { outcome: 'referred'; action: string; referredTo: 'hr' | 'monitoring-officer' };

export type DemoDeclaration = {
  who: string;
  kind: string;
  answers: Record<string, string>;
  daysAgo: number;
  // Reviewed this many days after it was made; none: still waiting for its reviewer.
  review?: Review & { after: number };
  ended?: { daysAgo: number; reason: string };
};

const secondaryJob = (employer: string, job: string, hours: string, contracted: string) => ({
  employerName: employer,
  jobTitle: job,
  hoursPerWeek: hours,
  contractedHours: contracted,
  paid: 'yes',
});

export const demoDeclarations: readonly DemoDeclaration[] = [
  {
    who: 'megan.hall',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoton College', 'Evening class tutor in planning law', '4', '37'),
    daysAgo: 320,
    review: { outcome: 'no-conflict', after: 3 },
    ended: { daysAgo: 40, reason: 'The college course finished and was not renewed' },
  },
  {
    who: 'ahmed.karim',
    kind: 'planning-application',
    answers: {
      applicant: 'me',
      siteAddress: '27 Larch Avenue, Demoton DM3 4QT',
      applicationReference: 'DM/25/0412/HH',
    },
    daysAgo: 300,
    review: {
      outcome: 'conflict-managed',
      action: 'Ahmed takes no part in the application; another surveyor inspects the work',
      after: 2,
    },
  },
  {
    who: 'michael.bennett',
    kind: 'close-associate',
    answers: {
      associateName: 'Laura Bennett',
      relationship: 'sibling',
      situation: 'applying',
      associateJob: 'Housing Options Officer (vacancy HO-114)',
    },
    daysAgo: 280,
    review: {
      outcome: 'referred',
      action: 'Michael must not sit on the interview panel or see the applications',
      referredTo: 'hr',
      after: 1,
    },
  },
  {
    who: 'helen.marsh',
    kind: 'position-of-influence',
    answers: {
      whose: 'me',
      bodyName: 'Demoton Credit Union',
      position: 'Trustee',
      councilLink: 'receives-grants',
    },
    daysAgo: 262,
    review: {
      outcome: 'conflict-managed',
      action: 'Helen takes no part in decisions on the credit union’s grant; the Director decides them',
      after: 5,
    },
  },
  {
    who: 'owen.rees',
    kind: 'membership',
    answers: { organisationName: 'Demoton Angling Club', organisationType: 'club', role: 'Member' },
    daysAgo: 241,
    review: { outcome: 'no-conflict', after: 4 },
  },
  {
    who: 'dean.walsh',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoshire Fire and Rescue Service', 'On-call firefighter', '12', '37'),
    daysAgo: 222,
    review: {
      outcome: 'conflict-managed',
      action:
        'Dean has opted out of the 48-hour limit in writing; on-call shifts never follow a late field visit',
      after: 3,
    },
  },
  {
    who: 'amy.chen',
    kind: 'councillor-relationship',
    answers: { councillorName: 'Peter Dawson', relationship: 'family', significant: 'yes' },
    daysAgo: 203,
    review: {
      outcome: 'conflict-managed',
      action: 'Amy does not clerk the committees Councillor Dawson sits on',
      after: 2,
    },
  },
  {
    who: 'robert.ashworth',
    kind: 'business-interest',
    answers: {
      whose: 'partner',
      associateName: 'Sarah Ashworth',
      businessName: 'Ashworth Architectural Design Ltd',
      businessCompanyNumber: '09876543',
      position: 'director',
      councilWork: 'may-contract',
    },
    daysAgo: 190,
    review: {
      outcome: 'conflict-managed',
      action: 'Robert does not decide, or advise on, applications the practice submits',
      after: 6,
    },
  },
  {
    who: 'kwame.mensah',
    kind: 'membership',
    answers: {
      organisationName: 'Chartered Institute of Housing',
      organisationType: 'professional',
      role: 'Branch committee member',
    },
    daysAgo: 171,
    review: { outcome: 'no-conflict', after: 3 },
  },
  {
    who: 'sophie.turner',
    kind: 'financial-interest',
    answers: {
      bodyName: 'Northgate Building Services Ltd',
      interestType: 'shareholding',
      councilMatter: 'The housing repairs contract; the shares are a small holding through an ISA',
    },
    daysAgo: 150,
    review: { outcome: 'no-conflict', action: 'Sophie has no part in the repairs contract', after: 2 },
  },
  {
    who: 'arthur.simmons',
    kind: 'contractor-relationship',
    answers: { contractorName: 'Demoton Cleaning Services Ltd', relationship: 'private', engages: 'yes' },
    daysAgo: 131,
    review: {
      outcome: 'conflict-managed',
      action: 'Cleaning jobs for the offices are raised by another officer from now on',
      after: 4,
    },
  },
  {
    who: 'stephen.murray',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoton Town FC', 'Match-day steward', '6', '37'),
    daysAgo: 120,
    review: { outcome: 'no-conflict', after: 1 },
  },
  {
    who: 'imran.siddiqui',
    kind: 'known-customer',
    answers: {
      customerName: 'Hassan Siddiqui',
      customerAddress: '3 Mill Lane, Demoton DM2 5RP',
      relationship: 'relative',
      accountReference: 'CT704417',
    },
    daysAgo: 109,
    review: {
      outcome: 'conflict-managed',
      action: 'Imran is never allocated Mr Siddiqui’s account or a visit to his address',
      after: 1,
    },
  },
  {
    who: 'nia.evans',
    kind: 'non-financial-interest',
    answers: {
      bodyName: 'Demoton Churches Homeless Project',
      details: 'I volunteer at the night shelter twice a month; the project refers people to the council',
    },
    daysAgo: 100,
    review: { outcome: 'no-conflict', after: 3 },
  },
  {
    who: 'claire.donnelly',
    kind: 'membership',
    answers: {
      organisationName: 'Chartered Institute of Personnel and Development',
      organisationType: 'professional',
      role: 'Chartered member',
    },
    daysAgo: 93,
    review: { outcome: 'no-conflict', after: 2 },
  },
  {
    who: 'ellie.watson',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoshire Care Ltd', 'Care assistant at weekends', '16', '30'),
    daysAgo: 80,
    review: { outcome: 'no-conflict', after: 2 },
  },
  {
    who: 'tom.whitfield',
    kind: 'planning-application',
    answers: {
      applicant: 'relative',
      applicantName: 'Margaret Whitfield',
      siteAddress: '4 Orchard Row, Little Demoton DM6 2LB',
      applicationReference: 'DM/26/0187/FUL',
    },
    daysAgo: 71,
    review: {
      outcome: 'conflict-managed',
      action: 'The application goes to the planning committee; Tom takes no part in it',
      after: 2,
    },
  },
  {
    who: 'paul.hughes',
    kind: 'business-interest',
    answers: {
      whose: 'family',
      associateName: 'Daniel Hughes',
      businessName: 'Hughes Enforcement Services Ltd',
      position: 'owner',
      councilWork: 'may-contract',
    },
    daysAgo: 60,
    review: {
      outcome: 'referred',
      action: 'The company may bid for the enforcement agency contract',
      referredTo: 'monitoring-officer',
      after: 2,
    },
  },
  {
    who: 'sarah.jenkins',
    kind: 'membership',
    answers: {
      organisationName: 'Institute of Customer Service',
      organisationType: 'professional',
      role: 'Fellow',
    },
    daysAgo: 55,
    review: { outcome: 'no-conflict', after: 1 },
  },
  {
    who: 'chloe.roberts',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoton Leisure Centre', 'Swimming instructor', '5', '30'),
    daysAgo: 45,
    review: { outcome: 'no-conflict', after: 3 },
  },
  {
    who: 'mark.fenwick',
    kind: 'financial-interest',
    answers: {
      bodyName: 'Demoton Community Energy Ltd',
      interestType: 'shareholding',
      councilMatter: 'The company may bid for the council’s solar panel contract',
    },
    daysAgo: 25,
  },
  {
    who: 'liam.barker',
    kind: 'close-associate',
    answers: {
      associateName: 'Jade Barker',
      relationship: 'partner',
      situation: 'employed',
      associateJob: 'Customer Services Adviser',
    },
    daysAgo: 12,
  },
  {
    who: 'sophie.turner',
    kind: 'secondary-employment',
    answers: secondaryJob('Demoton Tutoring', 'Maths tutor', '3', '37'),
    daysAgo: 8,
  },
  {
    who: 'rajesh.patel',
    kind: 'membership',
    answers: {
      organisationName: 'Lawyers in Local Government',
      organisationType: 'professional',
      role: 'Member',
    },
    daysAgo: 7,
  },
  {
    who: 'james.oneill',
    kind: 'membership',
    answers: {
      organisationName: 'Demoton Tenants’ Federation',
      organisationType: 'pressure-group',
      role: 'Member',
    },
    daysAgo: 6,
  },
  {
    who: 'gareth.lloyd',
    kind: 'position-of-influence',
    answers: {
      whose: 'partner',
      associateName: 'Ruth Lloyd',
      bodyName: 'Demoton Citizens Advice',
      position: 'Trustee',
      councilLink: 'receives-grants',
    },
    daysAgo: 5,
  },
  {
    who: 'daniel.kerr',
    kind: 'councillor-relationship',
    answers: { councillorName: 'Anne Fairley', relationship: 'friend', significant: 'no' },
    daysAgo: 4,
  },
  {
    who: 'aisha.rahman',
    kind: 'membership',
    answers: {
      organisationName: 'Royal Town Planning Institute',
      organisationType: 'professional',
      role: 'Member',
    },
    daysAgo: 3,
  },
];

// Who has not yet answered this year's campaign: the people the start banner offers to sign in
// as, so that each has it on their home page, and a few others. Environmental Health and
// Licensing is not in it (its staff declare nothing here): the browser journeys run that
// service's own campaign.
export const stillToAnswer = [
  'liam.barker',
  'helen.achebe',
  'grace.whitmore',
  'margaret.okafor',
  'david.harrington',
  'helen.marsh',
  'rajesh.patel',
  'emma.clarke',
  'chris.taylor',
  'lucy.adeyemi',
  'james.oneill',
  'zara.hussain',
  'grace.okafor',
  'ahmed.karim',
  'owen.rees',
  'ellie.watson',
].map((name) => `${name}@demo.probity.test`);

// Senior officers who have made this financial year's related party transactions return; the rest
// (the chief executive, the deputy, the head of Finance, the monitoring officer) still owe it.
export const returnsMade = [
  'aisha.rahman',
  'gareth.lloyd',
  'tom.whitfield',
  'kwame.mensah',
  'sarah.jenkins',
  'paul.hughes',
  'claire.donnelly',
].map((name) => `${name}@demo.probity.test`);
