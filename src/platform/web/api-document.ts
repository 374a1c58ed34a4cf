import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { problemResponse } from './api-problems.ts';

// Every operation of the JSON API names itself (operationId, from which client generators name
// their methods) and lists the problems it can answer, each application/problem+json:
// - 400: every request's query, path and body are checked (untrusted-input.ts), and the schemas';
// - 401 and 429: any operation that needs a token (the rate limit counts per token);
// - 403: an operation behind a permission, and any change (a read-only token may not make one);
// - 404 and 414: an operation whose path names a record (414: a parameter over 100 characters);
// - 413 and 415: an operation that takes a body (too large, or not a content type it parses);
// and any other the route declares itself. The app refuses to start when an operation has no
// operationId or shares one, so that the document cannot drift from the routes.
const apiPrefix = '/api/v1/';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

type Route = Pick<RouteOptions, 'method' | 'url' | 'config'> & { schema?: FastifySchema };

export function problemStatuses(method: string, url: string, access: string): number[] {
  const statuses = [400];
  if (access !== 'public') statuses.push(401, 429);
  if (access !== 'public' && (access !== 'signed-in' || !safeMethods.has(method))) statuses.push(403);
  if (url.includes('/:')) statuses.push(404, 414);
  if (!safeMethods.has(method)) statuses.push(413, 415);
  return statuses;
}

export function documentApiOperations(app: FastifyInstance) {
  const named = new Map<string, string>();
  app.addHook('onRoute', (route: Route) => {
    if (!route.url.startsWith(apiPrefix)) return;
    const method = [route.method].flat()[0] ?? 'GET';
    // Fastify adds a HEAD route for every GET; it shares the GET's operation.
    if (method === 'HEAD') return;
    const operation = `${method} ${route.url}`;
    const schema = route.schema ?? {};
    const operationId = (schema as { operationId?: unknown }).operationId;
    if (typeof operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(operationId)) {
      throw new Error(`${operation} needs an operationId in camelCase`);
    }
    const other = named.get(operationId);
    if (other) throw new Error(`${operation} and ${other} share the operationId ${operationId}`);
    named.set(operationId, operation);
    route.schema = { ...schema, response: withProblems(schema.response, method, route) };
  });
}

function withProblems(response: unknown, method: string, route: Route) {
  const declared = { ...(response as Record<string, unknown> | undefined) };
  const access = String(route.config?.access ?? 'public');
  const statuses = new Set([
    ...problemStatuses(method, route.url, access),
    ...Object.keys(declared)
      .map(Number)
      .filter((status) => status >= 400),
  ]);
  for (const status of statuses) declared[status] = problemResponse(status);
  return declared;
}
