import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../../platform/calendar/working-days.ts';
import { type CaseworkContext, caseLink } from './context.ts';
import { reminderEmail } from './emails.ts';
import * as queue from './queue-repository.ts';

type DueStage = Awaited<ReturnType<typeof queue.openStagesDueBy>>[number];

// The deadlines of a stage that fall by the horizon: acknowledging it, if not yet, and responding.
function deadlinesOf(stage: DueStage, horizon: string) {
  return [
    ...(stage.acknowledgedOn === null
      ? [{ deadline: 'acknowledge-by' as const, dueOn: stage.acknowledgeBy }]
      : []),
    ...(stage.respondBy ? [{ deadline: 'respond-by' as const, dueOn: stage.respondBy }] : []),
  ].filter((d) => d.dueOn <= horizon);
}

// Emails each handler before each deadline of their open stages, once a deadline however many
// processes run it; a stage without a handler (awaiting triage or allocation) is the complaints
// managers'. Answers how many emails it sent.
export async function sendReminders(ctx: CaseworkContext, councilId: string) {
  const { db, organisation, outbox } = ctx;
  const policy = await organisation.policy(councilId);
  const calendar = await organisation.calendar(councilId);
  const now = ctx.clock.now();
  const today = londonDate(now);
  const horizon = addWorkingDays(calendar, today, policy.complaintReminderWorkingDays);
  const due = await queue.openStagesDueBy(db, councilId, horizon);
  const managers = await organisation.peopleWithRole(councilId, 'complaints-manager');
  const handlers = await organisation.peopleByIds(
    councilId,
    due.flatMap((stage) => (stage.handlerId ? [stage.handlerId] : [])),
  );
  let sent = 0;
  for (const stage of due) {
    const handler = stage.handlerId ? handlers.get(stage.handlerId) : undefined;
    const to = handler?.email ? [handler] : managers;
    for (const { deadline, dueOn } of deadlinesOf(stage, horizon)) {
      const reminder = {
        reference: stage.reference,
        stage: stage.stage,
        deadline,
        dueOn,
        overdue: dueOn < today,
      };
      const reminders = to.map(({ name, email }) =>
        reminderEmail({ name, email }, reminder, caseLink(ctx, stage.reference)),
      );
      await db.transaction().execute(async (trx) => {
        const claim = { complaintId: stage.complaintId, stage: stage.stage, deadline, dueOn };
        if (!(await queue.claimReminder(trx, councilId, claim, now))) return;
        await outbox.enqueue(trx, councilId, ...reminders);
        sent += reminders.length;
      });
    }
  }
  return sent;
}
