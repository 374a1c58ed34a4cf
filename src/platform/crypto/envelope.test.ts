import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Keyring, newDataKey, open, seal, unwrapKey, wrapKey } from './envelope.ts';

// Envelope encryption: a data key per record seals its content (AES-256-GCM); the data key is kept
// wrapped by the council's key-encryption key, derived from the key file's master key of a version.
const masters = new Map([
  [1, randomBytes(32)],
  [2, randomBytes(32)],
]);
const keyring = (current: number): Keyring => ({ current, master: (version) => masters.get(version) });

describe('envelope encryption', () => {
  it('opens what it sealed, and only where it was sealed', () => {
    const key = newDataKey();
    const sealed = seal(key, Buffer.from('what happened'), 'council/concern/1/content');
    expect(sealed.toString('latin1')).not.toContain('what happened');
    expect(open(key, sealed, 'council/concern/1/content').toString()).toBe('what happened');
    expect(() => open(key, sealed, 'council/concern/2/content')).toThrow();
    expect(() => open(newDataKey(), sealed, 'council/concern/1/content')).toThrow();
  });

  it('wraps a data key for one council only', () => {
    const dataKey = newDataKey();
    const wrapped = wrapKey(keyring(1), 'council-a', dataKey);
    expect(unwrapKey(keyring(1), 'council-a', wrapped).equals(dataKey)).toBe(true);
    expect(() => unwrapKey(keyring(1), 'council-b', wrapped)).toThrow();
  });

  it('rotates: a key wrapped with version 1 is read, and wrapped again with version 2', () => {
    const dataKey = newDataKey();
    const old = wrapKey(keyring(1), 'council-a', dataKey);
    const rotated = wrapKey(keyring(2), 'council-a', unwrapKey(keyring(2), 'council-a', old));
    expect(rotated.version).toBe(2);
    expect(unwrapKey(keyring(2), 'council-a', rotated).equals(dataKey)).toBe(true);
    const withoutOld: Keyring = { current: 2, master: (v) => (v === 2 ? masters.get(2) : undefined) };
    expect(unwrapKey(withoutOld, 'council-a', rotated).equals(dataKey)).toBe(true);
    expect(() => unwrapKey(withoutOld, 'council-a', old)).toThrow('no key of version 1');
  });
});
