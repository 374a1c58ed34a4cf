import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit, recordAccess } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { sameCouncil } from '../../platform/db/same-council.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NotFound, Unavailable } from '../../platform/errors.ts';
import type { EmailMessage } from '../../platform/notify/mailer.ts';
import type { CustomersService } from '../customers/service.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import type { PolicySettings } from '../organisation/policy-settings.ts';
import type { Casework } from './casework.ts';
import { complaintReceivedEmail } from './complaint-emails.ts';
import { type Regime, stageDeadlines } from './deadline-rules.ts';
import { type Answers, type ComplaintFacts, completeFacts } from './intake-input.ts';
import { complaintReference } from './intake-rules.ts';
import type { ComplaintLetters } from './letters.ts';
import { progressService } from './progress.ts';
import type { CheckedUpload } from './uploads.ts';

export type Intake = ReturnType<typeof intakeService>;
export type PublicCouncil = { councilId: string; name: string; slug: string };
type Channel = 'online' | 'phone' | 'email' | 'letter' | 'in-person';

// Drafts not touched for this long are removed by the daily job (removeAbandonedDrafts).
const draftLifetimeMs = 3 * 24 * 60 * 60 * 1000;

const onlineActor = (councilId: string, requestId?: string): Actor => ({
  councilId,
  personId: null,
  label: 'Complainant (online form)',
  requestId,
});

export function intakeService(
  deps: ModuleDeps,
  collaborators: { customers: CustomersService; casework: Casework; letters: ComplaintLetters },
) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const { customers } = collaborators;

  async function context(councilId: string) {
    const [policy, calendar, services] = await Promise.all([
      organisation.policy(councilId),
      organisation.calendar(councilId),
      organisation.services(councilId),
    ]);
    return { policy, calendar, services };
  }

  async function nextReference(trx: Kysely<Database>, councilId: string, year: number) {
    const row = await trx
      .insertInto('complaint_reference_counter')
      .values({ council_id: councilId, year, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['council_id', 'year'])
          .doUpdateSet((eb) => ({ last_number: eb('complaint_reference_counter.last_number', '+', 1) })),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return complaintReference(year, row.last_number);
  }

  // Counts what the public add today against the council's ceiling, in the caller's transaction:
  // false, and nothing counted, once the ceiling would be passed.
  async function countToday(
    trx: Kysely<Database>,
    councilId: string,
    what: 'drafts' | 'upload_bytes',
    amount: number,
    ceiling: number,
  ): Promise<boolean> {
    const day = londonDate(clock.now());
    const counted = await trx
      .insertInto('public_intake_day')
      .values({ council_id: councilId, day, [what]: amount })
      .onConflict((oc) =>
        oc
          .columns(['council_id', 'day'])
          .doUpdateSet((eb) => ({ [what]: eb(`public_intake_day.${what}`, '+', amount) }))
          .where(`public_intake_day.${what}`, '<=', ceiling - amount),
      )
      .returning(what)
      .executeTakeFirst();
    return counted !== undefined && Number(counted[what]) <= ceiling;
  }

  const overCeiling = (councilName: string) =>
    new Unavailable(
      `${councilName} cannot take any more complaints online today. Try again tomorrow, or phone or write to the council.`,
    );

  // However a complaint arrives, it is made here: the complaint, its first stage with the deadlines
  // and how they were worked out, and the audit event, in the caller's transaction.
  async function createComplaint(
    trx: Kysely<Database>,
    input: {
      councilId: string;
      id: string;
      facts: ComplaintFacts;
      channel: Channel;
      receivedAt: Date;
      loggedBy: string | null;
      customerId: string | null;
      authority: CheckedUpload | null;
      actor: Actor;
    },
    settings: { policy: PolicySettings; calendar: WorkingCalendar; services: { id: string; name: string }[] },
  ) {
    const { councilId, id, facts, receivedAt } = input;
    const now = clock.now();
    const receivedOn = londonDate(receivedAt);
    const reference = await nextReference(trx, councilId, Number(receivedOn.slice(0, 4)));
    const forThemselves = facts.forWhom === 'self';
    const customerId =
      input.customerId ??
      (await customers.findOrCreate(
        trx,
        councilId,
        forThemselves
          ? { name: facts.name, email: facts.email, phone: facts.phone, address: facts.address }
          : { name: facts.theirName, email: '', phone: '', address: '' },
        now,
      ));
    const service = settings.services.find((candidate) => candidate.id === facts.serviceId) ?? null;
    const regime = settings.policy.complaintRegime as Regime;
    const deadlines = stageDeadlines(settings.calendar, settings.policy, regime, 1, receivedOn, null);
    await trx
      .insertInto('complaint')
      .values({
        council_id: councilId,
        id,
        reference,
        customer_id: customerId,
        representative_name: forThemselves ? '' : facts.name,
        representative_relationship: forThemselves ? '' : facts.relationship,
        contact_email: facts.email,
        contact_phone: facts.phone,
        contact_address: facts.address,
        contact_preference: facts.preference,
        service_id: service?.id ?? null,
        service_name: service?.name ?? '',
        what_happened: facts.whatHappened,
        happened_on: facts.happenedOn || null,
        wanted_outcome: facts.wantedOutcome,
        adjustments: facts.adjustments,
        channel: input.channel,
        received_at: receivedAt,
        received_on: receivedOn,
        logged_by: input.loggedBy,
        regime,
        // The Housing Ombudsman, not the LGSCO, for housing matters (003 §5.5); triage may change it.
        housing: /\bhousing\b/i.test(service?.name ?? ''),
        status: 'awaiting-triage',
        stage: 1,
        triage_reason: '',
        late_accepted: false,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('complaint_stage')
      .values({
        council_id: councilId,
        complaint_id: id,
        stage: 1,
        started_on: receivedOn,
        acknowledge_by: deadlines.acknowledgeBy.due,
        respond_by: deadlines.respondBy.due,
        deadline_basis: `${deadlines.acknowledgeBy.basis}\n${deadlines.respondBy.basis}`,
        extension_reason: '',
        escalation_reason: '',
        findings: '',
      })
      .execute();
    if (input.authority) {
      await trx
        .insertInto('complaint_document')
        .values({
          council_id: councilId,
          id: uuidv7(now.getTime()),
          complaint_id: id,
          purpose: 'authority',
          file_name: input.authority.fileName,
          content_type: input.authority.contentType,
          size_bytes: input.authority.content.length,
          content: input.authority.content,
          uploaded_by: input.loggedBy,
          uploaded_at: now,
        })
        .execute();
    }
    await appendAudit(
      trx,
      input.actor,
      {
        action: 'complaint.received',
        recordType: 'complaint',
        recordId: id,
        after: {
          reference,
          channel: input.channel,
          receivedAt: receivedAt.toISOString(),
          service: service?.name ?? null,
          representative: !forThemselves,
          authority: input.authority ? input.authority.fileName : null,
          regime,
          acknowledgeBy: deadlines.acknowledgeBy.due,
          respondBy: deadlines.respondBy.due,
        },
      },
      now,
    );
    return {
      id,
      reference,
      regime,
      acknowledgeBy: deadlines.acknowledgeBy.due,
      respondBy: deadlines.respondBy.due,
    };
  }

  // The person who complained online is told its reference and deadlines, when they gave an email.
  function acknowledgement(
    council: { name: string; slug: string },
    facts: ComplaintFacts,
    created: Awaited<ReturnType<typeof createComplaint>>,
  ): EmailMessage[] {
    if (!facts.email) return [];
    return [
      complaintReceivedEmail({
        ...created,
        councilName: council.name,
        name: facts.name,
        email: facts.email,
        progressUrl: `${baseUrl}/public/${council.slug}/complaints/progress`,
      }),
    ];
  }

  async function councilSlug(councilId: string) {
    const row = await db
      .selectFrom('council')
      .select(['slug', 'name'])
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow();
    return row;
  }

  const drafts = {
    async start(council: PublicCouncil, answers: Answers): Promise<string> {
      const { publicComplaintsPerDay } = await organisation.policy(council.councilId);
      const now = clock.now();
      const id = uuidv7(now.getTime());
      await db.transaction().execute(async (trx) => {
        if (!(await countToday(trx, council.councilId, 'drafts', 1, publicComplaintsPerDay)))
          throw overCeiling(council.name);
        await trx
          .insertInto('complaint_draft')
          .values({ council_id: council.councilId, id, answers: JSON.stringify(answers), updated_at: now })
          .execute();
      });
      return id;
    },

    async read(councilId: string, id: string): Promise<Answers | null> {
      if (!isUuid(id)) return null;
      const row = await db
        .selectFrom('complaint_draft')
        .select('answers')
        .where('council_id', '=', councilId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? (row.answers as Answers) : null;
    },

    // The page's answers over what was there; a submitted draft is not changed.
    async save(councilId: string, id: string, answers: Answers): Promise<void> {
      const current = await drafts.read(councilId, id);
      if (!current || current.submitted) throw new NotFound('No such complaint being made');
      await db
        .updateTable('complaint_draft')
        .set({ answers: JSON.stringify({ ...current, ...answers }), updated_at: clock.now() })
        .where('council_id', '=', councilId)
        .where('id', '=', id)
        .execute();
    },

    async authority(councilId: string, draftId: string) {
      return db
        .selectFrom('complaint_draft_document')
        .select(['file_name as fileName', 'content_type as contentType', 'size_bytes as sizeBytes'])
        .where('council_id', '=', councilId)
        .where('draft_id', '=', draftId)
        .where('purpose', '=', 'authority')
        .executeTakeFirst();
    },

    async saveAuthority(council: PublicCouncil, draftId: string, file: CheckedUpload): Promise<void> {
      const councilId = council.councilId;
      const { publicUploadMegabytesPerDay } = await organisation.policy(councilId);
      const now = clock.now();
      const values = {
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.content.length,
        content: file.content,
        uploaded_at: now,
      };
      await db.transaction().execute(async (trx) => {
        const ceiling = publicUploadMegabytesPerDay * 1024 * 1024;
        if (!(await countToday(trx, councilId, 'upload_bytes', file.content.length, ceiling)))
          throw overCeiling(council.name);
        await trx
          .insertInto('complaint_draft_document')
          .values({ council_id: councilId, draft_id: draftId, purpose: 'authority', ...values })
          .onConflict((oc) => oc.columns(['council_id', 'draft_id', 'purpose']).doUpdateSet(values))
          .execute();
        await trx
          .updateTable('complaint_draft')
          .set({ updated_at: now })
          .where('council_id', '=', councilId)
          .where('id', '=', draftId)
          .execute();
      });
    },
  };

  return {
    drafts,

    async council(slug: string): Promise<PublicCouncil> {
      const council = /^[a-z0-9-]{1,60}$/.test(slug) ? await organisation.councilBySlug(slug) : undefined;
      if (!council) throw new NotFound('No such council');
      return { councilId: council.council_id, name: council.name, slug };
    },

    services: (councilId: string) => organisation.services(councilId),
    policy: (councilId: string) => organisation.policy(councilId),

    // The public form's last step. The draft is locked, so that a second press of the button
    // waits for the first and then finds the complaint it made instead of making another.
    async submitOnline(
      council: PublicCouncil,
      draftId: string,
      requestId: string,
    ): Promise<{ complaintId: string } | { incomplete: string }> {
      const settings = await context(council.councilId);
      const today = londonDate(clock.now());
      const serviceIds = new Set(settings.services.map((service) => service.id));
      type Outcome = { incomplete: string } | { complaintId: string };
      const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
        const draft = await trx
          .selectFrom('complaint_draft')
          .select('answers')
          .where('council_id', '=', council.councilId)
          .where('id', '=', draftId)
          .forUpdate()
          .executeTakeFirst();
        if (!draft) throw new NotFound('No such complaint being made');
        const answers = draft.answers as Answers;
        if (answers.submitted) return { complaintId: answers.submitted };
        const checked = completeFacts(answers, { today, serviceIds });
        if (!checked.facts) return { incomplete: checked.firstIncomplete.key };
        const authority =
          checked.facts.forWhom === 'someone-else'
            ? await trx
                .selectFrom('complaint_draft_document')
                .select(['file_name as fileName', 'content_type as contentType', 'content'])
                .where('council_id', '=', council.councilId)
                .where('draft_id', '=', draftId)
                .where('purpose', '=', 'authority')
                .executeTakeFirst()
            : null;
        if (checked.facts.forWhom === 'someone-else' && !authority) return { incomplete: 'authority' };
        const now = clock.now();
        const created = await createComplaint(
          trx,
          {
            councilId: council.councilId,
            id: uuidv7(now.getTime()),
            facts: checked.facts,
            channel: 'online',
            receivedAt: now,
            loggedBy: null,
            customerId: null,
            authority: authority ?? null,
            actor: onlineActor(council.councilId, requestId),
          },
          settings,
        );
        // What was typed is no longer needed once the complaint holds it: only the complaint is kept.
        await trx
          .deleteFrom('complaint_draft_document')
          .where('council_id', '=', council.councilId)
          .where('draft_id', '=', draftId)
          .execute();
        await trx
          .updateTable('complaint_draft')
          .set({ answers: JSON.stringify({ submitted: created.id }), updated_at: now })
          .where('council_id', '=', council.councilId)
          .where('id', '=', draftId)
          .execute();
        await outbox.enqueue(trx, council.councilId, ...acknowledgement(council, checked.facts, created));
        return { complaintId: created.id };
      });
      return outcome;
    },

    // A complaint received by phone, email, letter or in person, logged by the complaints team.
    // `id` comes from the form, so that sending it twice finds the first instead of making two.
    async logComplaint(
      principal: Principal,
      input: {
        id: string;
        facts: ComplaintFacts;
        channel: Exclude<Channel, 'online'>;
        receivedAt: Date;
        customerId: string | null;
        authority: CheckedUpload | null;
      },
      requestId: string,
    ): Promise<{ reference: string }> {
      const councilId = principal.councilId;
      const existing = () =>
        db
          .selectFrom('complaint')
          .select('reference')
          .where('council_id', '=', councilId)
          .where('id', '=', input.id)
          .where('logged_by', '=', principal.personId)
          .executeTakeFirst();
      const before = await existing();
      if (before) return before;
      if (input.customerId) {
        const customer = await db
          .selectFrom('customer')
          .select('id')
          .where('council_id', '=', councilId)
          .where('id', '=', input.customerId)
          .where('anonymised_at', 'is', null)
          .executeTakeFirst();
        if (!customer) throw new NotFound('No such customer');
      }
      const settings = await context(councilId);
      try {
        const created = await db.transaction().execute((trx) =>
          createComplaint(
            trx,
            {
              councilId,
              ...input,
              loggedBy: principal.personId,
              actor: actorFor(principal, requestId),
            },
            settings,
          ),
        );
        return { reference: created.reference };
      } catch (error) {
        const first = await existing();
        if (first) return first;
        throw error;
      }
    },

    async confirmation(councilId: string, complaintId: string) {
      const row = await db
        .selectFrom('complaint as c')
        .innerJoin('complaint_stage as s', (join) =>
          join
            .onRef('s.council_id', '=', 'c.council_id')
            .onRef('s.complaint_id', '=', 'c.id')
            .on('s.stage', '=', 1),
        )
        .select([
          'c.reference',
          'c.regime',
          'c.contact_email as email',
          's.acknowledge_by as acknowledgeBy',
          's.respond_by as respondBy',
        ])
        .where('c.council_id', '=', councilId)
        .where('c.id', '=', complaintId)
        .executeTakeFirst();
      if (!row) throw new NotFound('No such complaint');
      return { ...row, regime: row.regime as Regime, respondBy: row.respondBy ?? row.acknowledgeBy };
    },

    // The daily job: a draft left for a few days is abandoned, and its answers and file go with it.
    async removeAbandonedDrafts(): Promise<number> {
      const result = await db
        .deleteFrom('complaint_draft')
        .where('updated_at', '<', new Date(clock.now().getTime() - draftLifetimeMs))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    councilSlug,

    // The customer staff chose to log a complaint from, with any warning about their contact
    // (003 vexatious procedure §6: shown, but the complaint is still taken on its merits).
    async customerForLog(councilId: string, customerId: string) {
      if (!isUuid(customerId)) return null;
      const customer = await db
        .selectFrom('customer')
        .select(['id', 'name', 'email', 'phone', 'address'])
        .where('council_id', '=', councilId)
        .where('id', '=', customerId)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst();
      if (!customer) return null;
      return { customer, warning: await customers.contactWarning(councilId, customerId, null) };
    },

    searchCustomers: (councilId: string, text: string) => customers.search(councilId, text),

    // A file sent with a complaint (a representative's written authority), for the complaints
    // team; reading it is audited, as it is personal data.
    async document(principal: Principal, reference: string, documentId: string, requestId?: string) {
      if (!isUuid(documentId)) return null;
      const found = await db
        .selectFrom('complaint_document as d')
        .innerJoin('complaint as c', sameCouncil('c.id', 'd.complaint_id'))
        .select([
          'd.id',
          'd.file_name as fileName',
          'd.content_type as contentType',
          'd.content',
          'c.id as complaintId',
        ])
        .where('d.council_id', '=', principal.councilId)
        .where('c.reference', '=', reference)
        .where('d.id', '=', documentId)
        .executeTakeFirst();
      if (!found?.content) return null;
      await recordAccess(
        db,
        actorFor(principal, requestId),
        {
          action: 'complaint.document-viewed',
          recordType: 'complaint',
          recordId: found.complaintId,
          after: { documentId },
        },
        clock.now(),
      );
      return { fileName: found.fileName, contentType: found.contentType, content: found.content };
    },

    ...progressService(deps, collaborators),
  };
}
