import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newSigningSecret,
  reachableAddress,
  retryGapMs,
  signedHeaders,
  urlProblem,
  worthRetrying,
} from './rules.ts';

// Webhooks follow the Standard Webhooks specification (standardwebhooks.com): the webhook-id,
// webhook-timestamp and webhook-signature headers, HMAC-SHA256 over `id.timestamp.body`.
describe('webhook rules', () => {
  it('signs as Standard Webhooks does: v1, base64 HMAC-SHA256 of id.timestamp.body keyed by the secret', () => {
    // The specification's own example.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const headers = signedHeaders(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330_000), body);
    expect(headers).toMatchObject({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('makes a new 32-byte secret each time, in the whsec_ form', () => {
    const [one, two] = [newSigningSecret(), newSigningSecret()];
    expect(one).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(one).not.toBe(two);
    const key = Buffer.from(one.slice(6), 'base64');
    expect(key).toHaveLength(32);
    const mac = createHmac('sha256', key).update('a.1.{}').digest('base64');
    expect(signedHeaders(one, 'a', new Date(1000), '{}')['webhook-signature']).toBe(`v1,${mac}`);
  });

  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 120_000],
    [3, 0.5, 480_000],
    [4, 0.5, 1_920_000],
    [5, 0.5, 7_680_000],
    [6, 0.5, 21_600_000],
    [8, 0.5, 21_600_000],
    [1, 0, 24_000],
    [1, 0.999_999, 36_000],
    [9, 0.5, null],
    [12, 0.5, null],
  ])(
    'after failed attempt %i (random %d) waits %s ms before the next, none after the ninth',
    (n, random, gap) => {
      expect(retryGapMs(n, random)).toBe(gap);
    },
  );

  it('gives up after about a day of attempts', () => {
    const total = [1, 2, 3, 4, 5, 6, 7, 8].reduce((sum, n) => sum + (retryGapMs(n, 0.5) ?? 0), 0);
    expect(total / 3_600_000).toBeGreaterThan(20);
    expect(total / 3_600_000).toBeLessThan(25);
  });

  it.each([
    [null, true],
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [404, false],
    [410, false],
    [301, false],
  ])('tries again after an answer of %s: %s', (status, again) => {
    expect(worthRetrying({ status })).toBe(again);
  });

  it.each([
    ['https://crm.council.example/hooks', false, null],
    ['http://crm.council.example/hooks', true, 'The address must start with https://'],
    ['http://127.0.0.1:4000/hooks', true, null],
    ['http://localhost:4000/hooks', true, null],
    ['http://[::1]:4000/hooks', true, null],
    ['http://127.0.0.1:4000/hooks', false, 'The address must start with https://'],
    ['ftp://crm.council.example/hooks', true, 'The address must start with https://'],
    ['crm.council.example', false, 'Enter the address in the form https://example.org/webhooks'],
    ['https://user:pw@crm.council.example/', false, 'The address must not contain a user name or password'],
  ])('an endpoint at %s (loopback http allowed: %s) is refused with %s', (url, loopback, problem) => {
    expect(urlProblem(url, loopback)).toBe(problem);
  });

  it.each([
    ['93.184.215.14', false, true],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', false, true],
    ['8.8.8.8', true, true],
    ['127.0.0.1', false, false],
    ['127.0.0.1', true, true],
    ['127.8.9.10', true, true],
    ['::1', false, false],
    ['::1', true, true],
    ['10.1.2.3', true, false],
    ['172.16.0.1', false, false],
    ['172.31.255.255', false, false],
    ['172.32.0.1', false, true],
    ['192.168.1.1', false, false],
    ['169.254.169.254', true, false],
    ['100.64.0.1', false, false],
    ['0.0.0.0', true, false],
    ['224.0.0.1', false, false],
    ['255.255.255.255', false, false],
    ['198.18.0.1', false, false],
    ['::', false, false],
    ['::ffff:10.0.0.1', false, false],
    ['::ffff:127.0.0.1', true, false],
    ['fd00::1', false, false],
    ['fe80::1', false, false],
    ['ff02::1', false, false],
    ['2002:a00:1::', false, false],
    ['not an address', true, false],
  ])('reaches %s: %s with loopback allowed -> %s', (address, allowLoopback, reachable) => {
    expect(reachableAddress(address, allowLoopback)).toBe(reachable);
  });
});
