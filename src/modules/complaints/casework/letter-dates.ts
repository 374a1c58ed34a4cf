import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { dateFromLetter } from '../deadline-rules.ts';
import * as repo from '../repository.ts';
import { audit } from './context.ts';

/** A letter about the complaint has been sent, in `q`, the sending's transaction (the letters
 * module tells, through the port app.ts fills). An acknowledgement or response sent on a later
 * day than the decision was recorded dates the stage then (deadline-rules.ts dateFromLetter); a
 * response also moves the day the complaint was resolved, while it stays resolved. */
export async function letterSent(
  q: Kysely<Database>,
  actor: Actor,
  letter: { councilId: string; complaintId: string; kind: string; at: Date },
) {
  const { councilId, complaintId } = letter;
  const stages = await repo.stages(q, councilId, complaintId);
  const moved = dateFromLetter(
    letter.kind,
    (dated) => stages.find((s) => s.stage === dated.stage)?.[dated.date] ?? null,
    londonDate(letter.at),
  );
  if (!moved) return;
  await repo.updateStage(q, councilId, complaintId, moved.stage, { [moved.date]: moved.to });
  const complaint = await repo.complaintById(q, councilId, complaintId);
  const resolves = moved.date === 'respondedOn' && complaint?.resolvedOn === moved.from;
  if (resolves) await repo.updateComplaint(q, councilId, complaintId, { resolvedOn: moved.to }, letter.at);
  await audit(q, actor, letter.at, {
    action: 'complaint.dated-by-letter',
    complaintId,
    before: { stage: moved.stage, [moved.date]: moved.from },
    after: {
      stage: moved.stage,
      [moved.date]: moved.to,
      letter: letter.kind,
      ...(resolves ? { resolvedOn: moved.to } : {}),
    },
  });
}
