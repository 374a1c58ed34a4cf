import { actorFor, appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { dayMonthYear } from '../../platform/calendar/date-text.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { Forbidden, InvalidInput } from '../../platform/errors.ts';
import { reviewDecisionWords } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import type { DecisionKit } from './decision-kit.ts';
import type { ReviewForm, ReviewRequestForm } from './decisions.ts';
import { type Problems, required } from './input.ts';
import * as repo from './repository.ts';
import {
  type Category,
  capabilitiesOf,
  categoryReviewOn,
  categoryText,
  isCategory,
  isReviewDecision,
  type ReviewDecision,
  restrictionReviewOn,
  reviewCategories,
} from './rules.ts';

const day = 86_400_000;

// Reviews of a customer's category and restrictions (003 VC §4.6): the customer's request, the
// complaints manager's decision with its letter, the list of reviews due and the reminders.
export function reviewsService(
  deps: ModuleDeps,
  {
    kit,
    existing,
  }: { kit: DecisionKit; existing: (councilId: string, id: string) => Promise<repo.Customer> },
) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const { restrictionsText, writeLetter, endRestrictions, hasRestrictions } = kit;
  return {
    async requestReview(
      principal: Principal,
      customerId: string,
      form: ReviewRequestForm,
      requestId?: string,
    ) {
      const { councilId } = principal;
      const customer = await existing(councilId, customerId);
      const problems: Problems = [];
      const today = londonDate(clock.now());
      if (customer.category === 'none' && !(await hasRestrictions(councilId, customerId, today))) {
        problems.push({
          key: 'form',
          message: 'There is nothing to review: the customer has no category or restriction',
        });
      }
      if ((await repo.reviews(db, councilId, customerId)).some((r) => r.requestedOn && !r.decision)) {
        problems.push({
          key: 'form',
          message: 'Their earlier request for a review has not been answered yet',
        });
      }
      if (form.requestedOn === '')
        problems.push({ key: 'requestedOn', message: 'Enter the date they asked' });
      else if (!isIsoDate(form.requestedOn))
        problems.push({ key: 'requestedOn', message: 'The date they asked must be a real date' });
      else if (form.requestedOn > today)
        problems.push({ key: 'requestedOn', message: 'The date they asked must not be in the future' });
      const request = required(problems, 'request', form.request, 5000, 'what they asked');
      if (problems.length) throw new InvalidInput(problems);
      const at = clock.now();
      const id = uuidv7(at.getTime());
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('behaviour_review')
          .values({
            council_id: councilId,
            id,
            customer_id: customerId,
            requested_on: form.requestedOn,
            request,
            decision: null,
            notes: '',
            letter_id: null,
            recorded_by: principal.personId,
            recorded_at: at,
            decided_by: null,
            decided_at: null,
          })
          .execute();
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          {
            action: 'customer.review-requested',
            recordType: 'customer',
            recordId: customerId,
            after: { reviewId: id, requestedOn: form.requestedOn },
          },
          at,
        );
      });
    },

    // The complaints manager's review (003 VC §4.6): keep, change or lift; the customer is told
    // in writing either way, answering their request when they asked.
    async review(
      principal: Principal,
      customerId: string,
      form: ReviewForm,
      requestId?: string,
    ): Promise<ReviewDecision> {
      const { councilId } = principal;
      if (!capabilitiesOf(principal.roles).has('complaints:manage')) {
        throw new Forbidden('Only the complaints manager reviews a customer’s category and restrictions');
      }
      const customer = await existing(councilId, customerId);
      const at = clock.now();
      const today = londonDate(at);
      const inForce = (await repo.restrictions(db, councilId, customerId)).filter((r) => r.endedOn === null);
      const problems: Problems = [];
      if (customer.category === 'none' && inForce.length === 0) {
        problems.push({
          key: 'form',
          message: 'There is nothing to review: the customer has no category or restriction',
        });
      }
      if (!isReviewDecision(form.decision))
        problems.push({ key: 'decision', message: 'Select keep, change or lift' });
      const decision = form.decision as ReviewDecision;
      let category: Category = customer.category;
      let ending: string[] = [];
      if (decision === 'lift') {
        category = 'none';
        ending = inForce.map((r) => r.id);
      } else if (decision === 'change') {
        const allowed = [customer.category, ...reviewCategories(customer.category)];
        if (!isCategory(form.category) || !allowed.includes(form.category)) {
          problems.push({ key: 'category', message: 'Select the category: the same or a lower one' });
        } else category = form.category;
        ending = form.endRestrictionIds.filter((id) => inForce.some((r) => r.id === id));
        if (category === customer.category && ending.length === 0) {
          problems.push({
            key: 'category',
            message: 'Choose a lower category or a restriction to end, or keep them as they are',
          });
        }
      }
      const notes = required(problems, 'notes', form.notes, 5000, 'the reasons for the decision');
      if (problems.length) throw new InvalidInput(problems);
      const months = (await organisation.policy(councilId)).restrictionReviewMonths;
      const nextReview = restrictionReviewOn(today, months);
      const openRequest = (await repo.reviews(db, councilId, customerId)).find(
        (r) => r.requestedOn && !r.decision,
      );
      await db.transaction().execute(async (trx) => {
        await endRestrictions(trx, councilId, ending, today, `Review: ${notes}`);
        const kept = inForce.filter((r) => !ending.includes(r.id)).map((r) => r.id);
        if (kept.length) {
          await trx
            .updateTable('contact_restriction')
            .set({ review_on: nextReview })
            .where('council_id', '=', councilId)
            .where('id', 'in', kept)
            .execute();
        }
        const reviewOn = categoryReviewOn(category, today, months) ?? (kept.length ? nextReview : null);
        const spoc =
          category === 'pre-vexatious' || category === 'vexatious' ? customer.singlePointOfContactId : null;
        await trx
          .updateTable('customer')
          .set({
            category,
            single_point_of_contact_id: spoc,
            category_review_on: categoryReviewOn(category, today, months),
            updated_at: at,
          })
          .where('council_id', '=', councilId)
          .where('id', '=', customerId)
          .execute();
        const written = await writeLetter(
          trx,
          principal,
          customer,
          openRequest ? 'review-request-answer' : 'restriction-review',
          {
            decision:
              decision === 'change' && ending.length === 0
                ? `change how we treat your contact: ${categoryText[category].toLowerCase()}`
                : reviewDecisionWords[decision],
            reasons: notes,
            restrictions: await restrictionsText(trx, councilId, customerId, today),
            nextReview: reviewOn
              ? `We will review this again by ${dayMonthYear(reviewOn)}.`
              : 'No restrictions remain, so there is nothing further to review.',
            ...(openRequest?.requestedOn ? { requestedOn: dayMonthYear(openRequest.requestedOn) } : {}),
          },
          at,
        );
        if (category !== customer.category) {
          await trx
            .insertInto('customer_categorisation')
            .values({
              council_id: councilId,
              id: uuidv7(at.getTime()),
              customer_id: customerId,
              category,
              behaviour: `Review: ${notes}`,
              evidence: '',
              equality_check: '',
              single_point_of_contact_id: spoc,
              review_on: categoryReviewOn(category, today, months),
              letter_id: written.id,
              decided_by: principal.personId,
              decided_by_name: principal.name,
              decided_at: at,
            })
            .execute();
        }
        const values = {
          decision,
          notes,
          letter_id: written.id,
          decided_by: principal.personId,
          decided_at: at,
        };
        const reviewId = openRequest?.id ?? uuidv7(at.getTime());
        if (openRequest) {
          await trx
            .updateTable('behaviour_review')
            .set(values)
            .where('council_id', '=', councilId)
            .where('id', '=', reviewId)
            .execute();
        } else {
          await trx
            .insertInto('behaviour_review')
            .values({
              council_id: councilId,
              id: reviewId,
              customer_id: customerId,
              requested_on: null,
              request: '',
              recorded_by: principal.personId,
              recorded_at: at,
              ...values,
            })
            .execute();
        }
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          {
            action: 'customer.reviewed',
            recordType: 'customer',
            recordId: customerId,
            before: { category: customer.category, restrictions: inForce.map((r) => r.id) },
            after: {
              reviewId,
              decision,
              category,
              endedRestrictions: ending,
              nextReview: reviewOn,
              letterId: written.id,
            },
          },
          at,
        );
        return written;
      });
      return decision;
    },

    // Reviews overdue, due in the next 4 weeks, and customers' requests not yet answered.
    async reviewsDue(principal: Principal) {
      const today = londonDate(clock.now());
      const soon = londonDate(new Date(clock.now().getTime() + 28 * day));
      return (await repo.reviewsDue(db, principal.councilId, soon)).map((row) => ({
        ...row,
        categoryText: categoryText[row.category],
        overdue: row.reviewOn !== null && row.reviewOn < today,
      }));
    },

    // Emails the complaints manager(s) a week before a review is due, once for each review date
    // (003 VC §4.6). A scheduled job runs it for every council.
    async sendReviewReminders(councilId: string): Promise<number> {
      const now = clock.now();
      const soon = londonDate(new Date(now.getTime() + 7 * day));
      const due = (await repo.reviewsDue(db, councilId, soon)).filter(
        (row) => row.reviewOn !== null && row.reviewOn <= soon,
      );
      const managers = await organisation.peopleWithRole(councilId, 'complaints-manager');
      let sent = 0;
      for (const row of due) {
        const reviewOn = row.reviewOn as string;
        const reminders = managers.map((manager) => ({
          to: manager.email,
          subject: `Review due by ${dayMonthYear(reviewOn)}: ${row.name}`,
          text: [
            `Dear ${manager.name},`,
            '',
            `${row.name}'s category (${categoryText[row.category]}) and contact restrictions are due for review by ${dayMonthYear(reviewOn)} (Procedure for Managing Vexatious Customers §4.6).`,
            'Keep, change or lift them, and the customer will be told in writing:',
            `${baseUrl}/customers/${row.id}/review`,
          ].join('\n'),
        }));
        await db.transaction().execute(async (trx) => {
          const claimed = await trx
            .insertInto('behaviour_review_reminder')
            .values({ council_id: councilId, customer_id: row.id, due_on: reviewOn, sent_at: now })
            .onConflict((oc) => oc.doNothing())
            .returning('due_on')
            .executeTakeFirst();
          if (!claimed) return;
          await outbox.enqueue(trx, councilId, ...reminders);
          sent += 1;
        });
      }
      return sent;
    },
  };
}
