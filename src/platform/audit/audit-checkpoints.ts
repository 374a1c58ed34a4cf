import type { Kysely } from 'kysely';
import type { AuditCheckpointSettings } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Job } from '../jobs/scheduler.ts';
import {
  appendCheckpoint,
  checkpointFile,
  isSignedWith,
  lastCheckpointLine,
  parseCheckpoint,
  type SignedCheckpoint,
  signCheckpoint,
} from './checkpoint-file.ts';
import { checkpointKey, developmentKeyNotice } from './checkpoint-key.ts';

type Head = { council_id: string; seq: number; hash: string };
type CheckpointOutcome = 'signed' | 'unchanged' | 'diverged';
type Writer = {
  db: Kysely<Database>;
  clock: Clock;
  log: {
    info(details: object, message: string): void;
    warn(message: string): void;
    error(details: object, message: string): void;
  };
  dir: string;
};

// Signs every council's chain head that has moved since its last checkpoint, so that events
// removed or rewritten later no longer match what was signed.
export function auditCheckpointJob(deps: Omit<Writer, 'dir'> & { settings: AuditCheckpointSettings }): Job {
  const { settings, ...writer } = deps;
  let key: Promise<string> | undefined;
  return {
    name: 'audit checkpoints',
    everyMs: settings.everyMs,
    async run() {
      if (!key) {
        const notice = developmentKeyNotice(settings.key);
        if (notice) writer.log.warn(notice);
        key = checkpointKey(settings.key);
      }
      return writeCheckpoints({ ...writer, dir: settings.dir }, await key);
    },
  };
}

export async function writeCheckpoints(
  deps: Writer,
  secret: string,
): Promise<Record<string, CheckpointOutcome>> {
  const heads = await deps.db.selectFrom('audit_head').select(['council_id', 'seq', 'hash']).execute();
  const outcomes: Record<string, CheckpointOutcome> = {};
  for (const head of heads) outcomes[head.council_id] = await checkpointHead(deps, secret, head);
  return outcomes;
}

async function checkpointHead(deps: Writer, secret: string, head: Head): Promise<CheckpointOutcome> {
  const path = checkpointFile(deps.dir, head.council_id);
  const tail = await lastCheckpointLine(path);
  const parsed = tail.line ? parseCheckpoint(tail.line) : null;
  const last = parsed && isSignedWith(secret, parsed) ? parsed : null;
  if (last && last.seq === head.seq && last.hash === head.hash) return 'unchanged';
  // A head that does not grow out of the last signed one is not signed: that would vouch for a
  // rewritten trail. `verify-audit` says what changed.
  if (last && !(await chainStillHas(deps.db, last))) {
    deps.log.error(
      { councilId: head.council_id, checkpoint: last },
      'audit trail no longer matches its last checkpoint: run verify-audit',
    );
    return 'diverged';
  }
  const signed = signCheckpoint(secret, {
    councilId: head.council_id,
    seq: head.seq,
    hash: head.hash,
    at: deps.clock.now().toISOString(),
  });
  await appendCheckpoint(path, signed, tail);
  // The log is a second copy kept outside the database.
  deps.log.info({ auditCheckpoint: signed }, 'audit checkpoint signed');
  return 'signed';
}

async function chainStillHas(db: Kysely<Database>, checkpoint: SignedCheckpoint): Promise<boolean> {
  const event = await db
    .selectFrom('audit_event')
    .select('hash')
    .where('council_id', '=', checkpoint.councilId)
    .where('seq', '=', checkpoint.seq)
    .executeTakeFirst();
  return event?.hash === checkpoint.hash;
}
