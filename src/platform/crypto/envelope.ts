import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Envelope encryption: each record has its own random data key (AES-256-GCM) that seals its
// content; the data key is kept only wrapped by a key-encryption key (KEK) held outside the
// database. A council's KEK is derived from the configured master key of a version (HKDF-SHA256
// with the council's id), so councils never share a key and a new master version rotates them all.

const ivBytes = 12;
const tagBytes = 16;

export type Keyring = {
  // The version new data keys are wrapped with.
  current: number;
  // The master key of a version; undefined when the key file no longer has it.
  master(version: number): Buffer | undefined;
};

export type WrappedKey = { version: number; wrapped: Buffer };

function councilKek(keyring: Keyring, councilId: string, version: number): Buffer {
  const master = keyring.master(version);
  if (!master) throw new Error(`The key file has no key of version ${version}`);
  return Buffer.from(hkdfSync('sha256', master, councilId, 'probity key-encryption key', 32));
}

// Ciphertext as stored: the nonce, the authentication tag, then the encrypted bytes. The
// additional data binds it to where it belongs, so a sealed value moved to another row fails.
export function seal(key: Buffer, plain: Buffer, boundTo: string): Buffer {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, boundTo: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, ivBytes));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(sealed.subarray(ivBytes, ivBytes + tagBytes));
  return Buffer.concat([decipher.update(sealed.subarray(ivBytes + tagBytes)), decipher.final()]);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapKey(keyring: Keyring, councilId: string, dataKey: Buffer): WrappedKey {
  const version = keyring.current;
  return { version, wrapped: seal(councilKek(keyring, councilId, version), dataKey, `kek:${councilId}`) };
}

export function unwrapKey(keyring: Keyring, councilId: string, key: WrappedKey): Buffer {
  return open(councilKek(keyring, councilId, key.version), key.wrapped, `kek:${councilId}`);
}
