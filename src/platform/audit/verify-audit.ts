import type { Kysely } from 'kysely';
import type { AuditCheckpointSettings } from '../../config.ts';
import type { Database } from '../db/schema.ts';
import { type ChainVerdict, verifyAuditChain } from './audit-chain.ts';
import { type CheckpointVerdict, checkCheckpoints } from './checkpoint-check.ts';
import { checkpointFile, councilsWithCheckpoints, readCheckpointLines } from './checkpoint-file.ts';
import { checkpointKey } from './checkpoint-key.ts';

type AuditReport = { intact: boolean; lines: string[] };

// Each council's chain must hold together, and agree with every checkpoint signed outside the
// database; checkpoints of a council no longer in the database mean it was removed.
export async function verifyAuditTrails(
  db: Kysely<Database>,
  councils: readonly { council_id: string; name: string }[],
  settings: Pick<AuditCheckpointSettings, 'key' | 'dir'>,
): Promise<AuditReport> {
  const key = await checkpointKey(settings.key);
  const lines: string[] = [];
  let intact = true;
  for (const council of councils) {
    const chain = await verifyAuditChain(db, council.council_id);
    const path = checkpointFile(settings.dir, council.council_id);
    const checkpoints = await checkCheckpoints(db, council.council_id, await readCheckpointLines(path), key);
    intact &&= chain.intact && checkpoints.problems.length === 0;
    lines.push(...describeCouncil(council.name, chain, checkpoints));
  }
  const known = new Set(councils.map((council) => council.council_id));
  for (const councilId of await councilsWithCheckpoints(settings.dir)) {
    if (known.has(councilId)) continue;
    intact = false;
    lines.push(`${checkpointFile(settings.dir, councilId)}: BROKEN. Its council is not in the database`);
  }
  return { intact, lines };
}

function describeCouncil(name: string, chain: ChainVerdict, checkpoints: CheckpointVerdict): string[] {
  const problems = [
    ...(chain.intact ? [] : [`${chain.reason} (${chain.events} events verified before it)`]),
    ...checkpoints.problems,
  ];
  if (problems.length) return problems.map((problem) => `${name}: BROKEN. ${problem}`);
  const latest = checkpoints.latest;
  const anchored = latest
    ? `agrees with ${checkpoints.signed} checkpoint${checkpoints.signed === 1 ? '' : 's'}, the latest signed at ${latest.at} at event ${latest.seq}`
    : 'no checkpoints yet';
  return [`${name}: intact, ${chain.events} events; ${anchored}`];
}
