import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CustomerLetterKind, CustomerLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import * as repo from './repository.ts';
import { restrictionApplies, restrictionLine } from './rules.ts';
import type { ContactRestrictionTable } from './tables.ts';

// What the decisions about a customer share: the letter, its values, and the restriction rows.
export type DecisionKit = ReturnType<typeof decisionKit>;

export function decisionKit(deps: ModuleDeps, letters: CustomerLetters) {
  const { db, organisation } = deps;

  async function activeStaff(councilId: string, id: string): Promise<{ id: string; name: string } | null> {
    const person = id ? await organisation.person(councilId, id) : null;
    return person?.active ? { id: person.id, name: person.name } : null;
  }

  async function restrictionsText(
    trx: Kysely<Database>,
    councilId: string,
    customerId: string,
    today: string,
  ) {
    const current = (await repo.restrictions(trx, councilId, customerId)).filter(
      (r) => r.endedOn === null || r.endedOn > today,
    );
    return current.length ? current.map(restrictionLine).join('\n') : 'No restrictions apply.';
  }

  // The single point of contact as the letter gives it: name, job title and email.
  async function contactLine(councilId: string, personId: string | null): Promise<string> {
    const person = personId ? await organisation.person(councilId, personId) : null;
    return person ? `${person.name}, ${person.jobTitle}, ${person.email}` : '';
  }

  async function insertRestriction(
    trx: Kysely<Database>,
    principal: Principal,
    customerId: string,
    row: Omit<
      ContactRestrictionTable,
      'council_id' | 'id' | 'customer_id' | 'ended_on' | 'end_reason' | 'imposed_by' | 'imposed_at'
    >,
    at: Date,
    requestId?: string,
  ): Promise<string> {
    const id = uuidv7(at.getTime());
    await trx
      .insertInto('contact_restriction')
      .values({
        council_id: principal.councilId,
        id,
        customer_id: customerId,
        ...row,
        ended_on: null,
        end_reason: '',
        imposed_by: principal.personId,
        imposed_at: at,
      })
      .execute();
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
          kind: row.kind,
          scope: row.scope_service_name,
          namedOfficerId: row.named_officer_id,
          startsOn: row.starts_on,
          reviewOn: row.review_on,
        },
      },
      at,
    );
    return id;
  }

  function writeLetter(
    trx: Kysely<Database>,
    principal: Principal,
    customer: repo.Customer,
    kind: CustomerLetterKind,
    values: Record<string, string>,
    at: Date,
  ) {
    return letters.write(trx, {
      councilId: principal.councilId,
      kind,
      complaintId: null,
      customerId: customer.id,
      recipient: { name: customer.name, email: customer.email, address: customer.address },
      values: { name: customer.name, ...values },
      sentBy: actorFor(principal),
      at,
    });
  }

  async function hasRestrictions(councilId: string, customerId: string, today: string) {
    return (await repo.restrictions(db, councilId, customerId)).some(
      (r) => restrictionApplies(r, null, today) || (r.endedOn === null && r.startsOn > today),
    );
  }

  async function endRestrictions(
    trx: Kysely<Database>,
    councilId: string,
    ids: string[],
    on: string,
    reason: string,
  ) {
    if (ids.length === 0) return;
    await trx
      .updateTable('contact_restriction')
      .set({ ended_on: on, end_reason: reason.slice(0, 2000) })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
  }

  return {
    activeStaff,
    restrictionsText,
    contactLine,
    insertRestriction,
    writeLetter,
    endRestrictions,
    hasRestrictions,
  };
}
