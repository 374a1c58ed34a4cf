import { type Kysely, sql } from 'kysely';
import { type Actor, appendAudit } from '../../platform/audit/audit-trail.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { addMonths } from '../../platform/calendar/months.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { pendingFrom, type RetentionFigures } from '../../platform/privacy/retention-rule.ts';
import { removedText } from '../../platform/retention.ts';
import type { CustomersService } from '../customers/service.ts';
import { anonymiseLetters } from '../letters/service.ts';
import type { OrganisationService } from '../organisation/service.ts';

const batchSize = 200;

// A complaint's personal data is kept for complainantRetentionMonths after it is resolved, then
// anonymised (003 vexatious procedure §7.1, DOMAIN.md §4); an open Ombudsman case holds it. What
// is counted (service, channel, category, dates, stages, outcomes, remedy kinds and amounts,
// service improvements) stays, so the reports are the same before and after.
type RetentionDeps = {
  db: Kysely<Database>;
  clock: Clock;
  organisation: Pick<OrganisationService, 'policy'>;
  customers: Pick<CustomersService, 'anonymiseDormant'>;
};

async function anonymiseComplaints(
  { db, clock }: RetentionDeps,
  councilId: string,
  resolvedBy: string,
  retentionMonths: number,
) {
  const actor: Actor = { councilId, personId: null, label: 'Retention job' };
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const due = await dueComplaints(trx, councilId, resolvedBy);
      const at = clock.now();
      for (const complaint of due) {
        // The duplicates merged into it were answered with it, and go with it.
        const duplicates = await mergedDuplicates(trx, councilId, complaint.id);
        for (const { id, reference, mergedInto } of [
          { id: complaint.id, reference: complaint.reference, mergedInto: undefined },
          ...duplicates.map((duplicate) => ({ ...duplicate, mergedInto: complaint.reference })),
        ]) {
          await anonymiseComplaint(trx, councilId, id, at);
          await appendAudit(
            trx,
            actor,
            {
              action: 'complaint.anonymised',
              recordType: 'complaint',
              recordId: id,
              before: { reference, resolvedOn: complaint.resolved_on, mergedInto },
              after: { anonymisedAt: at.toISOString(), retentionMonths },
            },
            at,
          );
        }
      }
      return due.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}

// Anonymises the complaints due, then the customers left with nothing kept; a daily job.
async function run(
  deps: RetentionDeps,
  councilId: string,
): Promise<{ complaints: number; customers: number }> {
  const months = (await deps.organisation.policy(councilId)).complainantRetentionMonths;
  const cutoff = addMonths(londonDate(deps.clock.now()), -months);
  const complaints = await anonymiseComplaints(deps, councilId, cutoff, months);
  const customers = await deps.customers.anonymiseDormant({
    councilId,
    quietSince: new Date(`${cutoff}T00:00:00Z`),
    stillHeld: (trx, ids) => customersStillHeld(trx, councilId, ids),
  });
  return { complaints, customers };
}

export function complaintRetention(deps: RetentionDeps) {
  return { run: (councilId: string) => run(deps, councilId) };
}

// Of these customers, those with a complaint whose personal data is still kept.
async function customersStillHeld(trx: Kysely<Database>, councilId: string, customerIds: readonly string[]) {
  if (customerIds.length === 0) return new Set<string>();
  const rows = await trx
    .selectFrom('complaint')
    .select('customer_id')
    .distinct()
    .where('council_id', '=', councilId)
    .where('customer_id', 'in', customerIds)
    .where('anonymised_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.customer_id));
}

// The complaints merged into this one as its duplicates, not yet anonymised, locked.
function mergedDuplicates(trx: Kysely<Database>, councilId: string, complaintId: string) {
  return trx
    .selectFrom('complaint')
    .select(['id', 'reference'])
    .where('council_id', '=', councilId)
    .where('duplicate_of', '=', complaintId)
    .where('anonymised_at', 'is', null)
    .forUpdate()
    .execute();
}

// Resolved complaints whose personal data is still kept and no open Ombudsman case holds. A merged
// duplicate is not among them: it goes with the complaint it was merged into.
function retainedComplaints(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('complaint as c')
    .where('c.council_id', '=', councilId)
    .where('c.anonymised_at', 'is', null)
    .where('c.status', 'in', ['not-accepted', 'stage-1-responded', 'stage-2-responded', 'closed'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ombudsman_case as o')
            .select(sql`1`.as('one'))
            .whereRef('o.council_id', '=', 'c.council_id')
            .whereRef('o.complaint_id', '=', 'c.id')
            .where('o.closed_on', 'is', null),
        ),
      ),
    );
}

// Those resolved by the cut-off; rows another process is already anonymising are skipped, so the
// job can run in several processes at once.
function dueComplaints(trx: Kysely<Database>, councilId: string, resolvedBy: string) {
  return retainedComplaints(trx, councilId)
    .select(['c.id', 'c.reference', 'c.resolved_on'])
    .where('c.resolved_on', '<=', resolvedBy)
    .orderBy('c.resolved_on')
    .limit(batchSize)
    .forUpdate()
    .skipLocked()
    .execute();
}

// The retention page's figures for complaints: how many this job anonymises at its next run and
// when more fall due, counted over the complaints it picks.
export const complaintRetentionFigures: RetentionFigures = {
  key: 'complaint',
  name: 'Complaints and their complainants',
  setting: 'complainantRetentionMonths',
  unit: 'months',
  basis: 'after the complaint was resolved, and while no Ombudsman case is open',
  pending: (db, councilId, cutoff) =>
    pendingFrom(db, sql`${retainedComplaints(db, councilId).select(sql`c.resolved_on`.as('basis'))}`, cutoff),
};

async function anonymiseComplaint(trx: Kysely<Database>, councilId: string, complaintId: string, at: Date) {
  const ofComplaint = { council_id: councilId, complaint_id: complaintId };
  await trx
    .updateTable('complaint')
    .set({
      representative_name: '',
      representative_relationship: '',
      contact_email: '',
      contact_phone: '',
      contact_address: '',
      what_happened: removedText,
      wanted_outcome: '',
      adjustments: '',
      triage_reason: '',
      anonymised_at: at,
      updated_at: at,
    })
    .where('council_id', '=', councilId)
    .where('id', '=', complaintId)
    .execute();
  await trx
    .updateTable('complaint_stage')
    .set({ findings: '', extension_reason: '', escalation_reason: '' })
    .where((eb) => eb.and(ofComplaint))
    .execute();
  await trx
    .updateTable('complaint_account_request')
    .set({
      question: removedText,
      account: sql<string | null>`case when account is null then null else ${removedText} end`,
    })
    .where((eb) => eb.and(ofComplaint))
    .execute();
  await trx
    .updateTable('complaint_remedy')
    .set({ description: removedText })
    .where((eb) => eb.and(ofComplaint))
    .execute();
  await trx
    .updateTable('ombudsman_case')
    .set({ enquiry: '', remedy: '' })
    .where((eb) => eb.and(ofComplaint))
    .execute();
  await trx
    .deleteFrom('complaint_document')
    .where((eb) => eb.and(ofComplaint))
    .execute();
  await anonymiseLetters(trx, councilId, 'complaint_id', complaintId);
}
