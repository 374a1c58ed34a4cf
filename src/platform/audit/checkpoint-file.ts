import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

// A council's audit chain as it stood when a checkpoint was signed: event `seq` had hash `hash`.
type Checkpoint = { councilId: string; seq: number; hash: string; at: string };
export type SignedCheckpoint = Checkpoint & { mac: string };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const checkpointLine = z.strictObject({
  councilId: z.uuid(),
  seq: z.number().int().min(1),
  hash: hex64,
  at: z.iso.datetime(),
  mac: hex64,
});

// HMAC-SHA256 over the fields in a fixed order, so the same checkpoint always signs the same.
function macOf(key: string, c: Checkpoint): Buffer {
  const message = `probity audit checkpoint v1\n${c.councilId}\n${c.seq}\n${c.hash}\n${c.at}`;
  return createHmac('sha256', key).update(message).digest();
}

export function signCheckpoint(key: string, c: Checkpoint): SignedCheckpoint {
  return { councilId: c.councilId, seq: c.seq, hash: c.hash, at: c.at, mac: macOf(key, c).toString('hex') };
}

export function isSignedWith(key: string, signed: SignedCheckpoint): boolean {
  return timingSafeEqual(macOf(key, signed), Buffer.from(signed.mac, 'hex'));
}

// A line of a checkpoint file, or null when it is not one.
export function parseCheckpoint(line: string): SignedCheckpoint | null {
  try {
    const parsed = checkpointLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// One file of JSON lines per council, only ever appended to.
export const checkpointFile = (dir: string, councilId: string) => join(dir, `${councilId}.jsonl`);

const fileName = /^([0-9a-f-]{36})\.jsonl$/;

export async function councilsWithCheckpoints(dir: string): Promise<string[]> {
  const names = await ifExists(readdir(dir), []);
  return names.flatMap((name) => fileName.exec(name)?.[1] ?? []);
}

export async function readCheckpointLines(path: string): Promise<string[]> {
  const lines = (await ifExists(readFile(path, 'utf8'), '')).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const tailBytes = 4096;

// The file's last line, read from its end so that the cost does not grow with the file. `torn`
// says the file does not end with a newline (a write cut short), so the next line starts afresh.
export async function lastCheckpointLine(
  path: string,
): Promise<{ exists: boolean; line: string | null; torn: boolean }> {
  const file = await ifExists(open(path, 'r'), null);
  if (!file) return { exists: false, line: null, torn: false };
  try {
    const { size } = await file.stat();
    const length = Math.min(size, tailBytes);
    const { buffer } = await file.read(Buffer.alloc(length), 0, length, size - length);
    const text = buffer.toString('utf8');
    const torn = text !== '' && !text.endsWith('\n');
    const lines = text.split('\n').filter((line) => line !== '');
    return { exists: true, line: torn ? null : (lines.at(-1) ?? null), torn };
  } finally {
    await file.close();
  }
}

// The line goes in one write to a file opened for appending, so lines written by several
// processes at once do not interleave; it is on disk (and so is a new file's name) before this returns.
export async function appendCheckpoint(
  path: string,
  signed: SignedCheckpoint,
  tail: { exists: boolean; torn: boolean },
) {
  const dir = dirname(path);
  if (!tail.exists) await mkdir(dir, { recursive: true });
  const file = await open(path, 'a', 0o640);
  try {
    await file.write(`${tail.torn ? '\n' : ''}${JSON.stringify(signed)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  if (!tail.exists) await syncDirectory(dir);
}

async function syncDirectory(dir: string) {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// What the file operation gives, or the fallback when the file is not there.
export async function ifExists<T, F>(pending: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await pending;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}
