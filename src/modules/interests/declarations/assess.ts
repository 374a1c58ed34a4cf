import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { type ModuleDeps, type Person, policyDocuments } from '../../organisation/service.ts';
import { nameKey } from '../names.ts';
import { checkAnswers } from './input.ts';
import * as repo from './repository.ts';
import {
  type DeclarationKind,
  hoursWarning,
  isDeclarationKind,
  type Notification,
  notificationsFor,
  partiesOf,
  reviewerFor,
  summaryOf,
} from './rules.ts';

// What a declaration being made or changed comes to: its answers checked, the Working Time
// Regulations warning, whom it names, who reviews it and who else is told.

export async function me(organisation: ModuleDeps['organisation'], principal: Principal): Promise<Person> {
  const person = await organisation.person(principal.councilId, principal.personId);
  if (!person) throw new NotFound('No such person');
  return person;
}

export function kindOf(value: unknown): DeclarationKind {
  if (typeof value === 'string' && isDeclarationKind(value)) return value;
  throw new InvalidInput([{ key: 'kind', message: 'Select what you are declaring' }]);
}

export type Assessed = Awaited<ReturnType<typeof assess>>;

// Everything the check-your-answers page shows, and what `declare` saves.
export async function assess(
  { db, clock, organisation }: ModuleDeps,
  principal: Principal,
  kindValue: unknown,
  raw: Record<string, unknown>,
  excludeId?: string,
) {
  const kind = kindOf(kindValue);
  const { answers, errors } = checkAnswers(kind, raw, londonDate(clock.now()));
  if (errors.length) throw new InvalidInput(errors);
  const declarant = await me(organisation, principal);
  const policy = await organisation.policy(principal.councilId);
  const hours =
    kind === 'secondary-employment'
      ? hoursWarning(
          Number(answers.contractedHours),
          [
            Number(answers.hoursPerWeek),
            ...(await repo.currentSecondaryHours(db, principal.councilId, declarant.id, excludeId)),
          ],
          policy.maxAverageWeeklyHours,
        )
      : null;
  const parties = partiesOf(kind, answers);
  const named = parties.filter((party) => party.kind === 'person').map((party) => party.name);
  const reviewer = await reviewerOf(organisation, principal.councilId, declarant, named);
  const { recipients: notifications, unnotified } = await recipientsOf(
    organisation,
    principal.councilId,
    declarant,
    notificationsFor(kind, answers),
    policy.headOfDevelopmentEmail,
  );
  return {
    kind,
    answers,
    declarant,
    hours,
    parties,
    reviewer,
    notifications,
    unnotified,
    summary: summaryOf(kind, answers),
    // The council's names for what the notifications cite, for their emails.
    documents: policyDocuments(policy),
  };
}

async function reviewerOf(
  organisation: ModuleDeps['organisation'],
  councilId: string,
  declarant: Person,
  namedPeople: string[],
): Promise<Person | null> {
  const chainIds = await organisation.managerChain(councilId, declarant.id);
  const chain = (
    await Promise.all(chainIds.slice(0, 3).map((id) => organisation.person(councilId, id)))
  ).filter((person): person is Person => person?.active === true);
  const [monitoringOfficer] = (await organisation.peopleWithRole(councilId, 'monitoring-officer')).filter(
    (person) => person.id !== declarant.id,
  );
  const id = reviewerFor(chain, namedPeople, nameKey, monitoringOfficer?.id ?? null);
  return [...chain, monitoringOfficer].find((person) => person?.id === id) ?? null;
}

async function recipientsOf(
  organisation: ModuleDeps['organisation'],
  councilId: string,
  declarant: Person,
  notifications: Notification[],
  headOfDevelopmentEmail: string,
) {
  const recipients: { email: string; name: string; why: string }[] = [];
  const unnotified: string[] = [];
  for (const notification of notifications) {
    if (notification.to === 'head-of-development') {
      if (headOfDevelopmentEmail)
        recipients.push({
          email: headOfDevelopmentEmail,
          name: 'Head of Development',
          why: notification.why,
        });
      else
        unnotified.push(
          'Your council has not set the Head of Development’s email address, so tell them of the application yourself, in writing',
        );
      continue;
    }
    const people =
      notification.to === 'monitoring-officer'
        ? await organisation.peopleWithRole(councilId, 'monitoring-officer')
        : await directorsOf(organisation, councilId, declarant);
    for (const person of people.filter((p) => p.id !== declarant.id)) {
      recipients.push({ email: person.email, name: person.name, why: notification.why });
    }
  }
  return { recipients, unnotified };
}

async function directorsOf(
  organisation: ModuleDeps['organisation'],
  councilId: string,
  declarant: Person,
): Promise<Person[]> {
  const chain = await organisation.managerChain(councilId, declarant.id);
  for (const id of chain) {
    const person = await organisation.person(councilId, id);
    if (person?.roles.includes('director')) return [person];
  }
  return [];
}
