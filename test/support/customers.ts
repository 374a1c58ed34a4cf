import { expect } from 'vitest';
import type { demoClients } from './clients.ts';

// What the customer pages' forms post in the tests: a contact on the timeline and the reasons for a
// step up. Today in the test app is Monday 23 November 2026; the contact was the Friday before.
export const contactPosted = (summary: string, extra: Record<string, string> = {}) => ({
  channel: 'phone',
  'date-day': '20',
  'date-month': '11',
  'date-year': '2026',
  time: '14:30',
  minutes: '25',
  summary,
  outcome: 'Told them the matter is closed',
  correspondence: '',
  complaintReference: '',
  ...extra,
});

export const decisionPosted = (extra: Record<string, string> = {}) => ({
  behaviour:
    'You have phoned 14 times in two weeks about a matter we answered on 2 October, and used abusive language.',
  evidence: '14 calls between 9 and 20 November, 5 hours of officer time; call notes on the timeline.',
  equalityCheck:
    'No disability or other need known; asked on 12 November, none given. Written contact offered.',
  ...extra,
});

// The messages in a page's GOV.UK error summary.
export const errorSummary = (body: string) =>
  [...body.matchAll(/<a href="#[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]?.replaceAll('&#39;', '’'));

// A new customer added by the complaints manager; answers their id.
export async function addCustomer(
  client: ReturnType<typeof demoClients>,
  details: { name: string; email: string; phone?: string; address?: string },
): Promise<string> {
  const response = await (await client('lucy.adeyemi')).post('/customers/new', {
    phone: '',
    address: '',
    ...details,
  });
  expect(response.statusCode, response.body).toBe(303);
  return /\/customers\/([0-9a-f-]{36})/.exec(response.headers.location as string)?.[1] as string;
}
