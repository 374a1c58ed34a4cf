import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OmbudsmanCaseTable } from '../tables.ts';
import {
  checkEnquiry,
  checkStep,
  type Decision,
  type EnquiryInput,
  type Ombudsman,
  type OmbudsmanCaseFacts,
  refusalOf,
  type Step,
  type StepInput,
} from './rules.ts';

export type OmbudsmanCases = ReturnType<typeof ombudsmanCases>;

export type OmbudsmanCase = OmbudsmanCaseFacts & {
  id: string;
  complaintId: string;
  ombudsman: Ombudsman;
  theirReference: string;
  receivedOn: string;
  enquiry: string;
  respondBy: string | null;
  decidedOn: string | null;
  remedy: string;
  recordedAt: Date;
};

type ComplaintOfCase = { id: string; reference: string; housing: boolean; serviceName: string };

const toCase = (row: OmbudsmanCaseTable): OmbudsmanCase => ({
  id: row.id,
  complaintId: row.complaint_id,
  ombudsman: row.ombudsman as Ombudsman,
  theirReference: row.their_reference,
  receivedOn: row.received_on,
  enquiry: row.enquiry,
  respondBy: row.respond_by,
  respondedOn: row.responded_on,
  decision: row.decision as Decision | null,
  decidedOn: row.decided_on,
  remedy: row.remedy,
  remedyDueOn: row.remedy_due_on,
  remedyDoneOn: row.remedy_done_on,
  closedOn: row.closed_on,
  recordedAt: row.recorded_at,
});

// What each step writes to the case.
function changesOf(step: Step, input: StepInput): Partial<OmbudsmanCaseTable> {
  switch (step) {
    case 'response':
      return { responded_on: input.respondedOn };
    case 'decision':
      return { decision: input.decision, decided_on: input.decidedOn };
    case 'remedy':
      return { remedy: input.remedy, remedy_due_on: input.remedyDueOn };
    case 'remedy-done':
      return { remedy_done_on: input.remedyDoneOn };
    case 'close':
      return { closed_on: input.closedOn };
  }
}

export function ombudsmanCases({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  // As everywhere, an anonymised complaint is no longer there to see or add to.
  async function complaintOf(councilId: string, reference: string): Promise<ComplaintOfCase> {
    const row = await db
      .selectFrom('complaint')
      .select(['id', 'reference', 'housing', 'service_name'])
      .where('council_id', '=', councilId)
      .where('reference', '=', reference)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new NotFound('No such complaint');
    return { id: row.id, reference: row.reference, housing: row.housing, serviceName: row.service_name };
  }

  async function caseRow(
    executor: Kysely<Database>,
    councilId: string,
    complaintId: string,
    id: string,
    forUpdate: boolean,
  ) {
    const row = await executor
      .selectFrom('ombudsman_case')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('complaint_id', '=', complaintId)
      .where('id', '=', id)
      .$if(forUpdate, (query) => query.forUpdate())
      .executeTakeFirst();
    if (!row) throw new NotFound('No such Ombudsman case');
    return row;
  }

  return {
    complaintOf,

    async forComplaint(councilId: string, complaintId: string): Promise<OmbudsmanCase[]> {
      const rows = await db
        .selectFrom('ombudsman_case')
        .selectAll()
        .where('council_id', '=', councilId)
        .where('complaint_id', '=', complaintId)
        .orderBy('received_on')
        .orderBy('id')
        .execute();
      return rows.map(toCase);
    },

    async get(councilId: string, complaintId: string, id: string): Promise<OmbudsmanCase> {
      return toCase(await caseRow(db, councilId, complaintId, id, false));
    },

    async open(actor: Actor, complaintId: string, input: EnquiryInput): Promise<string> {
      const at = clock.now();
      const errors = checkEnquiry(input, londonDate(at));
      if (errors.length) throw new InvalidInput(errors);
      const id = uuidv7(at.getTime());
      const row = {
        council_id: actor.councilId,
        id,
        complaint_id: complaintId,
        ombudsman: input.ombudsman,
        their_reference: input.theirReference,
        received_on: input.receivedOn,
        enquiry: input.enquiry,
        respond_by: input.respondBy || null,
        remedy: '',
        recorded_by: actor.personId ?? '',
        recorded_at: at,
        updated_at: at,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('ombudsman_case').values(row).execute();
        await appendAudit(
          trx,
          actor,
          {
            action: 'complaint.ombudsman-opened',
            recordType: 'complaint',
            recordId: complaintId,
            after: row,
          },
          at,
        );
      });
      return id;
    },

    // One step of the case (our response, their decision, the remedy, its completion, closing),
    // refused unless the transition table allows it from where the case is.
    async record(actor: Actor, complaintId: string, id: string, step: Step, input: StepInput) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await caseRow(trx, actor.councilId, complaintId, id, true);
        const refusal = refusalOf(toCase(before), step);
        if (refusal) throw new InvalidInput([{ key: 'form', message: refusal }]);
        const errors = checkStep(step, input, before.received_on, londonDate(at));
        if (errors.length) throw new InvalidInput(errors);
        const changes = changesOf(step, input);
        await trx
          .updateTable('ombudsman_case')
          .set({ ...changes, updated_at: at })
          .where('council_id', '=', actor.councilId)
          .where('id', '=', id)
          .execute();
        await appendAudit(
          trx,
          actor,
          {
            action: `complaint.ombudsman-${step}`,
            recordType: 'complaint',
            recordId: complaintId,
            before: Object.fromEntries(
              Object.keys(changes).map((key) => [key, before[key as keyof typeof before]]),
            ),
            after: { ombudsmanCaseId: id, ...changes },
          },
          at,
        );
      });
    },

    // Retention keeps a complaint's personal data while an Ombudsman case is open.
    async openCaseFor(trx: Kysely<Database>, councilId: string, complaintId: string): Promise<boolean> {
      const row = await trx
        .selectFrom('ombudsman_case')
        .select('id')
        .where('council_id', '=', councilId)
        .where('complaint_id', '=', complaintId)
        .where('closed_on', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
