import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// The receipt code an anonymous reporter follows their concern with: a public part that finds the
// concern (8 characters, 40 bits) and a secret part (20 characters, 100 bits) kept only as an
// argon2id hash. Shown once; Crockford's base32, read aloud or typed without confusing 0 and O.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const idLength = 8;
const secretLength = 20;
const parameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

function randomText(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte & 31]).join('');
}

export type Receipt = { code: string; id: string; secretHash: string };

export async function newReceipt(): Promise<Receipt> {
  const id = randomText(idLength);
  const secret = randomText(secretLength);
  const whole = id + secret;
  const code = (whole.match(/.{1,4}/g) ?? []).join('-');
  return { code, id, secretHash: await hash(secret, parameters) };
}

// A code as typed: any case, spaces or dashes, O for 0 and I or L for 1.
export function parseReceipt(typed: string): { id: string; secret: string } | null {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== idLength + secretLength || [...clean].some((c) => !alphabet.includes(c))) return null;
  return { id: clean.slice(0, idLength), secret: clean.slice(idLength) };
}

let dummyHash: Promise<string> | null = null;

// Whether the secret is the one hashed; with no hash (no such receipt), a check of a dummy hash
// that costs the same time, so that a wrong code cannot be told from a right one by timing.
export async function secretMatches(secretHash: string | null, secret: string): Promise<boolean> {
  dummyHash ??= hash(randomText(secretLength), parameters);
  const against = secretHash ?? (await dummyHash);
  let matches = false;
  try {
    matches = await verify(against, secret);
  } catch {
    matches = false;
  }
  return secretHash !== null && matches;
}
