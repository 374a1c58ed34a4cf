import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type ReceivedText = { id: string; phoneNumber: string; body: string; reference: string | null };

type Problem = { status: number; error: string; message: string };

// A GOV.UK Notify API key: its name, the service's id, then the secret that signs each request.
export function notifyApiKey() {
  const serviceId = randomUUID();
  const secret = randomUUID();
  return { apiKey: `probity_test-${serviceId}-${secret}`, serviceId, secret };
}

const ukMobile = /^(?:\+44|0044|0)7\d{9}$/;

// Notify's own check of a request's token: HS256, signed with the key's secret, issued by the
// service, and made within the last 30 seconds.
function tokenProblem(header: string | undefined, serviceId: string, secret: string): string | null {
  const [, token] = /^Bearer (\S+)$/.exec(header ?? '') ?? [];
  const [head, claims, signature] = token?.split('.') ?? [];
  if (!head || !claims || !signature) return 'Unauthorized: authentication token must be provided';
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (decode(head).alg !== 'HS256') return 'Invalid token: algorithm used is not HS256';
  const expected = createHmac('sha256', secret).update(`${head}.${claims}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'Invalid token: API key not found';
  const { iss, iat } = decode(claims) as { iss?: string; iat?: number };
  if (iss !== serviceId) return 'Invalid token: service not found';
  if (typeof iat !== 'number' || Math.abs(Date.now() / 1000 - iat) > 30)
    return 'Error: Your system clock must be accurate to within 30 seconds';
  return null;
}

// The body of POST /v2/notifications/sms, as Notify checks it.
function smsProblem(body: Record<string, unknown>, templateId: string): Problem | null {
  const phone = typeof body.phone_number === 'string' ? body.phone_number.replace(/[\s()-]/g, '') : null;
  if (phone === null)
    return { status: 400, error: 'ValidationError', message: 'phone_number is a required property' };
  if (!ukMobile.test(phone))
    return { status: 400, error: 'ValidationError', message: 'phone_number Not a UK mobile number' };
  if (body.template_id !== templateId)
    return { status: 400, error: 'BadRequestError', message: 'Template not found' };
  const personalisation = body.personalisation as Record<string, unknown> | undefined;
  if (typeof personalisation?.body !== 'string')
    return { status: 400, error: 'BadRequestError', message: 'Missing personalisation: body' };
  return null;
}

async function jsonOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function answer(response: ServerResponse, status: number, body: object) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const problem = (response: ServerResponse, { status, error, message }: Problem) =>
  answer(response, status, { status_code: status, errors: [{ error, message }] });

// A real HTTP server on loopback that speaks the part of Notify's API Probity uses: it checks each
// request's token and body as Notify does, keeps the texts it takes, and can be made to fail as an
// outage would.
export async function startNotifyServer() {
  const { apiKey, serviceId, secret } = notifyApiKey();
  const templateId = randomUUID();
  const received: ReceivedText[] = [];
  let down = false;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (down)
      return problem(response, { status: 503, error: 'ServiceUnavailable', message: 'Try again later' });
    if (request.method !== 'POST' || request.url !== '/v2/notifications/sms')
      return problem(response, { status: 404, error: 'NotFound', message: 'Not found' });
    const refused = tokenProblem(request.headers.authorization, serviceId, secret);
    if (refused) return problem(response, { status: 403, error: 'AuthError', message: refused });
    const body = await jsonOf(request);
    const invalid = smsProblem(body, templateId);
    if (invalid) return problem(response, invalid);
    const text: ReceivedText = {
      id: randomUUID(),
      phoneNumber: String(body.phone_number),
      body: String((body.personalisation as { body: string }).body),
      reference: typeof body.reference === 'string' ? body.reference : null,
    };
    received.push(text);
    const base = `http://${request.headers.host}`;
    answer(response, 201, {
      id: text.id,
      reference: text.reference,
      content: { body: text.body, from_number: 'GOVUK' },
      uri: `${base}/v2/notifications/${text.id}`,
      template: { id: templateId, version: 1, uri: `${base}/v2/template/${templateId}` },
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      problem(response, { status: 500, error: 'Error', message: 'failed' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    templateId,
    received,
    // While down, every request is answered 503, as in an outage.
    setDown(value: boolean) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type NotifyServer = Awaited<ReturnType<typeof startNotifyServer>>;
