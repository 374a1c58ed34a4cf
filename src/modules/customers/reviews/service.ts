import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { citationsInText } from '../../../platform/web/citations.ts';
import { type ModuleDeps, policyDocuments } from '../../organisation/service.ts';
import { type CustomersDeps, existing } from '../context.ts';
import { hasRestrictions } from '../decisions/restrictions.ts';
import { type Problems, required } from '../input.ts';
import { categoryText } from '../rules.ts';
import type { ReviewRequestForm } from './input.ts';
import * as repo from './repository.ts';

export { review } from './decision.ts';

const day = 86_400_000;

// Reviews of a customer's category and restrictions (003 VC §4.6): the customer's request, the
// complaints manager's decision with its letter (decision.ts), the list of reviews due and the
// reminders.

export async function requestReview(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  form: ReviewRequestForm,
  requestId?: string,
) {
  const { db, clock } = deps;
  const { councilId } = principal;
  const customer = await existing(deps, councilId, customerId);
  const problems: Problems = [];
  const today = londonDate(clock.now());
  if (customer.category === 'none' && !(await hasRestrictions(db, councilId, customerId, today))) {
    problems.push({
      key: 'form',
      message: 'There is nothing to review: the customer has no category or restriction',
    });
  }
  if ((await repo.reviews(db, councilId, customerId)).some((r) => r.requestedOn && !r.decision)) {
    problems.push({ key: 'form', message: 'Their earlier request for a review has not been answered yet' });
  }
  if (form.requestedOn === '') problems.push({ key: 'requestedOn', message: 'Enter the date they asked' });
  else if (!isIsoDate(form.requestedOn))
    problems.push({ key: 'requestedOn', message: 'The date they asked must be a real date' });
  else if (form.requestedOn > today)
    problems.push({ key: 'requestedOn', message: 'The date they asked must not be in the future' });
  const request = required(problems, 'request', form.request, 5000, 'what they asked');
  if (problems.length) throw new InvalidInput(problems);
  const at = clock.now();
  const id = uuidv7(at.getTime());
  await db.transaction().execute(async (trx) => {
    const asked = { id, customerId, requestedOn: form.requestedOn, request };
    await repo.insertRequest(trx, councilId, asked, { by: principal.personId, at });
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
}

// Reviews overdue, due in the next 4 weeks, and customers' requests not yet answered.
export async function reviewsDue({ db, clock }: ModuleDeps, principal: Principal) {
  const today = londonDate(clock.now());
  const soon = londonDate(new Date(clock.now().getTime() + 28 * day));
  return (await repo.reviewsDue(db, principal.councilId, soon, today)).map((row) => ({
    ...row,
    categoryText: categoryText[row.category],
    overdue: row.reviewOn !== null && row.reviewOn < today,
  }));
}

// Emails the complaints manager(s) a week before a review is due, once for each review date
// (003 VC §4.6). A scheduled job runs it for every council.
export async function sendReviewReminders(deps: ModuleDeps, councilId: string): Promise<number> {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const now = clock.now();
  const soon = londonDate(new Date(now.getTime() + 7 * day));
  const due = (await repo.reviewsDue(db, councilId, soon, londonDate(now))).filter(
    (row) => row.reviewOn !== null && row.reviewOn <= soon,
  );
  const managers = await organisation.peopleWithRole(councilId, 'complaints-manager');
  const documents = policyDocuments(await organisation.policy(councilId));
  let sent = 0;
  for (const row of due) {
    const reviewOn = row.reviewOn as string;
    const reminders = managers.map((manager) => ({
      to: manager.email,
      subject: `Review due by ${dayMonthYear(reviewOn)}: ${row.name}`,
      text: [
        `Dear ${manager.name},`,
        '',
        citationsInText(
          `${row.name}'s category (${categoryText[row.category]}) and contact restrictions are due for review by ${dayMonthYear(reviewOn)} (003 vexatious procedure §4.6).`,
          documents,
        ),
        'Keep, change or lift them, and the customer will be told in writing:',
        `${baseUrl}/customers/${row.id}/review`,
      ].join('\n'),
    }));
    await db.transaction().execute(async (trx) => {
      if (!(await repo.claimReminder(trx, councilId, row.id, reviewOn, now))) return;
      await outbox.enqueue(trx, councilId, ...reminders);
      sent += 1;
    });
  }
  return sent;
}
