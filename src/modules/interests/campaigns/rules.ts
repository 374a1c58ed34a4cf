import { can } from '../../../platform/auth/permissions.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import type { FieldError } from '../../../platform/errors.ts';

// The annual declaration campaign (DOMAIN.md §1). 002 Honesty: "All employees will be required to
// complete a declaration of interests form as part of their annual appraisal." 000 Additional
// rules: "All CO's must sign an annual 'Declaration' that prohibits them from dealing in any way
// with any Council Tax, Business Rates or Benefit accounts of any family, friends, or any person
// known to them."

export type CampaignResponse = 'confirmed' | 'updated' | 'nil';
type ResponseChoice = 'complete' | 'nil';

export const responseNames: Record<CampaignResponse, string> = {
  confirmed: 'Confirmed complete',
  updated: 'Updated',
  nil: 'Nil return',
};

// 000 Additional rules, in the first person for the field officer to sign.
export const accountsDeclarationText =
  'I will not deal in any way with any Council Tax, Business Rates or Benefit accounts of any family, friends, or any person known to me. I understand that a breach of this is a disciplinary offence.';

const dayMs = 24 * 60 * 60 * 1000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

// An annual campaign falls due within the year it opens.
const maxDaysToDue = 366;

export function dueDateErrors(dueOn: string, today: string): FieldError[] {
  if (dueOn <= today) return [{ key: 'dueOn', message: 'Due date must be in the future' }];
  if (dueOn > addDays(today, maxDaysToDue))
    return [{ key: 'dueOn', message: 'Due date must be within a year of today' }];
  return [];
}

// 002 Honesty covers all employees; the register of interests covers everyone the code of conduct
// does (001 §2), which is everyone who may use it: committee members are councillors, under the
// members' code instead.
export function isCampaignMember(
  person: { active: boolean; roles: readonly Role[]; serviceId: string | null },
  serviceIds: readonly string[] | null,
): boolean {
  if (!person.active || !can(new Set(person.roles), 'interests:use')) return false;
  return serviceIds === null || (person.serviceId !== null && serviceIds.includes(person.serviceId));
}

// One person answers one campaign at a time, so a second open campaign may not ask them again.
export function overlapErrors(overlaps: readonly { name: string; people: number }[]): FieldError[] {
  return overlaps.map((overlap) => ({
    key: 'scope',
    message: `${overlap.people} of these ${overlap.people === 1 ? 'person is' : 'people are'} already in the open campaign “${overlap.name}”: close it first, or choose other services`,
  }));
}

export type ResponseFacts = {
  choice: ResponseChoice;
  accountsDeclaration: boolean;
  fieldOfficer: boolean;
  // Declarations of theirs not ended, and whether they made or ended one since the campaign opened.
  currentDeclarations: number;
  changedSinceOpened: boolean;
  closed: boolean;
  respondedBefore: boolean;
  dueOn: string;
  today: string;
};

// Why a member can no longer answer, or null while they can: a response may change until the due
// date, and a first response is taken late for as long as the campaign is open.
export function noMoreResponses(
  facts: Pick<ResponseFacts, 'closed' | 'respondedBefore' | 'dueOn' | 'today'>,
): string | null {
  if (facts.closed) return 'This campaign has closed, so it no longer takes responses';
  if (facts.respondedBefore && facts.today > facts.dueOn)
    return 'The due date has passed, so your response stands. Ask HR if it needs to change';
  return null;
}

export function responseVerdict(
  facts: ResponseFacts,
): { response: CampaignResponse; errors: [] } | { response: null; errors: FieldError[] } {
  const closed = noMoreResponses(facts);
  if (closed) return { response: null, errors: [{ key: 'choice', message: closed }] };
  const errors: FieldError[] = [];
  if (facts.choice === 'nil' && facts.currentDeclarations > 0) {
    const count =
      facts.currentDeclarations === 1
        ? 'a current declaration'
        : `${facts.currentDeclarations} current declarations`;
    errors.push({
      key: 'choice',
      message: `You have ${count}, so you cannot make a nil return: confirm your declarations are complete, or end those that no longer apply`,
    });
  }
  // 000 Additional rules: the field officers' declaration is signed every year, whatever else.
  if (facts.fieldOfficer && !facts.accountsDeclaration)
    errors.push({
      key: 'accountsDeclaration',
      message: 'Confirm you will not deal with the accounts of family, friends or anyone known to you',
    });
  if (errors.length) return { response: null, errors };
  if (facts.choice === 'nil') return { response: 'nil', errors: [] };
  return { response: facts.changedSinceOpened ? 'updated' : 'confirmed', errors: [] };
}

// Whole percent responded, rounded down: 100 only once everyone has responded.
export function completion(members: number, responded: number): number {
  return members === 0 ? 100 : Math.floor((responded * 100) / members);
}

// The next campaign as the council's policy times it (declarationCampaignMonth): named for its
// year, due at the end of its month.
export function suggestedCampaign(today: string, campaignMonth: number): { name: string; dueOn: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const campaignYear = month <= campaignMonth ? year : year + 1;
  const lastDay = new Date(Date.UTC(campaignYear, campaignMonth, 0)).toISOString().slice(0, 10);
  return {
    name: `${campaignYear} declarations`,
    dueOn: lastDay > today ? lastDay : addDays(today, 28),
  };
}

// A member not yet responded is reminded once every declarationReminderDays (policy), the
// invitation counting as the first: the latest reminder that still leaves them due another.
export function remindedBefore(now: Date, reminderDays: number): Date {
  return new Date(now.getTime() - reminderDays * dayMs);
}
