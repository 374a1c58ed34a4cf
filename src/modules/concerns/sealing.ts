import { type Keyring, newDataKey, open, seal, unwrapKey, wrapKey } from '../../platform/crypto/envelope.ts';

// What a concern says, sealed with its own data key: nothing of it is in the database in the clear.
export type ConcernContent = {
  what: string;
  involvedNames: string;
  // The reporter who gave their name: shown to the investigator only when they asked.
  reporter: { name: string; contact: string } | null;
};

export type ConcernKey = { dataKey: Buffer; councilId: string; concernId: string };

export function concernSealer(keyring: Keyring) {
  const bound = (key: ConcernKey, what: string) => `${key.councilId}/concern/${key.concernId}/${what}`;
  return {
    newKey(councilId: string, concernId: string) {
      const dataKey = newDataKey();
      return { key: { dataKey, councilId, concernId }, wrapped: wrapKey(keyring, councilId, dataKey) };
    },
    keyOf(councilId: string, concernId: string, wrapped: { version: number; wrapped: Buffer }): ConcernKey {
      return { dataKey: unwrapKey(keyring, councilId, wrapped), councilId, concernId };
    },
    // The data key wrapped again with the current key-encryption key (rotation).
    rewrap(councilId: string, wrapped: { version: number; wrapped: Buffer }) {
      return wrapKey(keyring, councilId, unwrapKey(keyring, councilId, wrapped));
    },
    currentVersion: () => keyring.current,
    sealText: (key: ConcernKey, what: string, text: string) =>
      seal(key.dataKey, Buffer.from(text, 'utf8'), bound(key, what)),
    openText: (key: ConcernKey, what: string, sealed: Buffer) =>
      open(key.dataKey, sealed, bound(key, what)).toString('utf8'),
    sealBytes: (key: ConcernKey, what: string, bytes: Buffer) => seal(key.dataKey, bytes, bound(key, what)),
    openBytes: (key: ConcernKey, what: string, sealed: Buffer) => open(key.dataKey, sealed, bound(key, what)),
  };
}
export type ConcernSealer = ReturnType<typeof concernSealer>;
