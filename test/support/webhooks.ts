import { expect } from 'vitest';
import { webhookDelivery } from '../../src/platform/webhooks/delivery.ts';
import { webhookEventTypes } from '../../src/platform/webhooks/rules.ts';
import type { TestApp } from './app.ts';

type Client = ReturnType<TestApp['client']>;

export const allEvents = webhookEventTypes;

// What the registration form posts: the address, a description and the events ticked.
export const endpointPosted = (url: string, events: readonly string[] = allEvents, description = '') =>
  [['url', url], ['description', description], ...events.map((type) => ['events', type])] as [
    string,
    string,
  ][];

// Registers an endpoint as a system administrator does, on the page; answers its id and the secret
// shown once.
export async function registerEndpoint(admin: Client, url: string, events: readonly string[] = allEvents) {
  const response = await admin.post('/admin/webhooks', endpointPosted(url, events));
  expect(response.statusCode, response.body).toBe(200);
  const secret = /id="new-secret">([^<]+)</.exec(response.body)?.[1] ?? '';
  expect(secret).toMatch(/^whsec_/);
  const id = /href="\/admin\/webhooks\/([0-9a-f-]{36})\/deliveries"/g;
  const ids = [...response.body.matchAll(id)].map((match) => match[1] ?? '');
  return { id: ids.at(-1) ?? '', secret };
}

// One process's delivery worker on the test app's database and clock.
export const worker = (t: TestApp, allowLoopback = true) =>
  webhookDelivery({ db: t.db, clock: t.clock, random: () => 0.5, allowLoopback });
