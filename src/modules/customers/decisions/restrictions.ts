import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { emitWebhook } from '../../../platform/webhooks/emit.ts';
import type { CustomerLetterKind } from '../../letters/service.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { CustomersDeps } from '../context.ts';
import { type Customer, restrictions } from '../repository.ts';
import { restrictionApplies, restrictionLine, restrictionOver } from '../rules.ts';
import { insertRestriction, type NewRestriction } from './repository.ts';

// What the decisions about a customer and their reviews share: the staff they name, the
// restrictions and how a letter puts them, and the letter itself.

export async function activeStaff(
  { organisation }: ModuleDeps,
  councilId: string,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const person = id ? await organisation.person(councilId, id) : null;
  return person?.active ? { id: person.id, name: person.name } : null;
}

// The single point of contact as the letter gives it: name, job title and email.
export async function contactLine(
  { organisation }: ModuleDeps,
  councilId: string,
  personId: string | null,
): Promise<string> {
  const person = personId ? await organisation.person(councilId, personId) : null;
  return person ? `${person.name}, ${person.jobTitle}, ${person.email}` : '';
}

// The restrictions in force on or after `today`, as the letter lists them.
export async function restrictionsText(
  trx: Kysely<Database>,
  councilId: string,
  customerId: string,
  today: string,
) {
  const current = (await restrictions(trx, councilId, customerId)).filter((r) => !restrictionOver(r, today));
  return current.length ? current.map(restrictionLine).join('\n') : 'No restrictions apply.';
}

export async function hasRestrictions(
  db: Kysely<Database>,
  councilId: string,
  customerId: string,
  today: string,
) {
  return (await restrictions(db, councilId, customerId)).some(
    (r) => restrictionApplies(r, null, today) || (!restrictionOver(r, today) && r.startsOn > today),
  );
}

export async function imposeInTransaction(
  trx: Kysely<Database>,
  principal: Principal,
  customerId: string,
  restriction: NewRestriction,
  at: Date,
  requestId?: string,
): Promise<string> {
  const id = uuidv7(at.getTime());
  const { councilId, personId } = principal;
  await insertRestriction(trx, { councilId, id, customerId }, restriction, { by: personId, at });
  await appendAudit(
    trx,
    actorFor(principal, requestId),
    {
      action: 'customer.restriction-imposed',
      recordType: 'customer',
      recordId: customerId,
      // The reason and detail stay on the restriction, which retention can clear.
      after: {
        restrictionId: id,
        kind: restriction.kind,
        scope: restriction.scopeServiceName,
        namedOfficerId: restriction.namedOfficerId,
        startsOn: restriction.startsOn,
        reviewOn: restriction.reviewOn,
        endsOn: restriction.endsOn,
      },
    },
    at,
  );
  const made = { restrictionId: id, customerId, kind: restriction.kind, startsOn: restriction.startsOn };
  await emitWebhook(
    trx,
    councilId,
    { type: 'restriction.made', data: { ...made, reviewOn: restriction.reviewOn } },
    at,
  );
  return id;
}

// The letter telling the customer of a decision, in the decision's transaction.
export function writeLetter(
  { letters }: CustomersDeps,
  trx: Kysely<Database>,
  principal: Principal,
  customer: Customer,
  letter: { kind: CustomerLetterKind; values: Record<string, string> },
  at: Date,
) {
  return letters.write(trx, {
    councilId: principal.councilId,
    kind: letter.kind,
    complaintId: null,
    customerId: customer.id,
    recipient: { name: customer.name, email: customer.email, address: customer.address },
    values: { name: customer.name, ...letter.values },
    sentBy: actorFor(principal),
    at,
  });
}
