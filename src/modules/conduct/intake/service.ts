import { type Kysely, sql } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { tellsSubjectAt } from '../casework/rules.ts';
import { sendConductLetter } from '../letters/sending.ts';
import * as roster from '../roster/repository.ts';
import type { ComplaintForm } from './input.ts';

export type PublicCouncil = { councilId: string; name: string; slug: string };

// References people can quote: CC-2026-0007, numbered per council and year.
async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const { last_number } = await trx
    .insertInto('conduct_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet({ last_number: sql`conduct_reference_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `CC-${year}-${String(last_number).padStart(4, '0')}`;
}

type Received = {
  councilId: string;
  id: string;
  form: ComplaintForm;
  subject: Awaited<ReturnType<typeof roster.councillor>> | null;
  tellSubject: boolean;
  at: Date;
};

// Records a complaint in one transaction: its reference, the audit event, the acknowledgement to
// the complainant and, when the council's arrangements say so, the notice to the councillor.
function record({ db, outbox }: ModuleDeps, { councilId, id, form, subject, tellSubject, at }: Received) {
  const today = londonDate(at);
  const actor: Actor = { councilId, personId: null, label: form.name };
  return db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, councilId, Number(today.slice(0, 4)));
    const councillorId = subject?.id ?? null;
    await trx
      .insertInto('conduct_complaint')
      .values(newRow({ councilId, id, reference, today, at, form, councillorId }))
      .execute();
    const after = { reference, againstAll: subject === null, councillorId };
    await appendAudit(
      trx,
      actor,
      { action: 'conduct-complaint.received', recordType: 'conduct-complaint', recordId: id, after },
      at,
    );
    const councillor = subject?.name ?? 'all the councillors';
    const about = { councilId, complaintId: id, reference, councillor, receivedOn: today };
    const acknowledgement = { name: form.name, email: form.email, kind: 'acknowledgement' } as const;
    await sendConductLetter(trx, outbox, about, acknowledgement, at);
    if (subject && tellSubject)
      await sendConductLetter(
        trx,
        outbox,
        about,
        {
          name: subject.name,
          email: subject.email,
          kind: 'subject-notice',
          outcome:
            'a complaint about your conduct has been received and the Monitoring Officer will assess it',
        },
        at,
      );
    return reference;
  });
}

async function receiptOf(db: Kysely<Database>, councilId: string, id: string) {
  const row = await db
    .selectFrom('conduct_complaint')
    .select(['reference', 'complainant_email'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { reference: row.reference, email: row.complainant_email } : null;
}

// A complaint about a councillor, made by a member of the public or a councillor without an
// account: it gets a reference, an acknowledgement with its PDF, and the councillor is told when
// the council's arrangements say so (the policy setting conductSubjectNoticePoints).
export function conductIntake(deps: ModuleDeps) {
  const { db, clock, organisation } = deps;

  async function council(slug: string): Promise<PublicCouncil> {
    const found = /^[a-z0-9-]{1,60}$/.test(slug) ? await organisation.councilBySlug(slug) : undefined;
    if (!found) throw new NotFound('No such council');
    return { councilId: found.council_id, name: found.name, slug };
  }

  async function receive(councilId: string, form: ComplaintForm): Promise<{ id: string; reference: string }> {
    const at = clock.now();
    if (form.happenedOn && form.happenedOn > londonDate(at))
      throw new InvalidInput([
        { key: 'happenedOn', message: 'The date it happened must be today or in the past' },
      ]);
    const subject =
      form.councillor === 'all' ? null : await roster.councillor(db, councilId, form.councillor);
    if (form.councillor !== 'all' && !subject?.active)
      throw new InvalidInput([
        { key: 'councillor', message: 'Select the councillor your complaint is about' },
      ]);
    const policy = await organisation.policy(councilId);
    const id = isUuid(form.submission) ? form.submission : uuidv7(at.getTime());
    // The same form sent again (a second click, a retry) by the same person: the first complaint.
    const sentBefore = async () => {
      const first = await receiptOf(db, councilId, id);
      return first?.email === form.email ? { id, reference: first.reference } : null;
    };
    const before = await sentBefore();
    if (before) return before;
    const tellSubject = tellsSubjectAt(policy.conductSubjectNoticePoints, 'received');
    try {
      return { id, reference: await record(deps, { councilId, id, form, subject, tellSubject, at }) };
    } catch (error) {
      const first = await sentBefore();
      if (first) return first;
      throw error;
    }
  }

  return {
    council,
    councillors: async (councilId: string) =>
      (await roster.councillors(db, councilId)).filter((councillor) => councillor.active),
    receive,
    receipt: (councilId: string, id: string) => receiptOf(db, councilId, id),
  };
}
export type ConductIntake = ReturnType<typeof conductIntake>;

function newRow(input: {
  councilId: string;
  id: string;
  reference: string;
  today: string;
  at: Date;
  form: ComplaintForm;
  councillorId: string | null;
}) {
  const { form } = input;
  return {
    council_id: input.councilId,
    id: input.id,
    reference: input.reference,
    received_on: input.today,
    received_at: input.at,
    complainant_name: form.name,
    complainant_email: form.email,
    complainant_address: form.address,
    complainant_is_councillor: form.isCouncillor === 'yes',
    councillor_id: input.councillorId,
    against_all: input.councillorId === null,
    what_happened: form.whatHappened,
    happened_on: form.happenedOn || null,
    state: 'received',
    version: 1,
    valid: null,
    not_valid_grounds: [],
    assessment_reasons: '',
    theme: '',
    assessed_by: null,
    assessed_at: null,
    independent_person_id: null,
    independent_person_view: '',
    view_recorded_at: null,
    decision: null,
    decision_reasons: '',
    decided_at: null,
    investigator_id: null,
    investigation_finding: null,
    investigation_report: '',
    reported_at: null,
    hearing_on: null,
    hearing_members: '',
    hearing_independent_person_id: null,
    hearing_outcome: null,
    hearing_reasons: '',
    closed_at: null,
  };
}
