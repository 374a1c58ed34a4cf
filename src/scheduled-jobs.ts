import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { OrganisationService } from './modules/organisation/service.ts';
import { auditCheckpointJob } from './platform/audit/audit-checkpoints.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/schema.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { removeOldMessages } from './platform/notify/outbox.ts';
import { removeOldWebhookEvents } from './platform/webhooks/deliveries.ts';
import { webhookDelivery } from './platform/webhooks/delivery.ts';

// What a job calls on a service: for each council, or once for all.
type PerCouncil<K extends string> = Record<K, (councilId: string) => Promise<unknown>>;
type Once<K extends string> = Record<K, () => Promise<unknown>>;

const hourly = 60 * 60 * 1000;
const daily = 24 * hourly;

// The work done on timers in every process (listed by app.ts); each job claims what it does before
// doing it.
export function scheduledJobs(
  { db, clock, log, config }: { db: Kysely<Database>; clock: Clock; log: FastifyBaseLogger; config: Config },
  services: {
    organisation: Pick<OrganisationService, 'councilIds' | 'removeOldStaffFiles'>;
    gifts: { offers: Once<'removeAbandonedDrafts'>; reviews: PerCouncil<'sendReminders'> };
    interests: { declarations: Once<'removeAbandonedDrafts'>; campaigns: PerCouncil<'sendReminders'> };
    casework: PerCouncil<'sendReminders'>;
    customers: PerCouncil<'sendReviewReminders'>;
    intake: Once<'removeAbandonedDrafts'>;
    retention: PerCouncil<'run'>;
    visits: PerCouncil<'anonymiseExpired' | 'sweep'>;
    enforcement: PerCouncil<'checkArrangements'>;
    concerns: PerCouncil<'sendReminders'>;
    privacy: { retention: PerCouncil<'run'> };
  },
): Job[] {
  const {
    organisation,
    gifts,
    interests,
    casework,
    customers,
    intake,
    retention,
    visits,
    enforcement,
    concerns,
    privacy,
  } = services;
  // A job doing its work for each council in turn.
  const forEachCouncil = (name: string, everyMs: number, work: (councilId: string) => Promise<unknown>) => ({
    name,
    everyMs,
    async run() {
      for (const councilId of await organisation.councilIds()) await work(councilId);
    },
  });
  const webhooks = webhookDelivery({ db, clock, allowLoopback: !config.production });
  return [
    // Events to the council's other systems within seconds; each delivery is claimed by one process.
    forEachCouncil('webhook deliveries', 5_000, webhooks.deliverDue),
    // New concerns to their investigators, the clocks' reminders and detriment flags: sent by the
    // job, so that no email's time says when a reporter wrote.
    forEachCouncil('concern emails and reminders', hourly, concerns.sendReminders),
    auditCheckpointJob({ db, clock, log: log, settings: config.auditCheckpoints }),
    forEachCouncil('gift review reminders', hourly, gifts.reviews.sendReminders),
    forEachCouncil('declaration campaign reminders', hourly, interests.campaigns.sendReminders),
    forEachCouncil('complaint deadline reminders', hourly, casework.sendReminders),
    forEachCouncil('unreasonable behaviour review reminders', daily, customers.sendReviewReminders),
    forEachCouncil('complainants’ personal data past retention', daily, retention.run),
    // A missed check-in is alerted within seconds of its time, whichever process sweeps first.
    forEachCouncil('missed check-in alerts', 5_000, visits.sweep),
    forEachCouncil('risk markers and incident reports past retention', daily, visits.anonymiseExpired),
    // Gifts, declarations, related party returns, visit records, enforcement cases and councillor
    // conduct complaints: each record is locked while blanked and never picked twice.
    forEachCouncil('personal data past retention in every register', daily, privacy.retention.run),
    // Each arrangement is locked while checked: an instalment is marked missed, and its agent
    // emailed, once, whichever process runs first and however often.
    forEachCouncil('payment arrangements past their grace period', daily, enforcement.checkArrangements),
    { name: 'staff files a day after their preview', everyMs: hourly, run: organisation.removeOldStaffFiles },
    { name: 'abandoned gift drafts', everyMs: daily, run: () => gifts.offers.removeAbandonedDrafts() },
    { name: 'old emails and texts', everyMs: daily, run: () => removeOldMessages(db, clock.now()) },
    { name: 'old webhook deliveries', everyMs: daily, run: () => removeOldWebhookEvents(db, clock.now()) },
    { name: 'abandoned complaint drafts', everyMs: daily, run: () => intake.removeAbandonedDrafts() },
    {
      name: 'abandoned declaration drafts',
      everyMs: daily,
      run: () => interests.declarations.removeAbandonedDrafts(),
    },
  ];
}
