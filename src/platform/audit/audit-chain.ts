import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toAuditEvent } from './audit-query.ts';
import { eventHash } from './audit-trail.ts';

export type ChainVerdict =
  | { intact: true; events: number }
  | { intact: false; events: number; brokenAt: number; reason: string };

const batch = 2000;

// Recomputes every event's hash from its content and its predecessor's hash. Any edited,
// removed or inserted row breaks the chain at that point.
export async function verifyAuditChain(db: Kysely<Database>, councilId: string): Promise<ChainVerdict> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const event = toAuditEvent(row);
      if (event.seq !== expectedSeq) {
        return broken(expectedSeq, `event ${expectedSeq} is missing`);
      }
      if (event.prevHash !== prevHash)
        return broken(event.seq, 'its link to the previous event does not match');
      const { prevHash: _p, hash: _h, ...content } = event;
      if (eventHash(prevHash, content) !== event.hash)
        return broken(event.seq, 'its content has been changed');
      prevHash = event.hash;
      expectedSeq += 1;
    }
    if (rows.length < batch) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  const events = expectedSeq - 1;
  if (head && (head.seq !== events || head.hash !== prevHash)) {
    return broken(events, `the trail ends at event ${events} but ${head.seq} were recorded`);
  }
  return { intact: true, events };

  function broken(seq: number, reason: string): ChainVerdict {
    return { intact: false, events: expectedSeq - 1, brokenAt: seq, reason: `Event ${seq}: ${reason}` };
  }
}
