import { z } from 'zod';

// How an API answer describes a problem: one schema, the document's Problem component.
export const problemView = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    errors: z.array(z.object({ key: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457); errors name the fields')
  .meta({ id: 'Problem' });

// What each problem status means for an API caller.
const meanings: Record<number, string> = {
  400: 'The input is malformed or invalid; errors name the fields',
  401: 'No API token, or one that is unknown, revoked or expired',
  403: 'The token’s holder may not do this, or the token is read-only',
  404: 'No such record in your council, or not one you may see',
  413: 'The body is larger than 1 MB',
  414: 'A path parameter is longer than 100 characters',
  415: 'The body’s content type is not one this operation takes',
  429: 'Too many requests with this token this minute',
  503: 'The service will not do this now; detail says what to do instead',
};

// One problem status's response: application/problem+json with the Problem schema.
export function problemResponse(status: number) {
  return {
    description: meanings[status] ?? 'A problem',
    content: { 'application/problem+json': { schema: problemView } },
  };
}

export function problemResponses<const S extends number>(statuses: readonly S[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)])) as Record<
    S,
    ReturnType<typeof problemResponse>
  >;
}

export const problems = problemResponses([400, 403, 404]);
