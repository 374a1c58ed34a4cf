import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { CustomersService } from '../../customers/service.ts';
import type { LetterWriter } from '../../letters/service.ts';
import type { ModuleDeps, OrganisationService } from '../../organisation/service.ts';
import { can } from '../policy.ts';
import * as repo from '../repository.ts';
import { type ComplaintStatus, type Mover, moveRefusal } from '../status-rules.ts';

// What the casework use cases are built from, and the steps they share: finding a complaint the
// viewer may work, changing it under a lock, and writing to the complainant.

export type CaseworkDeps = Omit<ModuleDeps, 'organisation'> & {
  organisation: Pick<
    OrganisationService,
    | 'person'
    | 'peopleWithRole'
    | 'peopleByIds'
    | 'policy'
    | 'calendar'
    | 'policyAndCalendar'
    | 'services'
    | 'listPeople'
    | 'council'
  >;
};

// What casework asks of the letters service.
export type ComplaintLetterKind =
  | 'acknowledgement'
  | 'extension'
  | 'stage-1-response'
  | 'stage-2-response'
  | 'single-stage-response'
  | 'refusal'
  | 'escalation-acknowledgement';

export type CaseworkContext = CaseworkDeps & {
  letters: LetterWriter<ComplaintLetterKind>;
  customers: Pick<CustomersService, 'contactDetails' | 'contactWarning' | 'search'>;
};

// A complaint with its customer's name and contact details (the customers module's).
export type Complaint = repo.ComplaintRecord & {
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  customerAddress: string;
};

export const refused = (key: string, message: string) => new InvalidInput([{ key, message }]);

// A typed text that must be given and not too long; the field is named by its key.
export function textErrors(key: string, value: string, whenEmpty: string, max: number): FieldError[] {
  if (value === '') return [{ key, message: whenEmpty }];
  if (value.length > max)
    return [{ key, message: `The ${key} must be ${max.toLocaleString('en-GB')} characters or fewer` }];
  return [];
}

export const caseLink = (ctx: CaseworkContext, reference: string) => `${ctx.baseUrl}/complaints/${reference}`;

async function withCustomer(
  ctx: CaseworkContext,
  councilId: string,
  record: repo.ComplaintRecord,
  executor: Kysely<Database> = ctx.db,
): Promise<Complaint> {
  const details = await ctx.customers.contactDetails(councilId, [record.customerId], executor);
  const customer = details.get(record.customerId);
  if (!customer) throw new Error(`Complaint ${record.reference} has no customer`);
  return {
    ...record,
    customerName: customer.name,
    customerEmail: customer.email,
    customerPhone: customer.phone,
    customerAddress: customer.address,
  };
}

// The complaints team only; anyone else is told there is no such complaint.
export async function forTeam(
  ctx: CaseworkContext,
  viewer: Pick<Principal, 'councilId' | 'personId' | 'roles'>,
  reference: string,
) {
  const record = await repo.complaintByReference(ctx.db, viewer.councilId, reference);
  if (!record || !can(viewer, 'work-case', { anonymised: record.anonymisedAt !== null }))
    throw new NotFound('No such complaint');
  return withCustomer(ctx, viewer.councilId, record);
}

// Someone who asked to be written to by post is not emailed the letter as well.
export function recipientOf(complaint: Complaint) {
  return {
    name: complaint.representativeName || complaint.customerName,
    email: complaint.contactPreference === 'post' ? '' : complaint.contactEmail || complaint.customerEmail,
    address: complaint.contactAddress || complaint.customerAddress,
  };
}

export function checkMove(complaint: repo.ComplaintRecord, to: ComplaintStatus, by: Mover, key = 'form') {
  const refusal = moveRefusal(complaint.regime, complaint.status, to, by);
  if (refusal) throw refused(key, refusal);
}

export async function currentStage(
  ctx: CaseworkContext,
  councilId: string,
  complaint: repo.ComplaintRecord,
  from: Kysely<Database> = ctx.db,
) {
  const all = await repo.stages(from, councilId, complaint.id);
  return {
    stage: stageOf(complaint, all),
    all,
    firstHandlerId: all.find((s) => s.stage === 1)?.handlerId ?? null,
  };
}

// The complaint's current stage among its stages.
export function stageOf(
  complaint: Pick<repo.ComplaintRecord, 'reference' | 'stage'>,
  all: readonly repo.Stage[],
): repo.Stage {
  const stage = all.find((s) => s.stage === complaint.stage);
  if (!stage) throw new Error(`Complaint ${complaint.reference} has no stage ${complaint.stage} row`);
  return stage;
}

// A change of state in one transaction: the complaint is locked and read again inside it, so
// two officers acting at once cannot both move it.
export async function change<T>(
  ctx: CaseworkContext,
  councilId: string,
  complaintId: string,
  work: (trx: Kysely<Database>, complaint: Complaint, at: Date) => Promise<T>,
): Promise<T> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const record = await repo.complaintById(trx, councilId, complaintId, true);
    if (!record) throw new NotFound('No such complaint');
    return work(trx, await withCustomer(ctx, councilId, record, trx), at);
  });
}

// The audit event of a change to a complaint, written in the change's transaction.
export function audit(
  trx: Kysely<Database>,
  actor: Actor,
  at: Date,
  event: { action: string; complaintId: string; before?: unknown; after?: unknown },
) {
  const { action, complaintId, before, after } = event;
  return appendAudit(
    trx,
    actor,
    { action, recordType: 'complaint', recordId: complaintId, before, after },
    at,
  );
}
