import { expect } from 'vitest';
import type { TestApp } from './app.ts';

type Client = ReturnType<TestApp['client']>;

export const publicFormOf = (councilSlug: string) => `/public/${councilSlug}/complaints/new`;
export const publicForm = publicFormOf('demo');

export const complaintAnswers = {
  name: 'Jo Public',
  email: 'jo.public@example.test',
  phone: '07700 900982',
  address: '',
  preference: 'email',
  whatHappened: 'My missed bin was reported three times and never collected.',
  'happenedOn-day': '2',
  'happenedOn-month': '11',
  'happenedOn-year': '2026',
  wantedOutcome: 'Collect the bin and apologise.',
  needsAdjustments: 'no',
  adjustments: '',
};
export type ComplaintAnswers = typeof complaintAnswers & { serviceId?: string };

// The public form's pages, for oneself, as a person fills them in; each page must move on.
export async function fillPublicForm(
  client: Client,
  answers: Partial<ComplaintAnswers> = {},
  publicForm = publicFormOf('demo'),
) {
  const a = { ...complaintAnswers, ...answers };
  const step = async (url: string, form: Record<string, string>) => {
    const response = await client.post(url, form);
    expect(response.statusCode, `${url}: ${response.body.slice(0, 2000)}`).toBe(303);
    return response.headers.location as string;
  };
  expect((await client.get(publicForm)).statusCode).toBe(200);
  await step(publicForm, { topic: 'complaint' });
  await step(`${publicForm}/who`, { forWhom: 'self' });
  await step(`${publicForm}/contact`, {
    name: a.name,
    email: a.email,
    phone: a.phone,
    address: a.address,
    preference: a.preference,
  });
  const servicePage = await client.get(`${publicForm}/service`);
  const serviceId =
    a.serviceId ??
    /name="serviceId" type="radio" value="([0-9a-f-]{36})"/.exec(servicePage.body)?.[1] ??
    'unknown';
  await step(`${publicForm}/service`, { serviceId });
  await step(`${publicForm}/what-happened`, {
    whatHappened: a.whatHappened,
    'happenedOn-day': a['happenedOn-day'],
    'happenedOn-month': a['happenedOn-month'],
    'happenedOn-year': a['happenedOn-year'],
  });
  await step(`${publicForm}/outcome`, { wantedOutcome: a.wantedOutcome });
  return step(`${publicForm}/adjustments`, {
    needsAdjustments: a.needsAdjustments,
    adjustments: a.adjustments,
  });
}

// Starts the public form for someone else, as far as the page that asks for their written
// authority; returns that page's CSRF token.
export async function startForSomeoneElse(client: Client): Promise<string> {
  await client.get(publicForm);
  await client.post(publicForm, { topic: 'complaint' });
  await client.post(`${publicForm}/who`, {
    forWhom: 'someone-else',
    theirName: 'Edna Elder',
    relationship: 'Her son',
  });
  return csrfOf((await client.get(`${publicForm}/authority`)).body);
}

// Fill in, check and send: the reference shown on the confirmation page.
export async function submitPublicComplaint(
  client: Client,
  answers: Partial<ComplaintAnswers> = {},
  councilSlug = 'demo',
) {
  const publicForm = publicFormOf(councilSlug);
  expect(await fillPublicForm(client, answers, publicForm)).toBe(`${publicForm}/check`);
  expect((await client.get(`${publicForm}/check`)).statusCode).toBe(200);
  const sent = await client.post(`${publicForm}/check`);
  expect(sent.statusCode, sent.body.slice(0, 2000)).toBe(303);
  expect(sent.headers.location).toBe(`${publicForm}/confirmation`);
  const confirmation = await client.get(`${publicForm}/confirmation`);
  expect(confirmation.statusCode).toBe(200);
  const reference = /id="reference">(CMP-\d{4}-\d{4})</.exec(confirmation.body)?.[1];
  expect(reference, confirmation.body).toBeDefined();
  return { reference: reference as string, confirmation };
}

// A multipart form post, as a browser sends a form with a file, with the client's cookies.
export async function postMultipart(
  t: TestApp,
  client: Client,
  url: string,
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer } | null,
) {
  const boundary = `----probity${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: client.remoteAddress,
    headers: {
      accept: 'text/html',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    },
    payload: Buffer.concat(parts),
  });
}

export const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

// The public form's written-authority page, sent a PDF (or what claims to be one) under that token.
export function uploadAuthority(
  t: TestApp,
  client: Client,
  csrf: string | null,
  name: string,
  content: Buffer,
) {
  return postMultipart(t, client, `${publicForm}/authority`, csrf === null ? {} : { _csrf: csrf }, {
    field: 'authority',
    name,
    type: 'application/pdf',
    content,
  });
}

export const pdfBytes = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
