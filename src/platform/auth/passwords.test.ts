import { describe, expect, it } from 'vitest';
import { hashPassword, loadCommonPasswords, verifyPassword } from './passwords.ts';

describe('password storage', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('lantern orchard biscuit');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'lantern orchard biscuit')).toBe(true);
    expect(await verifyPassword(hash, 'lantern orchard biscuits')).toBe(false);
  });

  it('treats a malformed hash as a failed check rather than an error', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('loads a list of thousands of common passwords', async () => {
    const common = await loadCommonPasswords();
    expect(common.size).toBeGreaterThan(2000);
    expect(common.has('password')).toBe(true);
  });
});
