import type { PolicySettings } from '../organisation/service.ts';

// What a concern can be about (DOMAIN.md §6): the disclosures the Public Interest Disclosure Act
// 1998 protects (002 §12, 001 §53), and other misconduct the code names (002 §12).
export type Route = 'audit' | 'hr' | 'monitoring-officer';
export const routes: readonly Route[] = ['audit', 'hr', 'monitoring-officer'];

export const routeNames: Record<Route, string> = {
  audit: 'The director of audit or head of fraud',
  hr: 'HR',
  'monitoring-officer': 'The monitoring officer',
};

type Category = { code: string; label: string; hint: string; pida: boolean; setting: keyof PolicySettings };

export const categories = [
  {
    code: 'criminal-offence',
    label: 'A criminal offence',
    hint: 'For example theft, or misuse of council money or property',
    pida: true,
    setting: 'concernRouteCriminalOffence',
  },
  {
    code: 'legal-obligation',
    label: 'A breach of a legal obligation',
    hint: 'The council or someone working for it not doing what the law requires',
    pida: true,
    setting: 'concernRouteLegalObligation',
  },
  {
    code: 'miscarriage-of-justice',
    label: 'A miscarriage of justice',
    hint: 'Someone treated unjustly by a legal or official process',
    pida: true,
    setting: 'concernRouteMiscarriageOfJustice',
  },
  {
    code: 'health-and-safety',
    label: 'Danger to someone’s health or safety',
    hint: 'Of the public, of people who use council services, or of staff',
    pida: true,
    setting: 'concernRouteHealthAndSafety',
  },
  {
    code: 'environment',
    label: 'Damage to the environment',
    hint: 'For example pollution or dumping of waste',
    pida: true,
    setting: 'concernRouteEnvironment',
  },
  {
    code: 'concealment',
    label: 'Someone hiding any of these',
    hint: 'Covering up or destroying information about any of the above',
    pida: true,
    setting: 'concernRouteConcealment',
  },
  {
    code: 'fraud',
    label: 'Fraud or financial impropriety',
    hint: 'False claims, invoices or accounts',
    pida: false,
    setting: 'concernRouteFraud',
  },
  {
    code: 'bribery',
    label: 'Bribery or corruption',
    hint: 'Offering or taking something to influence a decision',
    pida: false,
    setting: 'concernRouteBribery',
  },
  {
    code: 'bullying',
    label: 'Bullying or harassment of others',
    hint: 'Behaviour you have seen towards other people',
    pida: false,
    setting: 'concernRouteBullying',
  },
  {
    code: 'discrimination',
    label: 'Discrimination',
    hint: 'Treating people unfairly because of who they are',
    pida: false,
    setting: 'concernRouteDiscrimination',
  },
  {
    code: 'code-breach',
    label: 'Another breach of the code of conduct',
    hint: 'Conduct that is improper or unethical',
    pida: false,
    setting: 'concernRouteCodeBreach',
  },
] as const satisfies readonly Category[];

export type CategoryCode = (typeof categories)[number]['code'];
export const categoryCodes = categories.map((category) => category.code) as [CategoryCode, ...CategoryCode[]];

export const categoryLabel = (code: string) =>
  categories.find((category) => category.code === code)?.label ?? 'Another concern';

export const outcomes = [
  { code: 'substantiated', label: 'Upheld: the concern was found to be true' },
  { code: 'partly-substantiated', label: 'Partly upheld' },
  { code: 'not-substantiated', label: 'Not upheld: no wrongdoing was found' },
  { code: 'referred', label: 'Referred to another body (such as the police or a regulator)' },
  { code: 'withdrawn', label: 'Withdrawn or could not be investigated' },
] as const;
export type OutcomeCode = (typeof outcomes)[number]['code'];
export const outcomeCodes = outcomes.map((outcome) => outcome.code) as [OutcomeCode, ...OutcomeCode[]];
export const outcomeLabel = (code: string) =>
  outcomes.find((outcome) => outcome.code === code)?.label ?? code;
