import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import * as cases from '../cases/repository.ts';
import { type EnforcementDeps, systemActor } from '../context.ts';
import * as repo from './repository.ts';
import { missedInstalments, pounds } from './rules.ts';

// Monitoring payment arrangements [004: "actively monitoring those arrangements, taking timely
// proactive action if in default"]: every day, an instalment not covered by the end of its grace
// period (policy arrangementGraceDays) is marked missed, the arrangement defaulted, the case put
// back for a visit, and its agent emailed, all in one transaction. Each arrangement is locked while
// it is checked, so two processes (or two runs in a day) mark an instalment missed once, and
// send one email.

export async function checkArrangements(deps: EnforcementDeps, councilId: string): Promise<number> {
  const settings = await deps.organisation.policy(councilId);
  let defaulted = 0;
  for (const id of await repo.liveArrangementIds(deps.db, councilId)) {
    if (await checkOne(deps, councilId, id, settings.arrangementGraceDays)) defaulted += 1;
  }
  return defaulted;
}

// The agent to tell, read before the transaction: on the embedded database a read through db would
// wait for the connection the transaction holds.
async function agentOf(deps: EnforcementDeps, councilId: string, arrangementId: string) {
  const arrangement = await repo.latestOf(deps.db, councilId, arrangementId);
  const found = arrangement ? await cases.findCase(deps.db, councilId, arrangement.caseId) : null;
  const agent = found?.agentId ? await deps.organisation.person(councilId, found.agentId) : null;
  return { caseId: arrangement?.caseId ?? null, agent: agent?.active ? agent : null };
}

async function checkOne(deps: EnforcementDeps, councilId: string, id: string, graceDays: number) {
  const { caseId, agent } = await agentOf(deps, councilId, id);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    // The case is locked before its arrangement, in the order a payment import or an outcome locks
    // them, so that one waits for the other rather than deadlocking.
    if (caseId) await cases.lockCases(trx, councilId, [caseId]);
    const arrangement = await repo.lockedArrangement(trx, councilId, id);
    if (arrangement?.status !== 'live') return false;
    const payments = await repo.paymentsSince(trx, councilId, arrangement.caseId, arrangement.agreedOn);
    const missed = missedInstalments(arrangement.instalments, payments, londonDate(now), graceDays);
    const marked = await repo.markMissed(
      trx,
      councilId,
      id,
      missed.map((i) => i.seq),
      now,
    );
    if (!marked.length) return false;
    await repo.setArrangementStatus(trx, councilId, id, 'defaulted', now);
    const found = await cases.findCase(trx, councilId, arrangement.caseId, true);
    if (!found) return false;
    await cases.updateCase(trx, councilId, found.id, { status: 'back-for-visit' }, now);
    const first = arrangement.instalments.find((i) => i.seq === marked[0]);
    await appendAudit(
      trx,
      systemActor(councilId),
      {
        action: 'payment-arrangement.defaulted',
        recordType: 'payment_arrangement',
        recordId: id,
        after: { caseId: found.id, missed: marked, graceDays },
      },
      now,
    );
    if (agent && agent.id === found.agentId && first)
      await deps.outbox.enqueue(trx, councilId, defaultEmail(deps.baseUrl, agent.email, found, first));
    return true;
  });
}

function defaultEmail(
  baseUrl: string,
  to: string,
  found: cases.EnforcementCase,
  first: { dueOn: string; amountPence: number },
): EmailMessage {
  return {
    to,
    subject: `Payment arrangement defaulted: ${found.reference}`,
    text: [
      `The payment arrangement on ${found.reference} (account ${found.accountRef}, ${found.debtorName}) has defaulted.`,
      `The instalment of ${pounds(first.amountPence)} due on ${dayMonthYear(first.dueOn)} was not paid within the grace period.`,
      'The case is back for a visit.',
      `${baseUrl}/enforcement/cases/${found.id}`,
    ].join('\n\n'),
  };
}
