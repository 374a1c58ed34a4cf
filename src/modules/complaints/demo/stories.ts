// What the demo council's residents complain about, service by service, with what an investigation
// finds either way and how it is put right; and what is not a complaint at all. Pure data; the
// plan (plan.ts) draws the year's complaints from it.

type Remedy = { kind: string; description: string; pounds?: readonly [number, number] };

export type Story = {
  service: string;
  category: 'delay' | 'staff-behaviour' | 'service-quality' | 'procedure-not-followed';
  whatHappened: string;
  wantedOutcome: string;
  // What the council got wrong, when it did; and why it was right, when it was.
  fault: string;
  fine: string;
  remedy: Remedy;
  improvement?: string;
};

const housing = 'Housing';
const finance = 'Finance and Revenues';
const environment = 'Environmental Health and Licensing';
const planning = 'Planning and Building Control';
const customer = 'Customer Services';
const enforcement = 'Revenues Compliance and Enforcement';

export const stories: readonly Story[] = [
  {
    service: housing,
    category: 'delay',
    whatHappened:
      'I reported damp and black mould in my son’s bedroom. An inspector came but nothing has been done since, and the mould is back on the wall and the window frame.',
    wantedOutcome: 'Fix the cause of the damp and treat the mould, and tell me when it will be done.',
    fault: 'the repair was ordered but nobody followed it up when the contractor missed the appointment',
    fine: 'the works were booked within the target time and were delayed because access was refused twice',
    remedy: { kind: 'action', description: 'Complete the damp-proofing works and treat the mould' },
    improvement: 'A missed contractor appointment now sets a follow-up task for the housing officer',
  },
  {
    service: housing,
    category: 'staff-behaviour',
    whatHappened:
      'The housing officer was dismissive when I phoned about my homelessness application and told me there was nothing she could do.',
    wantedOutcome: 'An apology, and a proper update on my application.',
    fault: 'the officer did not explain the next steps of your application or when you would hear',
    fine: 'the officer explained the stage your application had reached and what was still needed from you',
    remedy: { kind: 'apology', description: 'Written apology from the Housing Options Team Leader' },
  },
  {
    service: housing,
    category: 'procedure-not-followed',
    whatHappened:
      'My banding on the housing register was reduced without anyone writing to me to explain why.',
    wantedOutcome: 'Restore my banding, or explain the decision so I can ask for a review.',
    fault: 'the decision letter was not sent, so you were not told of your right to a review',
    fine: 'the decision letter was sent to the address on your application and set out your right to a review',
    remedy: {
      kind: 'reconsidered-decision',
      description: 'Review the banding decision and write with the reasons and review rights',
    },
  },
  {
    service: finance,
    category: 'service-quality',
    whatHappened:
      'I was charged council tax for a month after I moved out, even though I told you the date I left.',
    wantedOutcome: 'Correct my account and refund what I overpaid.',
    fault: 'your moving date was recorded wrongly, so you were billed for a month you did not live there',
    fine: 'the date you gave us was after the date the new tenancy started, so the bill was correct',
    remedy: {
      kind: 'financial-redress',
      description: 'Refund of council tax charged after the move',
      pounds: [60, 140],
    },
  },
  {
    service: finance,
    category: 'delay',
    whatHappened: 'My application for the single person discount has not been dealt with after eight weeks.',
    wantedOutcome: 'Apply the discount from when I asked and send me a new bill.',
    fault: 'your application waited in a backlog for longer than our six-week target',
    fine: 'we asked you for evidence of your circumstances and dealt with it within a week of receiving it',
    remedy: { kind: 'amended-records', description: 'Apply the discount from the date of the application' },
    improvement: 'Discount applications are now shown on the team’s daily work list by age',
  },
  {
    service: finance,
    category: 'procedure-not-followed',
    whatHappened: 'I was sent a summons even though I had already set up a payment plan on the phone.',
    wantedOutcome: 'Cancel the summons costs and confirm my payment plan.',
    fault: 'the payment plan agreed on the phone was not recorded before the reminders were sent',
    fine: 'no payment plan had been agreed when the summons was issued; the call was about a different account',
    remedy: { kind: 'financial-redress', description: 'Refund of the summons costs', pounds: [70, 95] },
    improvement: 'Payment plans agreed by phone are now recorded before the day’s reminder run',
  },
  {
    service: environment,
    category: 'delay',
    whatHappened:
      'I have reported noise from the pub next door five times and nobody has come out to witness it.',
    wantedOutcome: 'Someone to come out at night, and action taken against the pub.',
    fault: 'your reports were logged but the out-of-hours visit was not arranged',
    fine: 'officers visited twice at the times you gave and did not witness a statutory nuisance',
    remedy: { kind: 'action', description: 'Install noise recording equipment for two weeks' },
  },
  {
    service: environment,
    category: 'service-quality',
    whatHappened:
      'The food hygiene inspection report for my café contains mistakes about my kitchen that lowered my rating.',
    wantedOutcome: 'Correct the report and re-rate my business.',
    fault: 'the report recorded a missing hand-wash basin that was in fact in place',
    fine: 'the report matched the officer’s notes and photographs taken on the day',
    remedy: {
      kind: 'amended-records',
      description: 'Correct the inspection report and publish the new rating',
    },
  },
  {
    service: environment,
    category: 'staff-behaviour',
    whatHappened: 'The licensing officer was rude to my staff when he visited to check our premises licence.',
    wantedOutcome: 'An apology to my staff.',
    fault: 'the officer’s manner fell short of what we expect when speaking to licence holders’ staff',
    fine: 'the officer explained the licence conditions firmly but politely, as the body-worn camera shows',
    remedy: { kind: 'apology', description: 'Apology from the Head of Environmental Health and Licensing' },
  },
  {
    service: planning,
    category: 'delay',
    whatHappened:
      'My householder application has gone past its eight-week target with no decision and no explanation.',
    wantedOutcome: 'A decision, and to know why it has taken so long.',
    fault: 'the application waited for a consultation reply that was never chased',
    fine: 'you agreed to extend the time for the decision while amended plans were prepared',
    remedy: { kind: 'explanation', description: 'Explain the delay and give a date for the decision' },
  },
  {
    service: planning,
    category: 'procedure-not-followed',
    whatHappened:
      'I was not told about my neighbour’s application for an extension that overlooks my garden.',
    wantedOutcome: 'The application to be looked at again with my comments.',
    fault: 'your address was left off the list of neighbours notified of the application',
    fine: 'a site notice was displayed and your address was on the list of neighbours written to',
    remedy: { kind: 'explanation', description: 'Explain how the decision was made and your options now' },
    improvement: 'Neighbour notification lists are now checked by a second officer',
  },
  {
    service: planning,
    category: 'service-quality',
    whatHappened:
      'The building control inspection was cancelled on the morning with no notice, and my builders lost a day.',
    wantedOutcome: 'Pay for the builders’ lost day.',
    fault: 'the inspection was cancelled without anyone telling you',
    fine: 'the inspection was moved with a day’s notice by email to the address on the application',
    remedy: {
      kind: 'financial-redress',
      description: 'Payment towards the builders’ lost day',
      pounds: [120, 220],
    },
  },
  {
    service: customer,
    category: 'service-quality',
    whatHappened: 'I waited 45 minutes on the phone line and was then cut off.',
    wantedOutcome: 'Someone to call me back, and the phone line sorted out.',
    fault: 'the line was very busy that week and calls in the queue were dropped by a fault',
    fine: 'our records show the call was answered, and ended after the adviser had answered your question',
    remedy: { kind: 'apology', description: 'Apology and a call back from the team leader' },
    improvement: 'A call-back option is offered when the phone queue is long',
  },
  {
    service: customer,
    category: 'staff-behaviour',
    whatHappened:
      'The adviser at reception would not let me speak to anyone about my missed bin collections.',
    wantedOutcome: 'An apology, and my bins collected.',
    fault: 'the adviser should have arranged for someone from the waste team to call you back',
    fine: 'the adviser logged your report and the waste team called you back the same day',
    remedy: { kind: 'apology', description: 'Apology from the Customer Services Team Leader' },
  },
  {
    service: customer,
    category: 'delay',
    whatHappened: 'I emailed three times about a problem with my account and nobody has replied.',
    wantedOutcome: 'A reply to my emails.',
    fault: 'your emails were filed without a reply during a change of mailbox',
    fine: 'each email was answered within our ten-day target; the replies went to your junk folder',
    remedy: { kind: 'action', description: 'Reply in full to the emails within five days' },
  },
  {
    service: enforcement,
    category: 'staff-behaviour',
    whatHappened:
      'The enforcement agent who came to my house was intimidating and talked to my neighbours about my debt.',
    wantedOutcome: 'An apology, and the agent not to come again.',
    fault: 'the agent discussed your account in a way your neighbours could hear',
    fine: 'the body-worn camera shows the agent spoke only to you and kept to the procedure',
    remedy: { kind: 'apology', description: 'Apology from the Head of Revenues Compliance and Enforcement' },
  },
  {
    service: enforcement,
    category: 'procedure-not-followed',
    whatHappened: 'An enforcement agent visited before I had received any notice of enforcement.',
    wantedOutcome: 'The fees taken off my account.',
    fault: 'the visit took place before seven clear days had passed after the notice',
    fine: 'the notice was posted eleven days before the visit, more than the seven clear days required',
    remedy: {
      kind: 'financial-redress',
      description: 'Refund of the enforcement stage fee',
      pounds: [235, 235],
    },
  },
  {
    service: enforcement,
    category: 'service-quality',
    whatHappened: 'My account was passed to enforcement agents even though I have been paying every month.',
    wantedOutcome: 'Take my account back from the agents.',
    fault: 'your payments were not matched to the account before it was passed to the agents',
    fine: 'the payments were for a different year’s bill, and the arrears on this one were unpaid',
    remedy: {
      kind: 'reconsidered-decision',
      description: 'Return the account from the agents and restart the plan',
    },
  },
];

// What is not a corporate complaint, and where it goes instead (003 §2.3-2.10).
export type NotAComplaint = {
  service: string | null;
  whatHappened: string;
  wantedOutcome: string;
  decision: 'service-request' | 'statutory-route' | 'feedback' | 'out-of-scope' | 'appeal';
  statutoryRoute?: 'adult-social-care' | 'councillor' | 'school';
  reason: string;
};

export const notComplaints: readonly NotAComplaint[] = [
  {
    service: customer,
    whatHappened: 'My bin was not collected yesterday.',
    wantedOutcome: 'Collect my bin.',
    decision: 'service-request',
    reason: 'This is the first report of a missed collection; we have asked the waste team to collect it.',
  },
  {
    service: null,
    whatHappened: 'A councillor was rude to me at a public meeting about the new car park.',
    wantedOutcome: 'An apology from the councillor.',
    decision: 'statutory-route',
    statutoryRoute: 'councillor',
    reason: 'Complaints about councillors are dealt with under the members’ code of conduct.',
  },
  {
    service: null,
    whatHappened: 'My mother’s care package was cut without an assessment.',
    wantedOutcome: 'Restore her care.',
    decision: 'statutory-route',
    statutoryRoute: 'adult-social-care',
    reason: 'Adult social care is provided by the county council, which has its own complaints process.',
  },
  {
    service: customer,
    whatHappened: 'The town centre car park should have more charging points for electric cars.',
    wantedOutcome: 'More charging points.',
    decision: 'feedback',
    reason: 'Thank you for the suggestion, which we have passed to the car parks team.',
  },
  {
    service: environment,
    whatHappened: 'My neighbour’s hedge blocks the light to my garden and they will not cut it.',
    wantedOutcome: 'Make my neighbour cut the hedge.',
    decision: 'out-of-scope',
    reason: 'This is a private dispute; a high hedge complaint has its own form and fee.',
  },
  {
    service: finance,
    whatHappened: 'I do not agree with the band my house is in for council tax.',
    wantedOutcome: 'Put my house in a lower band.',
    decision: 'appeal',
    reason: 'Council tax bands are set by the Valuation Office Agency; you can ask it to review the band.',
  },
];

// The people who complain, drawn at random: names, and the streets of Demoton they live on.
export const forenames = [
  'Sandra',
  'Michael',
  'Aisha',
  'David',
  'Priya',
  'John',
  'Karen',
  'Tomasz',
  'Grace',
  'Paul',
  'Fatima',
  'Stephen',
  'Linda',
  'Ravi',
  'Helen',
  'Mark',
  'Chloe',
  'Daniel',
  'Joyce',
  'Kofi',
];
export const surnames = [
  'Okoye',
  'Harris',
  'Begum',
  'Walker',
  'Shah',
  'Morris',
  'Nowak',
  'Clarke',
  'Doyle',
  'Ahmed',
  'Fisher',
  'Lewis',
  'Mensah',
  'Price',
  'Kaur',
  'Wood',
  'Murphy',
  'Bailey',
  'Khan',
  'Turner',
];
export const streets = [
  'Church Lane',
  'Station Road',
  'Meadow Way',
  'Kestrel Way',
  'Mill Lane',
  'Victoria Street',
  'Orchard Row',
  'Castle Hill',
  'Bridge Street',
  'Elm Grove',
];
