import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import type { Keyring } from './envelope.ts';

// The key file: the master keys by version and the one in use, as JSON:
//   { "current": 2, "keys": { "1": "<32 bytes, base64>", "2": "<32 bytes, base64>" } }
// Rotation adds a version and makes it current; old versions stay until every data key wrapped
// with them has been wrapped again (docs/operations.md).
const keyFile = z.object({
  current: z.number().int().min(1),
  keys: z.record(
    z.string().regex(/^\d+$/),
    z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64'),
  ),
});

export class KeyFileError extends ConfigError {}

export type KeySettings = { file: string; makeIfMissing: boolean; variable: string };

export async function loadKeyring({ file, makeIfMissing, variable }: KeySettings): Promise<Keyring> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!makeIfMissing)
      throw new KeyFileError(
        `Probity cannot start: ${variable} names ${file}, which does not exist. Restore the key file from where its copy is kept (without it no concern can be read), or point ${variable} at it`,
      );
    await makeDevelopmentKeyFile(file);
    text = await readFile(file, 'utf8');
  }
  const parsed = keyFile.safeParse(JSON.parse(text) as unknown);
  if (!parsed.success || !parsed.data.keys[String(parsed.data.current)])
    throw new KeyFileError(
      `Probity cannot start: the key file ${file} is not valid: it must be {"current": N, "keys": {"N": "<32 bytes in base64>"}}`,
    );
  const keys = new Map(
    Object.entries(parsed.data.keys).map(([v, key]) => [Number(v), Buffer.from(key, 'base64')]),
  );
  return { current: parsed.data.current, master: (version) => keys.get(version) };
}

// A development key file, made once and read back by every process: written whole under another
// name and linked into place, so that two processes starting at once keep the first.
async function makeDevelopmentKeyFile(path: string) {
  await mkdir(dirname(path), { recursive: true });
  const draft = `${path}.${randomBytes(6).toString('hex')}`;
  const content = { current: 1, keys: { '1': randomBytes(32).toString('base64') } };
  await writeFile(draft, JSON.stringify(content), { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
}
