// The building blocks of the kinds of declaration (kinds.ts): questions, whom a declaration
// names, and each kind's rule. Pure data and the functions that make it.

// A question or an option is worded for the officer declaring ("your", "me"); `aboutThem` is how
// it reads to anyone else who sees the answer ("their"): a reviewer, HR, the monitoring officer.
export type Option = { value: string; text: string; aboutThem?: string };
export type Condition = { key: string; in: readonly string[] };

export type Question = {
  key: string;
  label: string;
  aboutThem?: string;
  hint?: string;
  type: 'text' | 'textarea' | 'choice' | 'yes-no' | 'hours' | 'date' | 'company-number';
  options?: readonly Option[];
  // Asked (and required) only when another answer is one of these values.
  when?: Condition;
  optional?: boolean;
  max?: number;
};

// Whom a declaration names, from its answers, so that a conflict lookup finds them later.
export type PartySource = {
  kind: 'person' | 'organisation';
  role: string;
  name: string;
  address?: string;
  companyNumber?: string;
  when?: Condition;
};

export type Answers = Record<string, string>;

export type KindRule = {
  name: string;
  hint: string;
  source: string;
  questions: readonly Question[];
  parties: readonly PartySource[];
  summary: (answers: Answers) => string;
  // How the officer knows the people it names, in the officer's words, when it names someone they
  // know personally (a relative, partner, friend or associate); null when it names no such person.
  // 000: an officer must not visit, nor deal with the accounts of, anyone known to them.
  knownPerson: ((answers: Answers) => string) | null;
};

type Extra = Omit<Partial<Question>, 'key' | 'label' | 'type'>;

// Options from value: text pairs, in order.
export const options = (pairs: Record<string, string>): readonly Option[] =>
  Object.entries(pairs).map(([value, text]) => ({ value, text }));
export const choice = (
  key: string,
  label: string,
  given: readonly Option[],
  extra: Extra = {},
): Question => ({
  key,
  label,
  type: 'choice',
  options: given,
  ...extra,
});
export const text = (key: string, label: string, max: number, extra: Extra = {}): Question => ({
  key,
  label,
  type: 'text',
  max,
  ...extra,
});
export const textarea = (key: string, label: string, max: number, extra: Extra = {}): Question => ({
  key,
  label,
  type: 'textarea',
  max,
  ...extra,
});
export const yesNo = (key: string, label: string, extra: Extra = {}): Question => ({
  key,
  label,
  type: 'yes-no',
  ...extra,
});

export const optionText = (list: readonly Option[] | undefined, value: string | undefined) =>
  list?.find((option) => option.value === value)?.text ?? value ?? '';

// Options the officer declaring reads in the first person, with how each reads to anyone else.
export const personalOptions = (
  pairs: Record<string, string | readonly [mine: string, theirs: string]>,
): readonly Option[] =>
  Object.entries(pairs).map(([value, words]) =>
    typeof words === 'string' ? { value, text: words } : { value, text: words[0], aboutThem: words[1] },
  );

// Who reads an answer: the officer who gave it, or someone else.
export type Reader = 'declarant' | 'other';
export const labelFor = (question: Question, reader: Reader) =>
  reader === 'other' ? (question.aboutThem ?? question.label) : question.label;
export const optionTextFor = (
  list: readonly Option[] | undefined,
  value: string | undefined,
  reader: Reader,
) => {
  const option = list?.find((candidate) => candidate.value === value);
  return (reader === 'other' ? option?.aboutThem : undefined) ?? optionText(list, value);
};

// An organisation's name, company number and address; the last two asked when the name is.
export const organisation = (prefix: string, label: string, extra: Extra = {}): Question[] => [
  text(`${prefix}Name`, label, 200, extra),
  {
    key: `${prefix}CompanyNumber`,
    label: 'Company number (if it has one)',
    hint: 'From Companies House, for example 01234567 or SC123456',
    type: 'company-number',
    optional: true,
    ...(extra.when ? { when: extra.when } : {}),
  },
  textarea(`${prefix}Address`, 'Address (if known)', 500, {
    optional: true,
    ...(extra.when ? { when: extra.when } : {}),
  }),
];
export const organisationParty = (prefix: string, role: string): PartySource => ({
  kind: 'organisation',
  role,
  name: `${prefix}Name`,
  address: `${prefix}Address`,
  companyNumber: `${prefix}CompanyNumber`,
});
export const person = (role: string, name: string, when?: Condition): PartySource => ({
  kind: 'person',
  role,
  name,
  ...(when ? { when } : {}),
});
