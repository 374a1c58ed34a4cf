import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateApi } from 'swagger-typescript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { personIdByEmail, tokenFor } from '../support/people.ts';

// A typed client generated from the OpenAPI document (swagger-typescript-api), and a program written
// against it (test/api-client/calls.ts): the program must type-check against the client, so that
// an operation renamed or a field removed in the document fails here, and it must run against the
// app, so that the app answers what the document says. One database is enough: this holds the
// document to the routes, which the API tests hold to both databases.

type Spec = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, Schema> }>>;
};
// The generated modules as this file sees them (they exist only once generated).
type ApiConfig = {
  baseUrl: string;
  customFetch: typeof fetch;
  baseApiParams: { headers: Record<string, string> };
};
type ApiModule = { Api: new (config: ApiConfig) => unknown };
type CallsModule = {
  complaintCalls(api: unknown, name: string): Promise<{ caseFields: string[] }>;
  customerCalls(
    api: unknown,
    name: string,
  ): Promise<{ id: string; foundIds: string[]; recordFields: string[] }>;
  refusedCall(api: unknown): Promise<unknown>;
};
type Schema = {
  content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }>;
};

const root = join(process.cwd(), '.tmp', `api-client-${randomBytes(4).toString('hex')}`);
const tsc = join(process.cwd(), 'node_modules', '.bin', 'tsc');
const tsconfig = {
  compilerOptions: {
    target: 'es2024',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2024', 'dom'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
  },
  files: ['calls.ts'],
};

// The client generated into `folder`, with the program beside it, ready to type-check.
async function generate(spec: Spec, folder: string) {
  await mkdir(folder, { recursive: true });
  await generateApi({
    spec: spec as never,
    output: folder,
    fileName: 'api.ts',
    httpClientType: 'fetch',
    moduleNameFirstTag: true,
    silent: true,
  });
  await copyFile(join(process.cwd(), 'test', 'api-client', 'calls.ts'), join(folder, 'calls.ts'));
  await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig));
}

function typeCheck(folder: string) {
  const result = spawnSync(tsc, ['-p', join(folder, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// Only the complaints and customers operations the program calls, for a quicker second client.
function complaintsAndCustomers(spec: Spec): Spec {
  const paths = Object.entries(spec.paths).filter(([path]) =>
    /^\/api\/v1\/(complaints|customers)/.test(path),
  );
  return { ...spec, paths: Object.fromEntries(paths) };
}

describe('the client generated from the OpenAPI document', () => {
  let t: TestApp;
  let spec: Spec;
  const folder = join(root, 'client');

  beforeAll(async () => {
    t = await startTestApp('pglite');
    spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Spec;
    await generate(spec, folder);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(root, { recursive: true, force: true });
  });

  // The generated client's fetch, answered by the app in this process.
  const appFetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const answer = await t.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init.headers)),
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    const headers = Object.entries(answer.headers).filter(([, value]) => typeof value === 'string');
    return new Response(answer.body || null, {
      status: answer.statusCode,
      headers: Object.fromEntries(headers) as Record<string, string>,
    });
  };

  async function clientAs(name: string) {
    const token = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo(name)));
    const { Api } = (await import(join(folder, 'api.ts'))) as ApiModule;
    return new Api({
      baseUrl: 'http://probity.test',
      customFetch: appFetch as typeof fetch,
      baseApiParams: { headers: { authorization: `Bearer ${token}` } },
    });
  }

  it('type-checks a program that calls operations by their generated names', () => {
    const checked = typeCheck(folder);
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  });

  it('runs that program against the app: each answer has what the generated types promise', async () => {
    const calls = (await import(join(folder, 'calls.ts'))) as CallsModule;
    const api = await clientAs('lucy.adeyemi');
    const complaint = await calls.complaintCalls(api, 'Colin Client');
    expect(complaint).toMatchObject({
      status: 'awaiting-triage',
      acknowledgeBy: '2026-11-27',
      mayTriage: true,
      statusAfter: 'stage-1',
      letter: { state: 'draft' },
      nextCursor: null,
    });
    expect(complaint.caseFields).toEqual(
      [
        'accounts',
        'actions',
        'complaint',
        'due',
        'improvements',
        'maxExtensionDays',
        'remedies',
        'stages',
      ].sort(),
    );
    const customer = await calls.customerCalls(api, 'Cara Client');
    expect(customer).toMatchObject({
      contactSummary: 'Asked about their complaint',
      whole: true,
      category: 'none',
      endsOn: [],
    });
    expect(customer.foundIds).toContain(customer.id);
    expect(customer.recordFields).toEqual(
      [
        'categorisations',
        'contacts',
        'customer',
        'letters',
        'restrictions',
        'reviews',
        'warning',
        'wholeRecord',
      ].sort(),
    );
    expect(await calls.refusedCall(api)).toEqual({ status: 404, title: 'Not found' });
  });

  // The case as getComplaint answers it, in a copy of the document.
  function caseRead(copy: Spec) {
    const read = copy.paths['/api/v1/complaints/{reference}']?.get;
    const schema = read?.responses?.['200']?.content?.['application/json']?.schema;
    if (!read || !schema) throw new Error('The document has no getComplaint answer');
    return { read, schema };
  }

  async function checkedAgainst(name: string, change: (copy: Spec) => void) {
    const copy = complaintsAndCustomers(structuredClone(spec));
    change(copy);
    await generate(copy, join(root, name));
    return typeCheck(join(root, name));
  }

  it('fails to type-check when the document renames an operation', async () => {
    const checked = await checkedAgainst('renamed', (copy) => {
      caseRead(copy).read.operationId = 'fetchComplaint';
    });
    expect(checked.status).not.toBe(0);
    expect(checked.output).toContain("Property 'getComplaint' does not exist");
  }, 60_000);

  it('fails to type-check when the document drops a field the program reads', async () => {
    const checked = await checkedAgainst('dropped', (copy) => {
      const { schema } = caseRead(copy);
      expect(schema.properties).toHaveProperty('due');
      delete schema.properties?.due;
      schema.required = (schema.required ?? []).filter((name) => name !== 'due');
    });
    expect(checked.status).not.toBe(0);
    expect(checked.output).toContain("Property 'due' does not exist");
  }, 60_000);
});
