import type { TestApp } from './app.ts';

type Client = ReturnType<TestApp['client']>;

export type Offer = {
  kind?: string;
  offerorPerson?: string;
  offerorOrganisation?: string;
  relationship?: string;
  nature?: string;
  description?: string;
  value?: string;
  date?: string;
  event?: string;
  decision?: string;
  reason?: string;
};

// Answers the question pages as an officer would; returns the check page and the draft's address.
export async function answer(client: Client, offer: Offer) {
  const started = await client.post('/gifts/new');
  const draft = String(started.headers.location).replace(/\/kind$/, '');
  const [year, month, day] = (offer.date ?? '2026-11-02').split('-');
  const [eventYear, eventMonth, eventDay] = offer.event?.split('-') ?? [];
  const steps: [string, Record<string, string>][] = [
    ['kind', { kind: offer.kind ?? 'gift' }],
    [
      'offeror',
      {
        offerorPerson: offer.offerorPerson ?? '',
        offerorOrganisation: offer.offerorOrganisation ?? 'Acme Ltd',
        relationship: offer.relationship ?? 'other',
      },
    ],
    [
      'details',
      {
        nature: offer.nature ?? 'other-gift',
        description: offer.description ?? 'a desk plant',
        value: offer.value ?? '60',
        'offeredOn-day': day ?? '',
        'offeredOn-month': month ?? '',
        'offeredOn-year': year ?? '',
        'eventOn-day': eventDay ?? '',
        'eventOn-month': eventMonth ?? '',
        'eventOn-year': eventYear ?? '',
      },
    ],
    [
      'decision',
      { decision: offer.decision ?? 'accepted', reason: offer.reason ?? 'A thank-you after a visit' },
    ],
  ];
  for (const [step, form] of steps) {
    const response = await client.post(`${draft}/${step}`, form);
    if (response.statusCode !== 303)
      throw new Error(`${step}: ${response.statusCode} ${response.body.slice(0, 3000)}`);
  }
  return { draft, check: await client.get(`${draft}/check`) };
}

export async function record(client: Client, offer: Offer): Promise<string> {
  const { draft } = await answer(client, offer);
  const submitted = await client.post(`${draft}/check`);
  if (submitted.statusCode !== 303) throw new Error(`submit: ${submitted.statusCode}`);
  return String(submitted.headers.location)
    .replace(/^\/gifts\//, '')
    .replace(/\?.*$/, '');
}
