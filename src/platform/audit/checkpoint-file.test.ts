import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendCheckpoint,
  lastCheckpointLine,
  parseCheckpoint,
  readCheckpointLines,
  signCheckpoint,
} from './checkpoint-file.ts';
import { checkpointKey } from './checkpoint-key.ts';

describe('checkpoint files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'probity-checkpoint-file-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const checkpoint = (seq: number) =>
    signCheckpoint('k'.repeat(32), {
      councilId: '01936a4e-0000-7000-8000-000000000001',
      seq,
      hash: 'a'.repeat(64),
      at: '2026-11-23T09:00:00.000Z',
    });

  it('starts a new line after one cut short, which stays unreadable', async () => {
    const path = join(dir, 'nested', 'council.jsonl');
    await appendCheckpoint(path, checkpoint(1), await lastCheckpointLine(path));
    await appendFile(path, '{"councilId":"01936a4e');
    const tail = await lastCheckpointLine(path);
    expect(tail).toEqual({ exists: true, line: null, torn: true });
    await appendCheckpoint(path, checkpoint(2), tail);
    const lines = await readCheckpointLines(path);
    expect(lines.map(parseCheckpoint)).toEqual([checkpoint(1), null, checkpoint(2)]);
    expect(await lastCheckpointLine(path)).toEqual({ exists: true, line: lines[2], torn: false });
  });

  it('makes one development key however many processes ask for it at once', async () => {
    const devFile = join(dir, 'data', 'audit-checkpoint.key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => checkpointKey({ devFile })));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(devFile, 'utf8')).toBe(keys[0]);
    expect((await stat(devFile)).mode & 0o777).toBe(0o600);
    expect(await checkpointKey({ secret: 'configured' })).toBe('configured');
  });
});
