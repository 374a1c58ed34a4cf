import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../../platform/errors.ts';
import { type ModuleDeps, viewerOf } from '../../organisation/service.ts';
import { entryOf } from '../offer.ts';
import { can } from '../policy.ts';
import { reviewPeriodOf } from '../rules.ts';
import { reviewReminderEmail } from './emails.ts';
import { signOffInput } from './input.ts';
import { answerQuery, askQuery } from './queries.ts';
import * as repo from './repository.ts';
import { changedFields } from './rules.ts';
import { reviewStatuses, upcomingReviews } from './status.ts';

const reminderGapMs = 7 * 24 * 60 * 60 * 1000;

// One register's entries for one period: as signed, with later amendments, or as they are now.
async function review(deps: ModuleDeps, principal: Principal, registerKey: string, periodStart: string) {
  const { db, clock, organisation } = deps;
  const viewer = viewerOf(principal);
  if (!can(viewer, 'read-review', { registerKey })) throw new Forbidden('You do not review this register');
  const months = (await organisation.policy(principal.councilId)).giftReviewMonths;
  if (!/^\d{4}-\d{2}-01$/.test(periodStart)) throw new NotFound('No such review period');
  const period = reviewPeriodOf(periodStart, months);
  if (period.start !== periodStart) throw new NotFound('No such review period');
  const cells = await reviewStatuses(deps, principal.councilId);
  const register = cells.find((cell) => cell.register.key === registerKey)?.register;
  if (!register) throw new NotFound('No such register');
  const [offers, signed] = await Promise.all([
    repo.offersInRegister(db, principal.councilId, registerKey, period),
    repo.findReview(db, principal.councilId, registerKey, periodStart),
  ]);
  const queries = await repo.queriesOf(
    db,
    principal.councilId,
    offers.map((offer) => offer.id),
  );
  const entries = offers.map((offer) => {
    const atSignOff = signed?.entries.find((entry) => entry.offerId === offer.id) ?? null;
    return {
      offer,
      shown: atSignOff?.entry ?? entryOf(offer),
      addedAfterSignOff: signed !== null && atSignOff === null,
      amendedFields:
        atSignOff && atSignOff.version !== offer.version
          ? changedFields(atSignOff.entry, entryOf(offer))
          : [],
      queries: queries.filter((query) => query.offerId === offer.id),
    };
  });
  const ended = londonDate(clock.now()) > period.end;
  const canSign = can(viewer, 'sign-off-review', { registerKey }) && !signed && ended;
  return { register, period, entries, signed, canSign, ended };
}

// Signs off a register for a period, keeping each entry as it stands (001 §73: who and when).
async function signOff(
  deps: ModuleDeps,
  principal: Principal,
  registerKey: string,
  periodStart: string,
  value: unknown,
  requestId?: string,
) {
  const { db, clock } = deps;
  const { period, entries, signed, ended } = await review(deps, principal, registerKey, periodStart);
  if (!can(viewerOf(principal), 'sign-off-review', { registerKey }))
    throw new Forbidden('Only the register’s reviewer can sign it off');
  if (signed)
    throw new InvalidInput([{ key: 'comment', message: 'This review has already been signed off' }]);
  if (!ended)
    throw new InvalidInput([{ key: 'comment', message: 'A period can be signed off once it has ended' }]);
  const { comment } = parseInput(signOffInput, value);
  const now = clock.now();
  const signature: repo.SignedReview = {
    registerKey,
    periodStart: period.start,
    periodEnd: period.end,
    signedBy: principal.personId,
    signedByName: principal.name,
    signedAt: now,
    comment,
  };
  await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertReview(
      trx,
      principal.councilId,
      signature,
      entries.map((entry) => ({ offerId: entry.offer.id, version: entry.offer.version })),
    );
    if (!inserted)
      throw new InvalidInput([{ key: 'comment', message: 'This review has already been signed off' }]);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'gift-review.signed-off',
        recordType: 'gift-review',
        recordId: `${registerKey}/${period.start}`,
        after: {
          comment,
          entries: entries.map((entry) => `${entry.offer.reference} v${entry.offer.version}`),
        },
      },
      now,
    );
  });
  return signature;
}

// Emails the reviewers of every overdue review, at most once a week each (a scheduled job).
async function sendReminders(deps: ModuleDeps, councilId: string): Promise<number> {
  const { db, clock, outbox, baseUrl } = deps;
  const now = clock.now();
  let sent = 0;
  for (const cell of await reviewStatuses(deps, councilId)) {
    if (cell.status !== 'overdue' || cell.register.reviewers.length === 0) continue;
    const link = `${baseUrl}/gifts/reviews/${encodeURIComponent(cell.register.key)}/${cell.period.start}`;
    const reminders = cell.register.reviewers.map((reviewer) =>
      reviewReminderEmail(reviewer, cell.register.name, cell.period.label, dayMonthYear(cell.due), link),
    );
    await db.transaction().execute(async (trx) => {
      const { key } = cell.register;
      if (!(await repo.claimReminder(trx, councilId, key, cell.period.start, now, reminderGapMs))) return;
      await outbox.enqueue(trx, councilId, ...reminders);
      sent += reminders.length;
    });
  }
  return sent;
}

export type GiftReviews = ReturnType<typeof giftReviews>;
export type Review = Awaited<ReturnType<GiftReviews['review']>>;

export function giftReviews(deps: ModuleDeps) {
  return {
    review: (principal: Principal, registerKey: string, periodStart: string) =>
      review(deps, principal, registerKey, periodStart),
    // The whole council's reviews, for HR, the monitoring officer, audit and the chief executive.
    dashboard: (principal: Principal) => reviewStatuses(deps, principal.councilId),
    // The reviews a person must do.
    async tasks(principal: Principal) {
      const viewer = viewerOf(principal);
      return (await reviewStatuses(deps, principal.councilId)).filter((cell) =>
        can(viewer, 'sign-off-review', { registerKey: cell.register.key }),
      );
    },
    // The registers a person reviews, and the review under way for each.
    async upcoming(principal: Principal) {
      const viewer = viewerOf(principal);
      return upcomingReviews(deps, principal.councilId, (registerKey) =>
        can(viewer, 'sign-off-review', { registerKey }),
      );
    },
    signOff: (
      principal: Principal,
      registerKey: string,
      periodStart: string,
      value: unknown,
      requestId?: string,
    ) => signOff(deps, principal, registerKey, periodStart, value, requestId),
    ask: (principal: Principal, offerId: string, value: unknown, requestId?: string) =>
      askQuery(deps, principal, offerId, value, requestId),
    answer: (principal: Principal, offerId: string, queryId: string, value: unknown, requestId?: string) =>
      answerQuery(deps, principal, { offerId, queryId }, value, requestId),
    sendReminders: (councilId: string) => sendReminders(deps, councilId),
  };
}
