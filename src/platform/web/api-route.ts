import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from '../auth/permissions.ts';

// The JSON API's routes for one area of the OpenAPI document: each declares who may call it and
// its zod schemas (summary, params, querystring, body, responses), which validate the request,
// shape the answer and describe it in the document.
export function apiRoutes(app: FastifyInstance, tags: readonly string[]) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = <S extends FastifySchema & { summary: string; operationId: string }>(
    access: Access,
    schema: S,
  ) => ({
    config: { access },
    schema: { tags: [...tags], ...schema },
  });
  return { api, options };
}
