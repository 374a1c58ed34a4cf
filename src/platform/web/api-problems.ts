import { z } from 'zod';

// How an API answer describes a problem, for the OpenAPI document.
export const problemView = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    errors: z.array(z.object({ key: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457); errors name the fields');

export const problems = { 400: problemView, 403: problemView, 404: problemView };
