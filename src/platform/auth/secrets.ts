import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

// Session ids, API tokens and one-time links are stored only as this digest.
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

// A credential carries its council so it can be found by primary key: `<council id>.<secret>`.
export function splitCredential(value: string): { councilId: string; secret: string } | null {
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const councilId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  return isUuid(councilId) && /^[A-Za-z0-9_-]{43}$/.test(secret) ? { councilId, secret } : null;
}
