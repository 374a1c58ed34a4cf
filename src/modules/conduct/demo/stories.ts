// The demo council's year of complaints about councillors: one of each kind the monitoring
// officer's bi-annual report speaks of (003 standards minute 18): not valid for each reason, valid
// and closed with no further action or informal resolution, investigated with no breach found, and
// heard with sanctions, one complied with and one not (minute 21); one under investigation, the
// investigator not yet reported; and one waiting to be assessed.

export const demoCouncillors = [
  { name: 'Cllr Margaret Barton', ward: 'Abbey', party: 'Labour' },
  { name: 'Cllr Peter Shelton', ward: 'Castle', party: 'Conservative' },
  { name: 'Cllr Nasreen Bhatia', ward: 'Westcotes', party: 'Labour' },
  { name: 'Cllr Owen Moore', ward: 'Knighton', party: 'Liberal Democrat' },
  { name: 'Cllr Gail Porter', ward: 'Aylestone', party: '' },
  { name: 'Cllr Tomasz Nowak', ward: 'Belgrave', party: 'Green' },
].map((councillor) => ({
  ...councillor,
  email: `${councillor.name
    .toLowerCase()
    .replace(/^cllr /, '')
    .replace(/ /g, '.')}@councillors.demo.probity.test`,
}));

export const demoIndependentPersons = [
  { name: 'Michael Edwards', email: 'michael.edwards@example.test' },
  { name: 'Alison Lockley', email: 'alison.lockley@example.test' },
];

export type DemoStory = {
  daysAgo: number;
  councillor: number | 'all';
  complainant: { name: string; email: string; councillor: boolean };
  what: string;
  assessment?: {
    capacity: 'councillor' | 'party' | 'personal';
    operational?: boolean;
    theme: string;
    reasons: string;
  };
  view?: string;
  decision?: { decision: 'no-further-action' | 'informal-resolution' | 'investigation'; reasons: string };
  report?: { finding: 'breach' | 'no-breach'; report: string };
  hearing?: { reasons: string; sanctions: string[]; detail: string; complied: 'complied' | 'not-complied' };
};

export const demoStories: DemoStory[] = [
  {
    daysAgo: 330,
    councillor: 4,
    complainant: { name: 'Rebecca Hollis', email: 'rebecca.hollis@example.test', councillor: false },
    what: 'Posted insulting comments about residents on her Facebook page.',
    assessment: {
      capacity: 'personal',
      theme: 'social-media',
      reasons: 'The posts were on a personal account that does not identify her as a councillor.',
    },
  },
  {
    daysAgo: 290,
    councillor: 'all',
    complainant: { name: 'Graham Pike', email: 'graham.pike@example.test', councillor: false },
    what: 'All the councillors voted to close the library.',
    assessment: {
      capacity: 'councillor',
      theme: 'other',
      reasons: 'A complaint cannot be made against every councillor at once; it is about a council decision.',
    },
  },
  {
    daysAgo: 250,
    councillor: 1,
    complainant: { name: 'Sunita Rao', email: 'sunita.rao@example.test', councillor: false },
    what: 'He has not got the bins on our street collected despite three emails.',
    assessment: {
      capacity: 'councillor',
      operational: true,
      theme: 'other',
      reasons: 'Missed collections are an operational ward matter for the waste service, passed to them.',
    },
  },
  {
    daysAgo: 210,
    councillor: 3,
    complainant: {
      name: 'Cllr Peter Shelton',
      email: 'peter.shelton@councillors.demo.probity.test',
      councillor: true,
    },
    what: 'Talked over other members and was rude to the chair at full council.',
    assessment: {
      capacity: 'councillor',
      theme: 'disrespect',
      reasons: 'At a council meeting, as a councillor.',
    },
    view: 'Robust debate; not a breach in itself.',
    decision: { decision: 'no-further-action', reasons: 'Within the bounds of political debate.' },
  },
  {
    daysAgo: 170,
    councillor: 0,
    complainant: { name: 'Daniel Okoro', email: 'daniel.okoro@example.test', councillor: false },
    what: 'Shouted at a housing officer at a ward surgery.',
    assessment: {
      capacity: 'councillor',
      theme: 'bullying',
      reasons: 'At her ward surgery, as a councillor.',
    },
    view: 'An apology and a conversation would resolve this.',
    decision: { decision: 'informal-resolution', reasons: 'The councillor has apologised to the officer.' },
  },
  {
    daysAgo: 140,
    councillor: 5,
    complainant: { name: 'Helen Foster', email: 'helen.foster@example.test', councillor: false },
    what: 'Voted on a planning application next to his brother’s house without declaring it.',
    assessment: { capacity: 'councillor', theme: 'conflict-of-interest', reasons: 'At planning committee.' },
    view: 'Investigate whether an interest should have been declared.',
    decision: { decision: 'investigation', reasons: 'A possible failure to declare an interest.' },
    report: { finding: 'no-breach', report: 'The brother lives two miles away; no interest arose.' },
  },
  {
    daysAgo: 110,
    councillor: 4,
    complainant: {
      name: 'Cllr Nasreen Bhatia',
      email: 'nasreen.bhatia@councillors.demo.probity.test',
      councillor: true,
    },
    what: 'Called me a liar on her councillor Twitter account.',
    assessment: {
      capacity: 'councillor',
      theme: 'social-media',
      reasons: 'Her account identifies her as a councillor.',
    },
    view: 'A breach is likely; investigate.',
    decision: { decision: 'investigation', reasons: 'Public allegations against another member.' },
    report: { finding: 'breach', report: 'The post was made and not withdrawn.' },
    hearing: {
      reasons: 'Failed to treat a fellow member with respect.',
      sanctions: ['apology', 'publication'],
      detail: 'An apology to Cllr Bhatia and to the council chamber',
      complied: 'not-complied',
    },
  },
  {
    daysAgo: 80,
    councillor: 1,
    complainant: { name: 'Marcus Webb', email: 'marcus.webb@example.test', councillor: false },
    what: 'Used his position to get his friend’s licence application fast-tracked.',
    assessment: {
      capacity: 'councillor',
      theme: 'misuse-of-position',
      reasons: 'About his role as a councillor.',
    },
    view: 'Serious if true; investigate.',
    decision: { decision: 'investigation', reasons: 'An allegation of misuse of position.' },
    report: { finding: 'breach', report: 'He emailed the licensing team asking for priority.' },
    hearing: {
      reasons: 'Sought an advantage for a friend.',
      sanctions: ['censure', 'training'],
      detail: 'Training on the code of conduct',
      complied: 'complied',
    },
  },
  {
    daysAgo: 30,
    councillor: 3,
    complainant: { name: 'Priya Shah', email: 'priya.shah@example.test', councillor: false },
    what: 'Kept sending me messages late at night after I objected to his planning application.',
    assessment: { capacity: 'councillor', theme: 'bullying', reasons: 'About his dealings with a resident.' },
    view: 'If it happened it may be harassment; investigate.',
    decision: { decision: 'investigation', reasons: 'A possible course of harassment of a resident.' },
  },
  {
    daysAgo: 3,
    councillor: 2,
    complainant: { name: 'Yvonne Clarke', email: 'yvonne.clarke@example.test', councillor: false },
    what: 'Was abusive to me when I asked a question at the residents’ meeting.',
  },
];
