// What each kind of declaration asks and whom it names (DOMAIN.md §1), each citing the policy
// paragraphs that ask for it. Pure data, with the few words that summarise an entry.

import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import {
  type Condition,
  choice,
  type KindRule,
  options,
  optionText,
  organisation,
  organisationParty,
  person,
  personalOptions,
  type Question,
  text,
  textarea,
  yesNo,
} from './question-kit.ts';

export { type Answers, optionText, type PartySource, type Question } from './question-kit.ts';

const whose = personalOptions({
  me: ['Me', 'Their own'],
  partner: ['My husband, wife or partner', 'Their husband, wife or partner'],
  family: ['A member of my family', 'A member of their family'],
  associate: 'A close associate or friend',
});
const whoseInterest = {
  me: 'Business',
  partner: 'Partner’s business',
  family: 'Family member’s business',
  associate: 'Close associate’s business',
};
const notMe: Condition = { key: 'whose', in: ['partner', 'family', 'associate'] };

// Whose interest it is, who they are when not the officer's own, and the organisation.
const whoseAt = (label: string, prefix: string, name: string): Question[] => [
  choice('whose', label, whose),
  text('associateName', 'Their full name', 200, { when: notMe }),
  ...organisation(prefix, name),
];

const relatives = personalOptions({
  partner: 'Husband, wife or partner',
  child: 'Son or daughter',
  parent: 'Parent',
  sibling: 'Brother or sister',
  'in-law': 'In-law',
  'aunt-uncle': 'Aunt or uncle',
  'niece-nephew': 'Niece or nephew',
  cousin: 'Cousin',
  step: 'Step-relation',
  grandparent: 'Grandparent',
  friend: 'Friend',
  other: [
    'Someone else I have a personal or business relationship with',
    'Someone else they have a personal or business relationship with',
  ],
});
const councillorRelationships = options({
  family: 'Family',
  partner: 'Partner, now or in the past',
  friend: 'Close friend',
  business: 'Business',
  other: 'Another private or domestic relationship',
});
const applicants = personalOptions({
  me: ['Me', 'The officer'],
  relative: 'A close relative',
  associate: 'A close associate',
});
const customerRelationships = options({
  relative: 'A relative',
  friend: 'A friend',
  other: 'Another personal relationship',
});
const interestTypes = options({
  shareholding: 'Shareholding',
  directorship: 'Directorship',
  partnership: 'Partnership',
  contract: 'Interest in a contract',
  other: 'Another financial interest',
});
const criminalMatters = options({
  reprimand: 'Reprimand',
  'formal-warning': 'Formal warning',
  'conditional-caution': 'Conditional caution',
  'bind-over': 'Bind-over order',
  conviction: 'Conviction',
  arrest: 'Arrest',
  charge: 'Charge',
  'driving-offence': 'Driving offence (essential car users)',
});

function firstLine(value: string | undefined): string {
  return (value ?? '').split(/\r?\n|,/)[0]?.trim() ?? '';
}

export const kindRules = {
  'financial-interest': {
    name: 'Financial interest or interest in a contract',
    hint: 'Shares, a directorship or any financial interest, including in a contract the council has or may make',
    source: '001 §42; 003 Appendix V §7.3 (section 117 Local Government Act 1972)',
    questions: [
      ...organisation('body', 'Name of the company, body or contractor'),
      choice('interestType', 'What is your interest?', interestTypes, {
        aboutThem: 'What is their interest?',
      }),
      textarea('councilMatter', 'Which contract or council business does it touch?', 1000, {
        hint: 'Section 117 of the Local Government Act 1972 requires written notice of an interest in a council contract',
      }),
    ],
    parties: [organisationParty('body', 'Company or body')],
    summary: (a) => `${optionText(interestTypes, a.interestType)} in ${a.bodyName}`,
    knownPerson: null,
  },
  'business-interest': {
    name: 'Business interest',
    hint: 'You, your partner, family or a close associate runs or helps run a business that works, or may seek to work, with the council',
    source: '001 §44; 003 Appendix V §7.4',
    questions: [
      ...whoseAt('Whose interest is it?', 'business', 'Name of the business'),
      choice(
        'position',
        'What is their position in the business?',
        options({
          owner: 'Owner',
          director: 'Director',
          partner: 'Partner',
          'senior-manager': 'Senior manager',
          shareholder: 'Shareholder',
          other: 'Another position',
        }),
      ),
      choice(
        'councilWork',
        'Does the business work with the council?',
        options({
          contracts: 'It has a contract with the council',
          'may-contract': 'It may seek to work with the council',
        }),
      ),
    ],
    parties: [
      organisationParty('business', 'Business'),
      person('Person with the interest', 'associateName', notMe),
    ],
    summary: (a) =>
      `${whoseInterest[a.whose as keyof typeof whoseInterest] ?? 'Business'} interest in ${a.businessName}`,
    knownPerson: (a) => optionText(whose, a.whose),
  },
  'non-financial-interest': {
    name: 'Non-financial interest',
    hint: 'An interest that could conflict with the council, such as a role that could influence your judgement or career',
    source: '001 §42; 002 §11',
    questions: [text('bodyName', 'Organisation involved (if any)', 200, { optional: true })],
    parties: [{ kind: 'organisation', role: 'Organisation', name: 'bodyName' }],
    summary: (a) => (a.bodyName ? `Non-financial interest: ${a.bodyName}` : 'Non-financial interest'),
    knownPerson: null,
  },
  membership: {
    name: 'Membership of an organisation',
    hint: 'A club, society, pressure group or grant-aided body that could affect your work or the council’s reputation',
    source: '001 §42; 003 Appendix V §7.6',
    questions: [
      ...organisation('organisation', 'Name of the organisation'),
      choice(
        'organisationType',
        'What kind of organisation is it?',
        options({
          'grant-aided': 'It receives grant aid from the council',
          'pressure-group': 'A pressure group or organisation that seeks to influence council policy',
          club: 'A club, society or other group',
          professional: 'A professional body',
          other: 'Another organisation',
        }),
      ),
      text('role', 'Your role in it', 100, {
        hint: 'For example, member, trustee, chair',
        aboutThem: 'Their role in it',
      }),
    ],
    parties: [organisationParty('organisation', 'Organisation')],
    summary: (a) => `${a.role} of ${a.organisationName}`,
    knownPerson: null,
  },
  'councillor-relationship': {
    name: 'Relationship with a councillor',
    hint: 'A private or domestic relationship, now or in the past, with an elected member',
    source: '001 §32; 003 Appendix V §7.5',
    questions: [
      text('councillorName', 'The councillor’s name', 200),
      choice('relationship', 'What is the relationship?', councillorRelationships),
      yesNo('significant', 'Is it likely to influence either of you in your roles?', {
        hint: 'If so, your director and the monitoring officer are told too',
        aboutThem: 'Is it likely to influence either of them in their roles?',
      }),
    ],
    parties: [person('Councillor', 'councillorName')],
    summary: (a) => `Relationship with Councillor ${a.councillorName}`,
    knownPerson: (a) => optionText(councillorRelationships, a.relationship),
  },
  'contractor-relationship': {
    name: 'Relationship with a contractor',
    hint: 'A business or private relationship with a contractor or potential contractor of the council',
    source: '001 §34-35; 003 Appendix V §7.5',
    questions: [
      ...organisation('contractor', 'Name of the contractor'),
      choice(
        'relationship',
        'What is the relationship?',
        options({ business: 'Business', private: 'Private, for example a friend or relative works there' }),
      ),
      yesNo('engages', 'Do you engage or supervise this contractor in your job?', {
        aboutThem: 'Do they engage or supervise this contractor in their job?',
      }),
    ],
    parties: [organisationParty('contractor', 'Contractor')],
    summary: (a) =>
      `${a.relationship === 'private' ? 'Private' : 'Business'} relationship with ${a.contractorName}`,
    knownPerson: null,
  },
  'close-associate': {
    name: 'Close associate employed by the council or applying for a job',
    hint: 'A relative, partner or friend who works for the council or has applied to',
    source: '001 §40-41; 003 Appendix V §7.5',
    questions: [
      text('associateName', 'Their full name', 200),
      choice('relationship', 'Who are they to you?', relatives, {
        aboutThem: 'Who are they to the officer?',
      }),
      choice(
        'situation',
        'Do they work for the council or have they applied?',
        options({
          employed: 'They work for the council',
          applying: 'They have applied for a job with the council',
        }),
      ),
      text('associateJob', 'Their job, or the job they applied for', 200),
    ],
    parties: [person('Close associate', 'associateName')],
    summary: (a) =>
      `${optionText(relatives, a.relationship)} ${a.situation === 'applying' ? 'applying to' : 'employed by'} the council`,
    knownPerson: (a) => optionText(relatives, a.relationship),
  },
  'secondary-employment': {
    name: 'Secondary employment',
    hint: 'Any other job, self-employment or business activity, paid or unpaid',
    source: '001 §88-92; 003 Appendix V §7.8',
    questions: [
      ...organisation('employer', 'Employer or business name'),
      text('jobTitle', 'Job title or role', 200),
      { key: 'hoursPerWeek', label: 'Hours a week in this job', type: 'hours' },
      {
        key: 'contractedHours',
        label: 'Your contracted hours a week with the council',
        aboutThem: 'Their contracted hours a week with the council',
        type: 'hours',
      },
      yesNo('paid', 'Is it paid?'),
    ],
    parties: [organisationParty('employer', 'Employer')],
    summary: (a) => `${a.jobTitle}, ${a.employerName}, ${a.hoursPerWeek} hours a week`,
    knownPerson: null,
  },
  'position-of-influence': {
    name: 'Position of influence (related party)',
    hint: 'A position you, your partner or a relative hold in a body that provides services to the council or receives its grants',
    source: '001 §48-51',
    questions: [
      ...whoseAt('Whose position is it?', 'body', 'Name of the body'),
      text('position', 'The position held', 100, { hint: 'For example, trustee, director' }),
      choice(
        'councilLink',
        'How is the body linked to the council?',
        options({
          'provides-services': 'It provides services to the council',
          'receives-grants': 'It receives grant funding from the council',
          both: 'Both',
        }),
      ),
    ],
    parties: [
      organisationParty('body', 'Related party'),
      person('Person holding the position', 'associateName', notMe),
    ],
    summary: (a) => `${a.position}, ${a.bodyName}`,
    knownPerson: (a) => optionText(whose, a.whose),
  },
  'planning-application': {
    name: 'Planning application',
    hint: 'You or a close relative or associate has made a planning application',
    source: '001 §47',
    questions: [
      choice('applicant', 'Who made the application?', applicants),
      text('applicantName', 'The applicant’s full name', 200, {
        when: { key: 'applicant', in: ['relative', 'associate'] },
      }),
      textarea('siteAddress', 'Address of the site', 500),
      text('applicationReference', 'Planning application reference (if known)', 50, { optional: true }),
    ],
    parties: [
      {
        ...person('Applicant', 'applicantName', { key: 'applicant', in: ['relative', 'associate'] }),
        address: 'siteAddress',
      },
    ],
    summary: (a) =>
      `Planning application${a.applicationReference ? ` ${a.applicationReference}` : ''}, ${firstLine(a.siteAddress)}`,
    knownPerson: (a) => optionText(applicants, a.applicant),
  },
  'legacy-or-prize': {
    name: 'Legacy, bequest or prize',
    hint: 'You are a beneficiary in a service user’s will, or won a prize on council business',
    source: '003 Appendix V §7.7',
    questions: [
      choice(
        'legacyType',
        'What is it?',
        options({
          legacy: 'A legacy or bequest from a service user',
          prize: 'A prize won on council business or with council funds',
        }),
      ),
      text('fromWhom', 'Whose will, or who gave the prize?', 200),
      text('estimatedValue', 'What is it and what is it worth?', 200),
    ],
    parties: [person('Given by', 'fromWhom')],
    summary: (a) => `${a.legacyType === 'prize' ? 'Prize' : 'Legacy'} from ${a.fromWhom}`,
    // The will of a service user, or whoever gave a prize: not someone the officer knows personally.
    knownPerson: null,
  },
  'criminal-matter': {
    name: 'Criminal matter',
    hint: 'A reprimand, warning, caution, bind-over, conviction, arrest or charge, or a driving offence if you are an essential car user',
    source: '003 Appendix V §8.3',
    questions: [
      choice('matter', 'What happened?', criminalMatters),
      { key: 'matterDate', label: 'When did it happen?', hint: 'For example, 27 3 2026', type: 'date' },
    ],
    parties: [],
    summary: (a) =>
      `${optionText(criminalMatters, a.matter)} on ${isIsoDate(a.matterDate ?? '') ? dayMonthYear(a.matterDate ?? '') : a.matterDate}`,
    knownPerson: null,
  },
  'known-customer': {
    name: 'A relative, friend or acquaintance who is a council customer',
    hint: 'Someone you know personally who has a Council Tax, Business Rates or Benefit account, or whom you could be asked to visit',
    source:
      '000 General rules (no visit to a relative or friend); 000 Additional rules (the accounts declaration)',
    questions: [
      text('customerName', 'Their full name', 200),
      textarea('customerAddress', 'Their address', 500, {
        hint: 'With the postcode, so that a visit to them is recognised',
      }),
      choice('relationship', 'How do you know them?', customerRelationships, {
        aboutThem: 'How does the officer know them?',
      }),
      text('accountReference', 'Their account reference (if known)', 50, {
        hint: 'A Council Tax, Business Rates or Benefit account number',
        optional: true,
      }),
    ],
    parties: [{ ...person('Known customer', 'customerName'), address: 'customerAddress' }],
    summary: (a) => `${optionText(customerRelationships, a.relationship)} who is a council customer`,
    knownPerson: (a) => optionText(customerRelationships, a.relationship),
  },
} satisfies Record<string, KindRule>;
