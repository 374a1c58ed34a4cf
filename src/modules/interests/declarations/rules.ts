// The register of interests' rules (DOMAIN.md §1): what each kind of declaration asks, whom it
// names, who reviews it, whom it notifies, and the Working Time Regulations check. Pure: the
// service supplies the facts.

type Option = { value: string; text: string };
type Condition = { key: string; in: readonly string[] };

export type Question = {
  key: string;
  label: string;
  hint?: string;
  type: 'text' | 'textarea' | 'choice' | 'yes-no' | 'hours' | 'date' | 'company-number';
  options?: readonly Option[];
  // Asked (and required) only when another answer is one of these values.
  when?: Condition;
  optional?: boolean;
  max?: number;
};

// Whom a declaration names, from its answers, so that a conflict lookup finds them later.
type PartySource = {
  kind: 'person' | 'organisation';
  role: string;
  name: string;
  address?: string;
  companyNumber?: string;
  when?: Condition;
};

type KindRule = {
  name: string;
  hint: string;
  source: string;
  questions: readonly Question[];
  parties: readonly PartySource[];
  summary: (answers: Answers) => string;
};

export type Answers = Record<string, string>;

const whose: readonly Option[] = [
  { value: 'me', text: 'Me' },
  { value: 'partner', text: 'My husband, wife or partner' },
  { value: 'family', text: 'A member of my family' },
  { value: 'associate', text: 'A close associate or friend' },
];
const whoseInterest = {
  me: 'Business',
  partner: 'Partner’s business',
  family: 'Family member’s business',
  associate: 'Close associate’s business',
};
const notMe: Condition = { key: 'whose', in: ['partner', 'family', 'associate'] };

const organisation = (prefix: string, label: string, extra: Partial<Question> = {}): Question[] => [
  { key: `${prefix}Name`, label, type: 'text', max: 200, ...extra },
  {
    key: `${prefix}CompanyNumber`,
    label: 'Company number (if it has one)',
    hint: 'From Companies House, for example 01234567 or SC123456',
    type: 'company-number',
    optional: true,
    ...(extra.when ? { when: extra.when } : {}),
  },
  {
    key: `${prefix}Address`,
    label: 'Address (if known)',
    type: 'textarea',
    max: 500,
    optional: true,
    ...(extra.when ? { when: extra.when } : {}),
  },
];
const organisationParty = (prefix: string, role: string): PartySource => ({
  kind: 'organisation',
  role,
  name: `${prefix}Name`,
  address: `${prefix}Address`,
  companyNumber: `${prefix}CompanyNumber`,
});

const relatives: readonly Option[] = [
  { value: 'partner', text: 'Husband, wife or partner' },
  { value: 'child', text: 'Son or daughter' },
  { value: 'parent', text: 'Parent' },
  { value: 'sibling', text: 'Brother or sister' },
  { value: 'in-law', text: 'In-law' },
  { value: 'aunt-uncle', text: 'Aunt or uncle' },
  { value: 'niece-nephew', text: 'Niece or nephew' },
  { value: 'cousin', text: 'Cousin' },
  { value: 'step', text: 'Step-relation' },
  { value: 'grandparent', text: 'Grandparent' },
  { value: 'friend', text: 'Friend' },
  { value: 'other', text: 'Someone else I have a personal or business relationship with' },
];

const interestTypes: readonly Option[] = [
  { value: 'shareholding', text: 'Shareholding' },
  { value: 'directorship', text: 'Directorship' },
  { value: 'partnership', text: 'Partnership' },
  { value: 'contract', text: 'Interest in a contract' },
  { value: 'other', text: 'Another financial interest' },
];
const contractorRelationships: readonly Option[] = [
  { value: 'business', text: 'Business' },
  { value: 'private', text: 'Private, for example a friend or relative works there' },
];
const criminalMatters: readonly Option[] = [
  { value: 'reprimand', text: 'Reprimand' },
  { value: 'formal-warning', text: 'Formal warning' },
  { value: 'conditional-caution', text: 'Conditional caution' },
  { value: 'bind-over', text: 'Bind-over order' },
  { value: 'conviction', text: 'Conviction' },
  { value: 'arrest', text: 'Arrest' },
  { value: 'charge', text: 'Charge' },
  { value: 'driving-offence', text: 'Driving offence (essential car users)' },
];

export const optionText = (options: readonly Option[] | undefined, value: string | undefined) =>
  options?.find((option) => option.value === value)?.text ?? value ?? '';

export const kindRules = {
  'financial-interest': {
    name: 'Financial interest or interest in a contract',
    hint: 'Shares, a directorship or any financial interest, including in a contract the council has or may make',
    source: '001 §42; 003 Appendix V §7.3 (section 117 Local Government Act 1972)',
    questions: [
      ...organisation('body', 'Name of the company, body or contractor'),
      {
        key: 'interestType',
        label: 'What is your interest?',
        type: 'choice',
        options: interestTypes,
      },
      {
        key: 'councilMatter',
        label: 'Which contract or council business does it touch?',
        hint: 'Section 117 of the Local Government Act 1972 requires written notice of an interest in a council contract',
        type: 'textarea',
        max: 1000,
      },
    ],
    parties: [organisationParty('body', 'Company or body')],
    summary: (a) => `${optionText(interestTypes, a.interestType)} in ${a.bodyName}`,
  },
  'business-interest': {
    name: 'Business interest',
    hint: 'You, your partner, family or a close associate runs or helps run a business that works, or may seek to work, with the council',
    source: '001 §44; 003 Appendix V §7.4',
    questions: [
      { key: 'whose', label: 'Whose interest is it?', type: 'choice', options: whose },
      { key: 'associateName', label: 'Their full name', type: 'text', max: 200, when: notMe },
      ...organisation('business', 'Name of the business'),
      {
        key: 'position',
        label: 'What is their position in the business?',
        type: 'choice',
        options: [
          { value: 'owner', text: 'Owner' },
          { value: 'director', text: 'Director' },
          { value: 'partner', text: 'Partner' },
          { value: 'senior-manager', text: 'Senior manager' },
          { value: 'shareholder', text: 'Shareholder' },
          { value: 'other', text: 'Another position' },
        ],
      },
      {
        key: 'councilWork',
        label: 'Does the business work with the council?',
        type: 'choice',
        options: [
          { value: 'contracts', text: 'It has a contract with the council' },
          { value: 'may-contract', text: 'It may seek to work with the council' },
        ],
      },
    ],
    parties: [
      organisationParty('business', 'Business'),
      { kind: 'person', role: 'Person with the interest', name: 'associateName', when: notMe },
    ],
    summary: (a) =>
      `${whoseInterest[a.whose as keyof typeof whoseInterest] ?? 'Business'} interest in ${a.businessName}`,
  },
  'non-financial-interest': {
    name: 'Non-financial interest',
    hint: 'An interest that could conflict with the council, such as a role that could influence your judgement or career',
    source: '001 §42; 002 §11',
    questions: [
      { key: 'bodyName', label: 'Organisation involved (if any)', type: 'text', max: 200, optional: true },
    ],
    parties: [{ kind: 'organisation', role: 'Organisation', name: 'bodyName' }],
    summary: (a) => (a.bodyName ? `Non-financial interest: ${a.bodyName}` : 'Non-financial interest'),
  },
  membership: {
    name: 'Membership of an organisation',
    hint: 'A club, society, pressure group or grant-aided body that could affect your work or the council’s reputation',
    source: '001 §42; 003 Appendix V §7.6',
    questions: [
      ...organisation('organisation', 'Name of the organisation'),
      {
        key: 'organisationType',
        label: 'What kind of organisation is it?',
        type: 'choice',
        options: [
          { value: 'grant-aided', text: 'It receives grant aid from the council' },
          {
            value: 'pressure-group',
            text: 'A pressure group or organisation that seeks to influence council policy',
          },
          { value: 'club', text: 'A club, society or other group' },
          { value: 'professional', text: 'A professional body' },
          { value: 'other', text: 'Another organisation' },
        ],
      },
      {
        key: 'role',
        label: 'Your role in it',
        hint: 'For example, member, trustee, chair',
        type: 'text',
        max: 100,
      },
    ],
    parties: [organisationParty('organisation', 'Organisation')],
    summary: (a) => `${a.role} of ${a.organisationName}`,
  },
  'councillor-relationship': {
    name: 'Relationship with a councillor',
    hint: 'A private or domestic relationship, now or in the past, with an elected member',
    source: '001 §32; 003 Appendix V §7.5',
    questions: [
      { key: 'councillorName', label: 'The councillor’s name', type: 'text', max: 200 },
      {
        key: 'relationship',
        label: 'What is the relationship?',
        type: 'choice',
        options: [
          { value: 'family', text: 'Family' },
          { value: 'partner', text: 'Partner, now or in the past' },
          { value: 'friend', text: 'Close friend' },
          { value: 'business', text: 'Business' },
          { value: 'other', text: 'Another private or domestic relationship' },
        ],
      },
      {
        key: 'significant',
        label: 'Is it likely to influence either of you in your roles?',
        hint: 'If so, your director and the monitoring officer are told too',
        type: 'yes-no',
      },
    ],
    parties: [{ kind: 'person', role: 'Councillor', name: 'councillorName' }],
    summary: (a) => `Relationship with Councillor ${a.councillorName}`,
  },
  'contractor-relationship': {
    name: 'Relationship with a contractor',
    hint: 'A business or private relationship with a contractor or potential contractor of the council',
    source: '001 §34-35; 003 Appendix V §7.5',
    questions: [
      ...organisation('contractor', 'Name of the contractor'),
      {
        key: 'relationship',
        label: 'What is the relationship?',
        type: 'choice',
        options: contractorRelationships,
      },
      {
        key: 'engages',
        label: 'Do you engage or supervise this contractor in your job?',
        type: 'yes-no',
      },
    ],
    parties: [organisationParty('contractor', 'Contractor')],
    summary: (a) =>
      `${a.relationship === 'private' ? 'Private' : 'Business'} relationship with ${a.contractorName}`,
  },
  'close-associate': {
    name: 'Close associate employed by the council or applying for a job',
    hint: 'A relative, partner or friend who works for the council or has applied to',
    source: '001 §40-41; 003 Appendix V §7.5',
    questions: [
      { key: 'associateName', label: 'Their full name', type: 'text', max: 200 },
      { key: 'relationship', label: 'Who are they to you?', type: 'choice', options: relatives },
      {
        key: 'situation',
        label: 'Do they work for the council or have they applied?',
        type: 'choice',
        options: [
          { value: 'employed', text: 'They work for the council' },
          { value: 'applying', text: 'They have applied for a job with the council' },
        ],
      },
      { key: 'associateJob', label: 'Their job, or the job they applied for', type: 'text', max: 200 },
    ],
    parties: [{ kind: 'person', role: 'Close associate', name: 'associateName' }],
    summary: (a) =>
      `${optionText(relatives, a.relationship)} ${a.situation === 'applying' ? 'applying to' : 'employed by'} the council`,
  },
  'secondary-employment': {
    name: 'Secondary employment',
    hint: 'Any other job, self-employment or business activity, paid or unpaid',
    source: '001 §88-92; 003 Appendix V §7.8',
    questions: [
      ...organisation('employer', 'Employer or business name'),
      { key: 'jobTitle', label: 'Job title or role', type: 'text', max: 200 },
      { key: 'hoursPerWeek', label: 'Hours a week in this job', type: 'hours' },
      {
        key: 'contractedHours',
        label: 'Your contracted hours a week with the council',
        type: 'hours',
      },
      { key: 'paid', label: 'Is it paid?', type: 'yes-no' },
    ],
    parties: [organisationParty('employer', 'Employer')],
    summary: (a) => `${a.jobTitle}, ${a.employerName}, ${a.hoursPerWeek} hours a week`,
  },
  'position-of-influence': {
    name: 'Position of influence (related party)',
    hint: 'A position you, your partner or a relative hold in a body that provides services to the council or receives its grants',
    source: '001 §48-51',
    questions: [
      { key: 'whose', label: 'Whose position is it?', type: 'choice', options: whose },
      { key: 'associateName', label: 'Their full name', type: 'text', max: 200, when: notMe },
      ...organisation('body', 'Name of the body'),
      {
        key: 'position',
        label: 'The position held',
        hint: 'For example, trustee, director',
        type: 'text',
        max: 100,
      },
      {
        key: 'councilLink',
        label: 'How is the body linked to the council?',
        type: 'choice',
        options: [
          { value: 'provides-services', text: 'It provides services to the council' },
          { value: 'receives-grants', text: 'It receives grant funding from the council' },
          { value: 'both', text: 'Both' },
        ],
      },
    ],
    parties: [
      organisationParty('body', 'Related party'),
      { kind: 'person', role: 'Person holding the position', name: 'associateName', when: notMe },
    ],
    summary: (a) => `${a.position}, ${a.bodyName}`,
  },
  'planning-application': {
    name: 'Planning application',
    hint: 'You or a close relative or associate has made a planning application',
    source: '001 §47',
    questions: [
      {
        key: 'applicant',
        label: 'Who made the application?',
        type: 'choice',
        options: [
          { value: 'me', text: 'Me' },
          { value: 'relative', text: 'A close relative' },
          { value: 'associate', text: 'A close associate' },
        ],
      },
      {
        key: 'applicantName',
        label: 'The applicant’s full name',
        type: 'text',
        max: 200,
        when: { key: 'applicant', in: ['relative', 'associate'] },
      },
      { key: 'siteAddress', label: 'Address of the site', type: 'textarea', max: 500 },
      {
        key: 'applicationReference',
        label: 'Planning application reference (if known)',
        type: 'text',
        max: 50,
        optional: true,
      },
    ],
    parties: [
      {
        kind: 'person',
        role: 'Applicant',
        name: 'applicantName',
        address: 'siteAddress',
        when: { key: 'applicant', in: ['relative', 'associate'] },
      },
    ],
    summary: (a) =>
      `Planning application${a.applicationReference ? ` ${a.applicationReference}` : ''}, ${firstLine(a.siteAddress)}`,
  },
  'legacy-or-prize': {
    name: 'Legacy, bequest or prize',
    hint: 'You are a beneficiary in a service user’s will, or won a prize on council business',
    source: '003 Appendix V §7.7',
    questions: [
      {
        key: 'legacyType',
        label: 'What is it?',
        type: 'choice',
        options: [
          { value: 'legacy', text: 'A legacy or bequest from a service user' },
          { value: 'prize', text: 'A prize won on council business or with council funds' },
        ],
      },
      { key: 'fromWhom', label: 'Whose will, or who gave the prize?', type: 'text', max: 200 },
      { key: 'estimatedValue', label: 'What is it and what is it worth?', type: 'text', max: 200 },
    ],
    parties: [{ kind: 'person', role: 'Given by', name: 'fromWhom' }],
    summary: (a) => `${a.legacyType === 'prize' ? 'Prize' : 'Legacy'} from ${a.fromWhom}`,
  },
  'criminal-matter': {
    name: 'Criminal matter',
    hint: 'A reprimand, warning, caution, bind-over, conviction, arrest or charge, or a driving offence if you are an essential car user',
    source: '003 §8.3',
    questions: [
      {
        key: 'matter',
        label: 'What happened?',
        type: 'choice',
        options: criminalMatters,
      },
      { key: 'matterDate', label: 'When did it happen?', hint: 'For example, 27 3 2026', type: 'date' },
    ],
    parties: [],
    summary: (a) => `${optionText(criminalMatters, a.matter)} on ${a.matterDate}`,
  },
} as const satisfies Record<string, KindRule>;

export type DeclarationKind = keyof typeof kindRules;
export const declarationKinds = Object.keys(kindRules) as DeclarationKind[];

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n|,/)[0]?.trim() ?? '';
}

export function isDeclarationKind(value: string): value is DeclarationKind {
  return Object.hasOwn(kindRules, value);
}

export function asks(question: Question, answers: Answers): boolean {
  return !question.when || question.when.in.includes(answers[question.when.key] ?? '');
}

// Every question asked, for the common part of every declaration too.
export function questionsFor(kind: DeclarationKind): readonly Question[] {
  return [
    ...kindRules[kind].questions,
    {
      key: 'details',
      label: 'Tell us more',
      hint: 'Anything your manager needs to understand the interest and any conflict',
      type: 'textarea',
      max: 2000,
      optional: kind !== 'non-financial-interest',
    },
    {
      key: 'startedOn',
      label: 'When did it start? (if known)',
      hint: 'For example, 27 3 2026',
      type: 'date',
      optional: true,
    },
  ];
}

export type Party = {
  kind: 'person' | 'organisation';
  role: string;
  name: string;
  address: string;
  companyNumber: string;
};

export function partiesOf(kind: DeclarationKind, answers: Answers): Party[] {
  const sources: readonly PartySource[] = kindRules[kind].parties;
  return sources
    .filter((source) => !source.when || source.when.in.includes(answers[source.when.key] ?? ''))
    .map((source) => ({
      kind: source.kind,
      role: source.role,
      name: (answers[source.name] ?? '').trim(),
      address: source.address ? (answers[source.address] ?? '').trim() : '',
      companyNumber: source.companyNumber ? (answers[source.companyNumber] ?? '').trim() : '',
    }))
    .filter((party) => party.name !== '');
}

export function summaryOf(kind: DeclarationKind, answers: Answers): string {
  const summary = kindRules[kind].summary(answers).replace(/\s+/g, ' ').trim();
  return summary.length > 300 ? `${summary.slice(0, 299)}…` : summary;
}

// 003 Appendix V §7.8: contracted hours and every current secondary job together should not
// exceed an average of 48 a week (policy). Warns; the officer must then seek their manager's advice.
export function hoursWarning(
  contractedHours: number,
  secondaryHours: readonly number[],
  maxAverageWeeklyHours: number,
): { total: number; limit: number; message: string } | null {
  const total = contractedHours + secondaryHours.reduce((sum, hours) => sum + hours, 0);
  if (total <= maxAverageWeeklyHours) return null;
  return {
    total,
    limit: maxAverageWeeklyHours,
    message: `Your contracted and declared hours come to ${total} a week, more than the average of ${maxAverageWeeklyHours} the Working Time Regulations allow. Before you take on this work, ask your manager for advice; you may need to opt out of the 48-hour limit in writing, or reduce your hours.`,
  };
}

// Who reviews a declaration (001 §43, 002 Honesty): the declarant's line manager, or their
// manager's manager when the line manager is a person the declaration names; with no one above,
// the monitoring officer.
export function reviewerFor(
  managerChain: readonly { id: string; name: string }[],
  namedPeople: readonly string[],
  nameKeyOf: (name: string) => string,
  monitoringOfficerId: string | null,
): string | null {
  const named = new Set(namedPeople.map(nameKeyOf));
  const reviewer = managerChain.find((manager) => !named.has(nameKeyOf(manager.name)));
  return reviewer?.id ?? monitoringOfficerId;
}

export type Notification = { to: 'head-of-development' | 'monitoring-officer' | 'director'; why: string };

// Who else is told in writing when a declaration is made.
export function notificationsFor(kind: DeclarationKind, answers: Answers): Notification[] {
  if (kind === 'planning-application') {
    const why =
      'An officer’s or a close associate’s planning application must be notified in writing (001 §47)';
    return [
      { to: 'head-of-development', why },
      { to: 'monitoring-officer', why },
    ];
  }
  if (kind === 'councillor-relationship' && answers.significant === 'yes') {
    const why =
      'A significant relationship with a councillor must be declared to the director and the monitoring officer (003 Appendix V §7.5)';
    return [
      { to: 'director', why },
      { to: 'monitoring-officer', why },
    ];
  }
  return [];
}

export const outcomes = {
  'no-conflict': 'No conflict',
  'conflict-managed': 'Conflict managed',
  referred: 'Referred',
} as const;
export type Outcome = keyof typeof outcomes;

export const referralTargets = { hr: 'HR', 'monitoring-officer': 'the monitoring officer' } as const;
export type ReferralTarget = keyof typeof referralTargets;

// Senior officers' interests may be published; seniority as the gifts register has it.
export const seniorRoles = ['head-of-service', 'director', 'chief-executive'] as const;
