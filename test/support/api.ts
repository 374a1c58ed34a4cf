import { expect } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import type { TestApp } from './app.ts';
import { addTestPerson, personIdByEmail, tokenFor } from './people.ts';

type Response = { statusCode: number; headers: Record<string, unknown> };

export function expectProblem(response: Response, status: number) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
}

// Calls the API as a demo person, with an API token made for them the first time.
// The app is passed as a getter because tests start it in beforeAll.
export function demoApi(app: () => TestApp) {
  const tokens = new Map<string, Promise<string>>();
  return async (name: string, method: string, url: string, body?: unknown) => {
    const t = app();
    let token = tokens.get(name);
    if (!token) {
      token = personIdByEmail(t.db, `${name}@demo.probity.test`).then((id) =>
        tokenFor(t.db, t.councilId, id),
      );
      tokens.set(name, token);
    }
    return t.client().api(method, url, body, await token);
  };
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { key: string; message: string }[];
};

// Someone in another council who holds every role that sees a whole register, and can sign in
// with testPassword.
export async function outsider(t: TestApp, slug = 'other') {
  const other = await t.db
    .transaction()
    .execute((trx) =>
      createCouncil(
        trx,
        { name: 'Other Borough', slug, division: 'england-and-wales', directorates: [] },
        new Date(),
      ),
    );
  const email = `outsider@${slug}.test`;
  const personId = await addTestPerson(t.db, other.councilId, {
    email,
    roles: ['officer', 'hr', 'audit', 'monitoring-officer'],
  });
  return { councilId: other.councilId, personId, email };
}

export async function outsiderToken(t: TestApp, slug = 'other'): Promise<string> {
  const { councilId, personId } = await outsider(t, slug);
  return tokenFor(t.db, councilId, personId);
}
