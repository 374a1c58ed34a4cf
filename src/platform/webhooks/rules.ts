import { createHmac, randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

// The events other council systems react to, and what each is called on the pages.
export const webhookEvents = {
  'complaint.received': 'A complaint is received (logged from any channel)',
  'complaint.closed': 'A complaint is closed with its final outcome',
  'declaration.review-needed': 'A declaration of interest needs a reviewer’s review',
  'restriction.made': 'A restriction on a customer’s contact is made',
  'restriction.lifted': 'A restriction on a customer’s contact is lifted or ended',
} as const;
export type WebhookEventType = keyof typeof webhookEvents;
export const webhookEventTypes = Object.keys(webhookEvents) as WebhookEventType[];

// A delivery is one POST that must answer within this long.
export const attemptTimeoutMs = 5_000;
// A claimed delivery not recorded within this long (its process died) is tried again.
export const claimLeaseMs = 60_000;
// Attempts in a round before a delivery is marked failed: with the gaps below, about a day.
export const attemptsPerRound = 9;
const firstGapMs = 30_000;
const longestGapMs = 6 * 60 * 60 * 1000;

// The gap after the n-th failed attempt of a round (1-based): 30 s, growing fourfold to six hours
// at most, each spread by ±20 % so that receivers coming back are not hit by every sender at once.
// `random` is in [0, 1). Null when the round's attempts are spent: the delivery has failed.
export function retryGapMs(failedAttempt: number, random: number): number | null {
  if (failedAttempt >= attemptsPerRound) return null;
  const gap = Math.min(firstGapMs * 4 ** (failedAttempt - 1), longestGapMs);
  return Math.round(gap * (0.8 + 0.4 * random));
}

// Whether an answer may be different next time: no answer at all, a server error or "too many
// requests". Any other answer outside 2xx (a 400, a 410) is final: the receiver refused the event.
export function worthRetrying(outcome: { status: number | null }): boolean {
  return outcome.status === null || outcome.status >= 500 || outcome.status === 429;
}

export const delivered = (status: number | null) => status !== null && status >= 200 && status < 300;

const secretPrefix = 'whsec_';

// A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64.
export function newSigningSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64')}`;
}

// The Standard Webhooks signature: HMAC-SHA256, keyed by the secret's bytes, over
// `<id>.<timestamp in seconds>.<body>`, in base64, as `v1,<signature>`.
export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(
    secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret,
    'base64',
  );
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

// The headers of a delivery: the event's id (the same on every retry, for receivers to de-duplicate),
// the time of this attempt and its signature.
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature(secret, id, timestamp, body),
  };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

// An endpoint's address: https, or http to this machine only where the app is not in production
// (a receiver under test or in development). A message when it will not do, otherwise null.
export function urlProblem(text: string, allowLoopbackHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter the address in the form https://example.org/webhooks';
  }
  if (url.username || url.password) return 'The address must not contain a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowLoopbackHttp && loopbackHosts.has(url.hostname)) return null;
  return 'The address must start with https://';
}

// Addresses no endpoint may reach, whatever its name resolves to: this machine, private networks,
// link-local ones (cloud metadata services among them), shared, documentation, benchmarking,
// multicast and reserved ranges, and IPv4 written as IPv6. An endpoint is another organisation's
// system on the internet; reaching inside the network Probity runs in would let an administrator
// probe it through the delivery log.
const inside = new BlockList();
const loopback = new BlockList();
// Kept apart: a BlockList matches IPv4 addresses against the IPv4-mapped range too.
const mapped = new BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  inside.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  inside.addSubnet(network, prefix, 'ipv6');
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// Whether a delivery may connect to an address: one on the internet, or this machine's own where
// loopback is allowed (not in production: a receiver under test or in development).
export function reachableAddress(address: string, allowLoopback: boolean): boolean {
  const version = isIP(address);
  if (version === 0) return false;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  if (family === 'ipv6' && mapped.check(address, 'ipv6')) return false;
  if (allowLoopback && loopback.check(address, family)) return true;
  return !inside.check(address, family);
}
