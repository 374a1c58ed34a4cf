// The register of interests' rules (DOMAIN.md §1): what each kind of declaration asks, whom it
// names, who reviews it, whom it notifies, and the Working Time Regulations check. Pure: the
// service supplies the facts.

import { type Answers, kindRules, type PartySource, type Question } from './kinds.ts';

export { type Answers, kindRules, optionText, type Question } from './kinds.ts';

export type DeclarationKind = keyof typeof kindRules;
export const declarationKinds = Object.keys(kindRules) as DeclarationKind[];

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

// 000 General rules: an officer does not visit a relative or friend; Additional rules: nor deals
// with the accounts of family, friends or anyone known to them. The kinds that name such a person,
// and how the officer knows them, in the officer's words.
export const personalKinds = declarationKinds.filter((kind) => kindRules[kind].knownPerson !== null);

export function knownPersonOf(kind: DeclarationKind, answers: Answers): string | null {
  const knownPerson = kindRules[kind].knownPerson;
  return knownPerson ? knownPerson(answers) : null;
}

export function summaryOf(kind: DeclarationKind, answers: Answers): string {
  const summary = kindRules[kind].summary(answers).replace(/\s+/g, ' ').trim();
  return summary.length > 300 ? `${summary.slice(0, 299)}…` : summary;
}

// 003 Appendix V §7.8: contracted hours and every current secondary job together should not
// exceed an average of 48 a week (policy). Warns; the officer must then seek their manager's
// advice, and whoever else reads the declaration (its reviewer) is told the same of them.
export function hoursWarning(
  contractedHours: number,
  secondaryHours: readonly number[],
  maxAverageWeeklyHours: number,
  reader: 'declarant' | 'other' = 'declarant',
): { total: number; limit: number; message: string } | null {
  const total = contractedHours + secondaryHours.reduce((sum, hours) => sum + hours, 0);
  if (total <= maxAverageWeeklyHours) return null;
  const allowed = `more than the average of ${maxAverageWeeklyHours} the Working Time Regulations allow`;
  return {
    total,
    limit: maxAverageWeeklyHours,
    message:
      reader === 'declarant'
        ? `Your contracted and declared hours come to ${total} a week, ${allowed}. Before you take on this work, ask your manager for advice; you may need to opt out of the 48-hour limit in writing, or reduce your hours.`
        : `Their contracted and declared hours come to ${total} a week, ${allowed}. They should ask their manager for advice before taking on this work; they may need to opt out of the 48-hour limit in writing, or reduce their hours.`,
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
