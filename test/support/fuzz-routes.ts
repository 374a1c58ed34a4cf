import fc from 'fast-check';
import type { RouteAccess } from '../../src/platform/web/access.ts';
import { fromSchema, type JsonSchema, nastyJson, nastyText, rawBodies } from './fuzz-inputs.ts';

// What a crawl of the app as a signed-in person found: values seen for each path parameter (by
// the route up to that parameter, so /gifts/:id and /people/:id keep their own ids), the fields of
// each form and their values, and every id on any page.
export type Findings = {
  params: Map<string, Set<string>>;
  fields: Map<string, Map<string, Set<string>>>;
  ids: Set<string>;
};

export type Identity = 'anonymous' | 'session' | 'token';
export type FuzzRequest = {
  method: string;
  url: string;
  contentType: string | null;
  payload: string | Buffer | null;
};

type Page = { body: string };
type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>> };
type OpenApiOperation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const commonQueryNames = ['limit', 'cursor', 'status', 'sort', 'q', 'year', 'from', 'to', 'service', 'next'];

export function routePattern(url: string): RegExp {
  const segments = url.split('/').map((segment) => {
    if (segment === '*') return '(.*)';
    if (segment.startsWith(':')) return '([^/?#]+)';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}

// The route up to and including each of its parameters: '/gifts/:id/amend' -> ['/gifts/:id'].
function paramContexts(url: string): string[] {
  const segments = url.split('/');
  return segments.flatMap((segment, index) =>
    segment.startsWith(':') || segment === '*' ? [segments.slice(0, index + 1).join('/')] : [],
  );
}

// Visits the pages a person can reach from the routes without parameters, at most two addresses
// per route and `limit` pages in all, noting what each page offers.
export async function crawl(
  routes: readonly RouteAccess[],
  get: (url: string) => Promise<Page>,
  limit: number,
): Promise<Findings> {
  const findings: Findings = { params: new Map(), fields: new Map(), ids: new Set() };
  const pages = routes.filter((route) => route.method === 'GET' && !/[:*]/.test(route.url));
  const queue = pages.map((route) => route.url).filter((url) => !url.startsWith('/api/docs'));
  const visits = new Map<string, number>();
  for (let fetched = 0; queue.length && fetched < limit; fetched++) {
    const url = queue.shift() as string;
    const page = await get(url);
    for (const link of note(findings, routes, url, page.body)) {
      const route = routes.find(
        (candidate) => candidate.method === 'GET' && routePattern(candidate.url).test(link),
      );
      const seen = route ? (visits.get(route.url) ?? 0) : 2;
      if (route && seen < 2 && !queue.includes(link)) {
        visits.set(route.url, seen + 1);
        queue.push(link);
      }
    }
  }
  return findings;
}

// Notes the ids, links, path parameters and form fields of a page; returns its links.
function note(findings: Findings, routes: readonly RouteAccess[], url: string, body: string): string[] {
  for (const id of body.match(uuidPattern) ?? []) findings.ids.add(id);
  const links = [...body.matchAll(/(?:href|action)="(\/[^"]*)"/g)].map(
    (match) => (match[1] as string).replaceAll('&amp;', '&').split('#')[0] as string,
  );
  for (const link of links) noteParams(findings, routes, link.split('?')[0] as string);
  for (const form of body.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)) {
    const action = /action="(\/[^"]*)"/.exec(form[0])?.[1]?.replaceAll('&amp;', '&') ?? url;
    const route = routes.find(
      (candidate) => candidate.method === 'POST' && routePattern(candidate.url).test(action),
    );
    if (route) noteFields(findings, route.url, form[1] as string);
  }
  return links.filter((link) => !link.startsWith('/static/') && !link.startsWith('/assets/'));
}

function noteParams(findings: Findings, routes: readonly RouteAccess[], path: string) {
  for (const route of routes) {
    const values = routePattern(route.url).exec(path)?.slice(1);
    if (!values) continue;
    paramContexts(route.url).forEach((context, index) => {
      const seen = findings.params.get(context) ?? new Set();
      seen.add(values[index] as string);
      findings.params.set(context, seen);
    });
  }
}

function noteFields(findings: Findings, routeUrl: string, form: string) {
  const fields = findings.fields.get(routeUrl) ?? new Map<string, Set<string>>();
  findings.fields.set(routeUrl, fields);
  const add = (name: string, value: string) => {
    if (name === '_csrf') return;
    fields.set(name, (fields.get(name) ?? new Set()).add(value.replaceAll('&amp;', '&')));
  };
  for (const input of form.matchAll(/<(?:input|textarea)[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (name) add(name, /value="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  for (const select of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    for (const option of (select[2] as string).matchAll(/value="([^"]*)"/g))
      add(select[1] as string, option[1] as string);
  }
}

// Requests for one route: its path parameters as seen or nasty, a query string of nasty values,
// and for a method with a body, a near-valid body of the route's fields or schema in one of
// several encodings, or a body no route should accept.
export function requestsFor(
  route: RouteAccess,
  context: { findings: Findings; openApi: OpenApi; csrf: string | null; excluded: ReadonlySet<string> },
): fc.Arbitrary<FuzzRequest> {
  const operation = context.openApi.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  return fc
    .tuple(
      pathFor(route.url, context),
      queryFor(operation),
      hasBody ? bodyFor(route, operation, context) : fc.constant(null),
    )
    .map(([path, query, body]) => ({
      method: route.method,
      url: `${path}${query}`,
      contentType: body?.[0] ?? null,
      payload: body?.[1] ?? null,
    }));
}

function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

const nastySegments = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '019a0000-0000-7000-8000-000000000000',
  'x'.repeat(5000),
  '%00',
  '%ED%A0%80',
  '%E2%80%AE',
  '..%2F..%2Fpackage.json',
  '%2F',
  '-1',
  '1e309',
  'CMP-2026-9999',
  '%27%20or%201%3D1%20--',
  '%F0%9F%92%A9',
];

function pathFor(url: string, context: { findings: Findings; excluded: ReadonlySet<string> }) {
  const contexts = paramContexts(url);
  const values = contexts.map((key) => {
    const seen = [...(context.findings.params.get(key) ?? [])].filter(
      (value) => !context.excluded.has(value),
    );
    const nasty = fc.constantFrom(...nastySegments);
    return seen.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seen) }, nasty) : nasty;
  });
  return fc.tuple(...values).map((chosen) => {
    let index = 0;
    return url
      .split('/')
      .map((segment) => (segment.startsWith(':') || segment === '*' ? (chosen[index++] as string) : segment))
      .join('/');
  });
}

function queryFor(operation: OpenApiOperation | undefined) {
  const names = [
    ...commonQueryNames,
    ...(operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  ];
  const pair = fc
    .tuple(fc.constantFrom(...names), nastyText)
    .map(
      ([name, value]) =>
        `${name}=${value.startsWith('%') ? value : encodeURIComponent(value.isWellFormed() ? value : value.toWellFormed())}`,
    );
  const raw = fc.constantFrom(
    'limit=-1',
    'limit=100000000',
    'cursor=%',
    'cursor=e30',
    'a=1&a=2',
    'a[b]=1',
    '%zz=1',
  );
  return fc
    .option(fc.array(fc.oneof(pair, raw), { minLength: 1, maxLength: 3 }), { freq: 2 })
    .map((pairs) => (pairs ? `?${pairs.join('&')}` : ''));
}

type Body = readonly [string, string | Buffer];

function bodyFor(
  route: RouteAccess,
  operation: OpenApiOperation | undefined,
  context: { findings: Findings; csrf: string | null },
): fc.Arbitrary<Body> {
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  const ids = [...context.findings.ids];
  const fields = formFields(route, context.findings);
  const csrf = context.csrf ? { _csrf: context.csrf } : {};
  const asJson = schema ? fromSchema(schema, ids) : fields.map((values) => ({ ...values, ...csrf }));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: asJson.map((value): Body => ['application/json', JSON.stringify(value) ?? 'null']),
    },
    {
      weight: 3,
      arbitrary: fields.map(
        (values): Body => ['application/x-www-form-urlencoded', urlEncoded({ ...values, ...csrf })],
      ),
    },
    {
      weight: 1,
      arbitrary: fields.map(
        (values): Body => ['multipart/form-data; boundary=fuzz', multipart({ ...values, ...csrf })],
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...rawBodies) },
  );
}

// The route's own form fields as seen on its page (or every form's, when none was seen), each
// with a value seen for it or a nasty one, sometimes repeated or given as a list.
function formFields(route: RouteAccess, findings: Findings): fc.Arbitrary<Record<string, unknown>> {
  const own = findings.fields.get(route.url);
  const fields = own?.size ? own : mergedFields(findings);
  const entries = [...fields].map(([name, values]) => {
    const seen = [...values];
    const value = fc.oneof(
      { weight: 4, arbitrary: seen.length ? fc.constantFrom(...seen) : nastyText },
      { weight: 2, arbitrary: nastyText },
      { weight: 1, arbitrary: nastyJson },
    );
    return [name, value] as const;
  });
  if (!entries.length) return fc.dictionary(nastyText, nastyJson, { maxKeys: 4 });
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
}

function mergedFields(findings: Findings) {
  const all = new Map<string, Set<string>>();
  for (const fields of findings.fields.values()) {
    for (const [name, values] of fields) all.set(name, new Set([...(all.get(name) ?? []), ...values]));
  }
  return all;
}

function urlEncoded(values: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const item of [value].flat())
      form.append(name, typeof item === 'string' ? item.toWellFormed() : (JSON.stringify(item) ?? ''));
  }
  return form.toString();
}

function multipart(values: Record<string, unknown>): Buffer {
  const parts = Object.entries(values).map(
    ([name, value]) =>
      `--fuzz\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '')}"\r\n\r\n${typeof value === 'string' ? value : JSON.stringify(value)}\r\n`,
  );
  return Buffer.from(`${parts.join('')}--fuzz--\r\n`);
}
