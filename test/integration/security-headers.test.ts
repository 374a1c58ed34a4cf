import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

const nonceIn = (policy: string) => /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];

describe.each<[string, Record<string, string>]>([
  ['over http', {}],
  ['over https', { BASE_URL: 'https://probity.test' }],
])('security headers %s', (_over, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { env });
  });
  afterAll(() => t.close());

  it('lets a page run only this site’s scripts and its own, with a nonce new for each response', async () => {
    const browser = t.client();
    const first = await browser.get('/sign-in');
    const second = await browser.get('/sign-in');
    const policies = [first, second].map((page) => String(page.headers['content-security-policy']));
    const nonces = policies.map(nonceIn);
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[1]).not.toBe(nonces[0]);
    for (const [index, page] of [first, second].entries()) {
      const scripts = [...page.body.matchAll(/<script[^>]*nonce="([^"]*)"/g)].map((match) => match[1]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(new Set(scripts)).toEqual(new Set([nonces[index]]));
    }
    expect(policies[0]).toContain("default-src 'self'");
    expect(policies[0]).toMatch(/style-src 'self'(;|$)/);
    expect(policies[0]).toContain("frame-ancestors 'none'");
    expect(policies[0]).toContain("form-action 'self'");
    expect(policies[0]).toContain("object-src 'none'");
  });

  it('sends the other headers on every response, error pages and the API too', async () => {
    const browser = t.client();
    const https = env.BASE_URL?.startsWith('https:') ?? false;
    for (const path of ['/sign-in', '/no-such-page', '/api/openapi.json']) {
      const response = await browser.get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security'] !== undefined).toBe(https);
      expect(String(response.headers['content-security-policy']).includes('upgrade-insecure-requests')).toBe(
        https,
      );
    }
  });

  it('sends the headers that matter on an address refused before any hook runs', async () => {
    for (const path of ['/%zz', '/api/%zz']) {
      const refused = await t.client().get(path);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(refused.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});
