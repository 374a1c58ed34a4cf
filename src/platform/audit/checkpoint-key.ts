import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditCheckpointSettings } from '../../config.ts';
import { ifExists } from './checkpoint-file.ts';

// The key that signs checkpoints. Outside production it may be a development key, made once
// in a file beside the data and read back by every process and by `verify-audit`.
export async function checkpointKey(key: AuditCheckpointSettings['key']): Promise<string> {
  if ('secret' in key) return key.secret;
  const existing = await ifExists(readKey(key.devFile), null);
  if (existing !== null) return existing;
  await makeKeyFile(key.devFile);
  return readKey(key.devFile);
}

const readKey = async (path: string) => (await readFile(path, 'utf8')).trim();

// Written whole under another name and linked into place, so that a process starting at the
// same moment reads either no file or the whole key, and the first key made is the one kept.
async function makeKeyFile(path: string) {
  await mkdir(dirname(path), { recursive: true });
  const draft = `${path}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
}

export function developmentKeyNotice(key: AuditCheckpointSettings['key']): string | null {
  return 'devFile' in key
    ? `AUDIT_CHECKPOINT_KEY is not set: audit checkpoints are signed with the development key in ${key.devFile}, which proves nothing to anyone who can read it`
    : null;
}
