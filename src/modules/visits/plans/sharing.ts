import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { timeText } from '../../../platform/calendar/date-text.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { emailTo } from '../../../platform/notify/email-text.ts';
import { personNamesById } from '../../organisation/service.ts';
import { lockedPlan } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import { type EscalationMinutes, escalationMinutes, firstAlertAt } from '../escalation/rules.ts';
import * as repo from '../repository.ts';
import { noteChange, owedFrom } from './changes.ts';
import { diarySheetPdf, diarySheetTitle } from './diary-sheet.ts';
import { sharingProblems } from './rules.ts';
import { changeablePlan } from './service.ts';

// Sharing a plan before going out [000]: the diary sheet goes to the responsible officer and the
// line manager, and from then on the officer owes a check-in after each visit and on arriving home,
// each the durable timer of its escalation.

async function whatStopsSharing(deps: VisitsDeps, plan: repo.Plan, visits: readonly repo.Visit[]) {
  const problems = sharingProblems(visits, plan.homeBy).map((message) => ({ key: 'form', message }));
  const blockers = await deps.checks.blockersOf(plan, visits);
  for (const visit of visits)
    for (const blocker of blockers.get(visit.id) ?? [])
      problems.push({ key: 'form', message: `${visit.address}: ${blocker}` });
  return problems;
}

async function oweCheckIns(
  trx: Kysely<Database>,
  plan: repo.Plan,
  visits: readonly repo.Visit[],
  minutes: EscalationMinutes,
  now: Date,
) {
  const owed = [
    ...visits
      .filter((visit) => !visit.droppedAt)
      .map((visit) => ({ visitId: visit.id, dueAt: owedFrom(visit.plannedFinish, now) })),
    { visitId: null, dueAt: owedFrom(plan.homeBy, now) },
  ];
  await trx
    .insertInto('check_in_due')
    .values(
      owed.map(({ visitId, dueAt }, index) => ({
        council_id: plan.councilId,
        id: uuidv7(now.getTime() + index),
        plan_id: plan.id,
        visit_id: visitId,
        due_at: dueAt,
        next_alert_at: firstAlertAt(dueAt, 0, minutes),
      })),
    )
    .execute();
}

// The diary sheet by email, with its PDF, to the responsible officer and the line manager. Read
// before the plan is locked: on the embedded database a read outside the transaction waits for it.
async function diarySheetEmails(
  deps: VisitsDeps,
  plan: repo.Plan,
  visits: readonly repo.Visit[],
  managerId: string | null,
  now: Date,
) {
  const ids = [
    plan.officerId,
    plan.responsibleOfficerId,
    managerId,
    ...visits.map((visit) => visit.secondOfficerId),
  ];
  const names = await personNamesById(deps.db, plan.councilId, ids);
  const pdf = await diarySheetPdf(plan, visits, names, now);
  const title = diarySheetTitle(plan, names);
  const officer = names.get(plan.officerId) ?? 'The officer';
  const count = visits.filter((visit) => !visit.droppedAt).length;
  const recipients = await Promise.all(
    [plan.responsibleOfficerId, managerId]
      .filter((id): id is string => id !== null)
      .map((id) => deps.organisation.person(plan.councilId, id)),
  );
  return recipients.flatMap((person) =>
    person?.active
      ? [
          {
            ...emailTo(person, title, [
              `${officer} has shared their plan of visits: ${count} ${count === 1 ? 'visit' : 'visits'}, home by ${timeText(plan.homeBy)}. The diary sheet is attached.`,
              `Keep it until ${officer} calls to say they are home. Probity will alert you if a check-in is late.`,
              `${deps.baseUrl}/visits/plans/${plan.id}`,
            ]),
            attachments: [{ filename: 'diary-sheet.pdf', contentType: 'application/pdf', content: pdf }],
          },
        ]
      : [],
  );
}

export async function sharePlan(deps: VisitsDeps, principal: Principal, planId: string, requestId?: string) {
  const { plan, facts, now } = await changeablePlan(deps, principal, planId);
  if (plan.sharedAt) return;
  const visits = await repo.visitsOf(deps.db, plan.councilId, [plan.id]);
  const problems = await whatStopsSharing(deps, plan, visits);
  if (problems.length) throw new InvalidInput(problems);
  const minutes = escalationMinutes(await deps.organisation.policy(plan.councilId));
  const emails = await diarySheetEmails(deps, plan, visits, facts.managerChain[0] ?? null, now);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    if (locked.sharedAt) return;
    if (locked.updatedAt.getTime() !== plan.updatedAt.getTime())
      throw new InvalidInput([
        { key: 'form', message: 'The plan changed while it was being shared: check it and share it again' },
      ]);
    await trx
      .updateTable('visit_plan')
      .set({ shared_at: now })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', plan.id)
      .execute();
    await oweCheckIns(trx, plan, visits, minutes, now);
    await noteChange(
      trx,
      { ...locked, sharedAt: now },
      principal.personId,
      'shared',
      `${visits.filter((visit) => !visit.droppedAt).length} visits`,
      now,
    );
    await deps.outbox.enqueue(trx, plan.councilId, ...emails);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit-plan.share', recordType: 'visit-plan', recordId: plan.id },
      now,
    );
  });
}
