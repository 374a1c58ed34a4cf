// A complaint made: sent on the public form, or logged by the complaints team from a phone call,
// email, letter or visit. However it arrives, it is made the same way (createComplaint).
import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import { emitWebhook } from '../../../platform/webhooks/emit.ts';
import type { PolicySettings } from '../../organisation/service.ts';
import { type Regime, stageDeadlines } from '../deadline-rules.ts';
import { complaintReceivedEmail } from './emails.ts';
import { draftEvidenceContent } from './evidence-repository.ts';
import { type ComplaintFacts, completeFacts } from './input.ts';
import * as repo from './repository.ts';
import { complaintReference } from './rules.ts';
import type { IntakeDeps, PublicCouncil } from './service.ts';
import type { CheckedUpload } from './uploads.ts';

type Settings = {
  policy: PolicySettings;
  calendar: WorkingCalendar;
  services: { id: string; name: string }[];
};

type Received = {
  councilId: string;
  id: string;
  facts: ComplaintFacts;
  channel: repo.Channel;
  receivedAt: Date;
  loggedBy: string | null;
  customerId: string | null;
  authority: CheckedUpload | null;
  // Photos and documents the resident sent (the public form only).
  evidence: readonly CheckedUpload[];
  actor: Actor;
};

const onlineActor = (councilId: string, requestId?: string): Actor => ({
  councilId,
  personId: null,
  label: 'Complainant (online form)',
  requestId,
});

// What deadlines and services are worked out with.
async function settingsOf(deps: IntakeDeps, councilId: string): Promise<Settings> {
  const { organisation } = deps;
  const [policy, calendar, services] = await Promise.all([
    organisation.policy(councilId),
    organisation.calendar(councilId),
    organisation.services(councilId),
  ]);
  return { policy, calendar, services };
}

// The customer the complaint is from: the person complaining, or the one they complain for.
function customerOf(deps: IntakeDeps, trx: Kysely<Database>, input: Received, now: Date) {
  const { facts } = input;
  const details =
    facts.forWhom === 'self'
      ? { name: facts.name, email: facts.email, phone: facts.phone, address: facts.address }
      : { name: facts.theirName, email: '', phone: '', address: '' };
  return deps.customers.findOrCreate(trx, input.councilId, details, now);
}

// The complaint, its first stage with the deadlines and how they were worked out, its document
// and the audit event, in the caller's transaction.
async function createComplaint(deps: IntakeDeps, trx: Kysely<Database>, input: Received, settings: Settings) {
  const { councilId, id, facts, receivedAt } = input;
  const now = deps.clock.now();
  const receivedOn = londonDate(receivedAt);
  const year = Number(receivedOn.slice(0, 4));
  const reference = complaintReference(year, await repo.nextReferenceNumber(trx, councilId, year));
  const forThemselves = facts.forWhom === 'self';
  const customerId = input.customerId ?? (await customerOf(deps, trx, input, now));
  const service = settings.services.find((candidate) => candidate.id === facts.serviceId) ?? null;
  const regime = settings.policy.complaintRegime as Regime;
  const deadlines = stageDeadlines(settings.calendar, settings.policy, regime, 1, receivedOn, null);
  await repo.insertComplaint(
    trx,
    {
      councilId,
      id,
      reference,
      customerId,
      representativeName: forThemselves ? '' : facts.name,
      representativeRelationship: forThemselves ? '' : facts.relationship,
      contact: {
        email: facts.email,
        phone: facts.phone,
        address: facts.address,
        preference: facts.preference,
      },
      service,
      whatHappened: facts.whatHappened,
      happenedOn: facts.happenedOn || null,
      wantedOutcome: facts.wantedOutcome,
      adjustments: facts.adjustments,
      channel: input.channel,
      receivedAt,
      receivedOn,
      loggedBy: input.loggedBy,
      regime,
      // The Housing Ombudsman, not the LGSCO, for housing matters (003 §5.5); triage may change it.
      housing: /\bhousing\b/i.test(service?.name ?? ''),
      firstStage: {
        acknowledgeBy: deadlines.acknowledgeBy.due,
        respondBy: deadlines.respondBy.due,
        deadlineBasis: `${deadlines.acknowledgeBy.basis}\n${deadlines.respondBy.basis}`,
      },
    },
    now,
  );
  const files = [
    ...(input.authority ? [{ purpose: 'authority', file: input.authority }] : []),
    ...input.evidence.map((file) => ({ purpose: 'evidence', file })),
  ];
  for (const { purpose, file } of files) {
    const document = { councilId, complaintId: id, purpose, uploadedBy: input.loggedBy };
    await repo.insertDocument(trx, { ...document, id: uuidv7(now.getTime()), file }, now);
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
        evidenceFiles: input.evidence.length,
        regime,
        acknowledgeBy: deadlines.acknowledgeBy.due,
        respondBy: deadlines.respondBy.due,
      },
    },
    now,
  );
  await emitReceived(trx, input, { reference, serviceId: service?.id ?? null }, now);
  return {
    id,
    reference,
    regime,
    acknowledgeBy: deadlines.acknowledgeBy.due,
    respondBy: deadlines.respondBy.due,
  };
}

// Other council systems hear of a complaint received by any channel: its references, not its text.
function emitReceived(
  trx: Kysely<Database>,
  { councilId, id, channel, receivedAt }: Received,
  facts: { reference: string; serviceId: string | null },
  now: Date,
) {
  const data = { complaintId: id, ...facts, channel, receivedAt: receivedAt.toISOString() };
  return emitWebhook(trx, councilId, { type: 'complaint.received', data }, now);
}

// The person who complained online is told its reference and deadlines, when they gave an email.
function acknowledgement(
  deps: IntakeDeps,
  council: PublicCouncil,
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
      progressUrl: `${deps.baseUrl}/public/${council.slug}/complaints/progress`,
    }),
  ];
}

type Outcome = { incomplete: string } | { complaintId: string };

// The public form's last step. The draft is locked, so that a second press of the button
// waits for the first and then finds the complaint it made instead of making another.
export async function submitOnline(
  deps: IntakeDeps,
  council: PublicCouncil,
  draftId: string,
  requestId: string,
): Promise<Outcome> {
  const { councilId } = council;
  const settings = await settingsOf(deps, councilId);
  const today = londonDate(deps.clock.now());
  const serviceIds = new Set(settings.services.map((service) => service.id));
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const answers = await repo.draftAnswers(trx, councilId, draftId, true);
    if (!answers) throw new NotFound('No such complaint being made');
    if (answers.submitted) return { complaintId: answers.submitted };
    const checked = completeFacts(answers, { today, serviceIds });
    if (!checked.facts) return { incomplete: checked.firstIncomplete.key };
    const forAnother = checked.facts.forWhom === 'someone-else';
    const authority = forAnother ? await repo.draftAuthorityContent(trx, councilId, draftId) : null;
    if (forAnother && !authority) return { incomplete: 'authority' };
    const evidence = await draftEvidenceContent(trx, councilId, draftId);
    const now = deps.clock.now();
    const received = {
      councilId,
      id: uuidv7(now.getTime()),
      facts: checked.facts,
      channel: 'online' as const,
      receivedAt: now,
      loggedBy: null,
      customerId: null,
      authority: authority ?? null,
      evidence,
      actor: onlineActor(councilId, requestId),
    };
    const created = await createComplaint(deps, trx, received, settings);
    // What was typed is no longer needed once the complaint holds it: only the complaint is kept.
    await repo.deleteDraftDocuments(trx, councilId, draftId);
    await repo.updateDraft(trx, councilId, draftId, now, { submitted: created.id });
    await deps.outbox.enqueue(trx, councilId, ...acknowledgement(deps, council, checked.facts, created));
    return { complaintId: created.id };
  });
}

export type LoggedComplaint = {
  id: string;
  facts: ComplaintFacts;
  channel: Exclude<repo.Channel, 'online'>;
  receivedAt: Date;
  customerId: string | null;
  authority: CheckedUpload | null;
};

// A complaint received by phone, email, letter or in person, logged by the complaints team.
// `id` comes from the form, so that sending it twice finds the first instead of making two.
export async function logComplaint(
  deps: IntakeDeps,
  principal: Principal,
  input: LoggedComplaint,
  requestId: string,
): Promise<{ reference: string }> {
  const { councilId } = principal;
  const existing = () => repo.loggedReference(deps.db, councilId, input.id, principal.personId);
  const before = await existing();
  if (before) return before;
  if (input.customerId && !(await deps.customers.liveCustomer(councilId, input.customerId)))
    throw new NotFound('No such customer');
  const settings = await settingsOf(deps, councilId);
  const received = {
    councilId,
    ...input,
    evidence: [],
    loggedBy: principal.personId,
    actor: actorFor(principal, requestId),
  };
  try {
    const created = await deps.db
      .transaction()
      .execute((trx) => createComplaint(deps, trx, received, settings));
    return { reference: created.reference };
  } catch (error) {
    const first = await existing();
    if (first) return first;
    throw error;
  }
}

// What the confirmation page shows of the complaint just sent.
export async function confirmation(deps: Pick<IntakeDeps, 'db'>, councilId: string, complaintId: string) {
  const row = await repo.receivedComplaint(deps.db, councilId, complaintId);
  if (!row) throw new NotFound('No such complaint');
  return { ...row, regime: row.regime as Regime, respondBy: row.respondBy ?? row.acknowledgeBy };
}
