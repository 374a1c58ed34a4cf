import { readFile } from 'node:fs/promises';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane.
const parameters = {
  // Algorithm.Argon2id: the library declares Algorithm as a const enum, which type stripping cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

let commonPasswords: Promise<ReadonlySet<string>> | null = null;

export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= readFile(new URL('./common-passwords.txt', import.meta.url), 'utf8').then(
    (text) =>
      new Set(
        text
          .split('\n')
          .map((line) => line.trim().toLowerCase())
          .filter(Boolean),
      ),
  );
  // A failed read is not cached, so the next call tries again.
  commonPasswords.catch(() => {
    commonPasswords = null;
  });
  return commonPasswords;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

// Spends the time a real check would, so that an unknown email cannot be told apart by timing.
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('probity: no account has this password');
  await verifyPassword(await dummyHash, password);
}
