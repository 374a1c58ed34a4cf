import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string };

// A council system receiving webhooks: a real HTTP server on loopback that records every POST and
// answers each with the next status queued in `answers` (200 when none is queued).
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    // The events received, as their bodies say.
    events: () =>
      received.map(
        (r) =>
          JSON.parse(r.body) as { id: string; type: string; council: string; data: Record<string, unknown> },
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// An address on loopback where nothing listens: a receiver that is down.
export async function deadAddress(): Promise<string> {
  const receiver = await startWebhookReceiver();
  await receiver.close();
  return receiver.url;
}

// Whether a delivery's signature is the one its secret makes, checked as a receiver would
// (Standard Webhooks: HMAC-SHA256 keyed by the secret's bytes over `id.timestamp.body`).
export function signatureVerifies(secret: string, { headers, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(headers['webhook-signature']).split(' ').includes(expected);
}
