import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isSignedWith, parseCheckpoint, type SignedCheckpoint } from './checkpoint-file.ts';

export type CheckpointVerdict = {
  // The checkpoints whose signature holds, and the newest of them.
  signed: number;
  latest: SignedCheckpoint | null;
  problems: string[];
};

const batch = 1000;

// Every line must be a checkpoint of this council signed with the key, and every event a
// checkpoint saw must still be in the trail with the hash it had then.
export async function checkCheckpoints(
  db: Kysely<Database>,
  councilId: string,
  lines: readonly string[],
  key: string,
): Promise<CheckpointVerdict> {
  const problems: string[] = [];
  const signed: SignedCheckpoint[] = [];
  lines.forEach((line, i) => {
    const checkpoint = parseCheckpoint(line);
    if (!checkpoint) problems.push(`tampered: line ${i + 1} of the checkpoint file is not a checkpoint`);
    else if (checkpoint.councilId !== councilId || !isSignedWith(key, checkpoint)) {
      problems.push(
        `forged: the checkpoint on line ${i + 1}, dated ${checkpoint.at} for event ${checkpoint.seq}, is not signed with the key`,
      );
    } else signed.push(checkpoint);
  });
  problems.push(...(await compareWithTrail(db, councilId, signed)));
  const latest = signed.reduce<SignedCheckpoint | null>((a, b) => (a && a.seq >= b.seq ? a : b), null);
  return { signed: signed.length, latest, problems };
}

async function compareWithTrail(
  db: Kysely<Database>,
  councilId: string,
  checkpoints: readonly SignedCheckpoint[],
): Promise<string[]> {
  const hashes = await eventHashes(db, councilId, [...new Set(checkpoints.map((c) => c.seq))]);
  const end = await lastEvent(db, councilId);
  const bySeq = [...checkpoints].sort((a, b) => a.seq - b.seq);
  const beyondEnd = bySeq.filter((c) => c.seq > end).at(-1);
  const gone = bySeq.find((c) => c.seq <= end && !hashes.has(c.seq));
  const changed = bySeq.find((c) => hashes.has(c.seq) && hashes.get(c.seq) !== c.hash);
  return [
    beyondEnd &&
      `truncated: the chain ends at ${end} but a checkpoint signed at ${beyondEnd.at} saw ${beyondEnd.seq}`,
    gone && `removed: event ${gone.seq}, which a checkpoint signed at ${gone.at} saw, is missing`,
    changed && `rewritten: event ${changed.seq}'s hash differs from the checkpoint signed at ${changed.at}`,
  ].filter((problem) => typeof problem === 'string');
}

async function eventHashes(db: Kysely<Database>, councilId: string, seqs: number[]) {
  const hashes = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += batch) {
    const rows = await db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .where('council_id', '=', councilId)
      .where('seq', 'in', seqs.slice(i, i + batch))
      .execute();
    for (const row of rows) hashes.set(row.seq, row.hash);
  }
  return hashes;
}

async function lastEvent(db: Kysely<Database>, councilId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
