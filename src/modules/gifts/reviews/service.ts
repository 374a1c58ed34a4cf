import { actorFor, appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { Forbidden, InvalidInput, NotFound } from '../../platform/errors.ts';
import type { Person } from '../organisation/repository.ts';
import { seesWholeRegister, viewerOf } from '../organisation/viewer.ts';
import { queryEmail, reviewReminderEmail } from './emails.ts';
import * as repo from './repository.ts';
import { previousReviewPeriod, type ReviewPeriod, reviewPeriodOf } from './rules.ts';
import type { GiftsDeps } from './service.ts';
import { canSeeOffer, reviewsRegister } from './visibility.ts';

type Register = { key: string; name: string; reviewers: Person[] };
type ReviewStatus = 'signed-off' | 'overdue' | 'due';
export type ReviewCell = {
  register: Register;
  period: ReviewPeriod;
  entries: number;
  status: ReviewStatus;
  due: string;
  signed: repo.SignedReview | null;
};

const periodsShown = 4;
const reminderGapMs = 7 * 24 * 60 * 60 * 1000;

// What changed in an entry since the version a reviewer signed.
function changes(signed: repo.OfferEntry, current: repo.OfferEntry) {
  const fields = ['description', 'valuePence', 'state', 'reason', 'outcome', 'approvalDecision'] as const;
  return fields.filter((field) => signed[field] !== current[field]);
}

export type GiftReviewsService = ReturnType<typeof giftReviewsService>;

export function giftReviewsService(deps: GiftsDeps) {
  const { db, clock, outbox, baseUrl, organisation } = deps;

  // Every register that is reviewed: each service's, each director's and the chief executive's
  // heads of service or directors', the chief executive's own, and any other with entries.
  async function registers(councilId: string, withEntries: readonly string[]): Promise<Register[]> {
    const [services, heads, directors, chiefs, monitoringOfficers] = await Promise.all([
      organisation.services(councilId),
      organisation.peopleWithRole(councilId, 'head-of-service'),
      organisation.peopleWithRole(councilId, 'director'),
      organisation.peopleWithRole(councilId, 'chief-executive'),
      organisation.peopleWithRole(councilId, 'monitoring-officer'),
    ]);
    const list: Register[] = services.map((service) => ({
      key: `service:${service.id}`,
      name: service.name,
      reviewers: heads.filter((head) => head.serviceId === service.id),
    }));
    for (const person of [...directors, ...chiefs]) {
      list.push({
        key: `senior:${person.id}`,
        name: `Senior officers reporting to ${person.name}`,
        reviewers: [person],
      });
    }
    list.push({ key: 'monitoring-officer', name: 'Chief executive', reviewers: monitoringOfficers });
    for (const key of withEntries) {
      if (list.some((register) => register.key === key) || !key.startsWith('senior:')) continue;
      const manager = await organisation.person(councilId, key.slice('senior:'.length));
      list.push({
        key,
        name: `Reporting to ${manager?.name ?? 'a former manager'}`,
        reviewers: manager?.active ? [manager] : [],
      });
    }
    return list;
  }

  // The register's status for each of the last few ended periods, overdue first.
  async function statuses(councilId: string): Promise<ReviewCell[]> {
    const policy = await organisation.policy(councilId);
    const months = policy.giftReviewMonths;
    const today = londonDate(clock.now());
    const periods: ReviewPeriod[] = [];
    let period = previousReviewPeriod(reviewPeriodOf(today, months), months);
    for (let i = 0; i < periodsShown; i++) {
      periods.push(period);
      period = previousReviewPeriod(period, months);
    }
    const from = periods.at(-1)?.start ?? today;
    const [counts, signed, calendar, createdAt] = await Promise.all([
      repo.registerCounts(db, councilId, from, months),
      repo.signedReviews(db, councilId, from),
      organisation.calendar(councilId),
      organisation.councilCreatedAt(councilId),
    ]);
    const started = londonDate(createdAt);
    const all = await registers(councilId, [...new Set(counts.map((count) => count.register_key))]);
    const cells: ReviewCell[] = [];
    for (const register of all) {
      for (const p of periods) {
        const review =
          signed.find((s) => s.registerKey === register.key && s.periodStart === p.start) ?? null;
        const entries =
          counts.find((c) => c.register_key === register.key && c.period_start === p.start)?.entries ?? 0;
        // A period that ended before the council used Probity is reviewed only if it has entries.
        if (p.end < started && entries === 0 && !review) continue;
        const due = addWorkingDays(calendar, p.end, policy.giftReviewDueWorkingDays);
        cells.push({
          register,
          period: p,
          entries,
          status: review ? 'signed-off' : today > due ? 'overdue' : 'due',
          due,
          signed: review,
        });
      }
    }
    const rank = { overdue: 0, due: 1, 'signed-off': 2 } as const;
    return cells.sort((a, b) => rank[a.status] - rank[b.status] || a.due.localeCompare(b.due));
  }

  async function reviewable(principal: Principal, registerKey: string) {
    const facts = await viewerOf(organisation, principal);
    const reviewer = reviewsRegister(facts, registerKey);
    if (!reviewer && !seesWholeRegister(principal.roles) && !principal.roles.has('chief-executive')) {
      throw new Forbidden('You do not review this register');
    }
    return reviewer;
  }

  // One register's entries for one period: as signed, with later amendments, or as they are now.
  async function review(principal: Principal, registerKey: string, periodStart: string) {
    const canSign = await reviewable(principal, registerKey);
    const months = (await organisation.policy(principal.councilId)).giftReviewMonths;
    if (!/^\d{4}-\d{2}-01$/.test(periodStart)) throw new NotFound('No such review period');
    const period = reviewPeriodOf(periodStart, months);
    if (period.start !== periodStart) throw new NotFound('No such review period');
    const cells = await statuses(principal.councilId);
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
        shown: atSignOff?.entry ?? repo.entryOf(offer),
        addedAfterSignOff: signed !== null && atSignOff === null,
        amendedFields:
          atSignOff && atSignOff.version !== offer.version
            ? changes(atSignOff.entry, repo.entryOf(offer))
            : [],
        queries: queries.filter((query) => query.offerId === offer.id),
      };
    });
    const ended = londonDate(clock.now()) > period.end;
    return { register, period, entries, signed, canSign: canSign && !signed && ended, ended };
  }

  return {
    review,

    // The whole council's reviews, for HR, the monitoring officer, audit and the chief executive.
    dashboard: (principal: Principal) => statuses(principal.councilId),

    // The reviews a person must do.
    async tasks(principal: Principal) {
      const facts = await viewerOf(organisation, principal);
      return (await statuses(principal.councilId)).filter((cell) =>
        reviewsRegister(facts, cell.register.key),
      );
    },

    // Signs off a register for a period, keeping each entry as it stands (001 §73: who and when).
    async signOff(
      principal: Principal,
      registerKey: string,
      periodStart: string,
      value: unknown,
      requestId?: string,
    ) {
      const { period, entries, signed, ended } = await review(principal, registerKey, periodStart);
      const facts = await viewerOf(organisation, principal);
      if (!reviewsRegister(facts, registerKey))
        throw new Forbidden('Only the register’s reviewer can sign it off');
      if (signed)
        throw new InvalidInput([{ key: 'comment', message: 'This review has already been signed off' }]);
      if (!ended)
        throw new InvalidInput([{ key: 'comment', message: 'A period can be signed off once it has ended' }]);
      const body = (value ?? {}) as Record<string, unknown>;
      const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
      if (comment.length > 2000)
        throw new InvalidInput([{ key: 'comment', message: 'Comment must be 2000 characters or fewer' }]);
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
    },

    // A reviewer asks the entry's author about it; the author is emailed.
    async ask(principal: Principal, offerId: string, value: unknown, requestId?: string) {
      const offer = await repo.findOffer(db, principal.councilId, offerId);
      if (!offer) throw new NotFound('No such entry in the register');
      await reviewable(principal, offer.registerKey);
      const body = (value ?? {}) as Record<string, unknown>;
      const question = typeof body.question === 'string' ? body.question.trim() : '';
      if (!question) throw new InvalidInput([{ key: 'question', message: 'Enter your question' }]);
      if (question.length > 2000)
        throw new InvalidInput([{ key: 'question', message: 'Question must be 2000 characters or fewer' }]);
      const now = clock.now();
      const query: repo.GiftQuery = {
        id: uuidv7(now.getTime()),
        offerId,
        askedBy: principal.personId,
        askedByName: principal.name,
        question,
        askedAt: now,
        answer: null,
        answeredAt: null,
      };
      const author = await organisation.person(principal.councilId, offer.recipientId);
      await db.transaction().execute(async (trx) => {
        await repo.insertQuery(trx, principal.councilId, query);
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          { action: 'gift.queried', recordType: 'gift', recordId: offerId, after: { question } },
          now,
        );
        if (author)
          await outbox.enqueue(
            trx,
            principal.councilId,
            queryEmail(author, offer, principal.name, question, `${baseUrl}/gifts/${offer.id}`),
          );
      });
      return query;
    },

    // The entry's author answers a reviewer's question.
    async answer(principal: Principal, offerId: string, queryId: string, value: unknown, requestId?: string) {
      const offer = await repo.findOffer(db, principal.councilId, offerId);
      if (!offer) throw new NotFound('No such entry in the register');
      const chain = await organisation.managerChain(principal.councilId, offer.recipientId);
      const facts = await viewerOf(organisation, principal);
      if (!canSeeOffer(facts, offer, chain)) throw new Forbidden('You cannot see this entry');
      if (offer.recipientId !== principal.personId) throw new Forbidden('Only the entry’s author can answer');
      const body = (value ?? {}) as Record<string, unknown>;
      const answer = typeof body.answer === 'string' ? body.answer.trim() : '';
      if (!answer) throw new InvalidInput([{ key: 'answer', message: 'Enter your answer' }]);
      if (answer.length > 2000)
        throw new InvalidInput([{ key: 'answer', message: 'Answer must be 2000 characters or fewer' }]);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.answerQuery(trx, principal.councilId, queryId, answer, now))) {
          throw new InvalidInput([{ key: 'answer', message: 'This question has already been answered' }]);
        }
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          { action: 'gift.query-answered', recordType: 'gift', recordId: offerId, after: { answer } },
          now,
        );
      });
    },

    // Emails the reviewers of every overdue review, at most once a week each (a scheduled job).
    async sendReminders(councilId: string): Promise<number> {
      const now = clock.now();
      let sent = 0;
      for (const cell of await statuses(councilId)) {
        if (cell.status !== 'overdue' || cell.register.reviewers.length === 0) continue;
        const link = `${baseUrl}/gifts/reviews/${encodeURIComponent(cell.register.key)}/${cell.period.start}`;
        const reminders = cell.register.reviewers.map((reviewer) =>
          reviewReminderEmail(reviewer, cell.register.name, cell.period.label, cell.due, link),
        );
        await db.transaction().execute(async (trx) => {
          if (
            !(await repo.claimReminder(
              trx,
              councilId,
              cell.register.key,
              cell.period.start,
              now,
              reminderGapMs,
            ))
          )
            return;
          await outbox.enqueue(trx, councilId, ...reminders);
          sent += reminders.length;
        });
      }
      return sent;
    },
  };
}
