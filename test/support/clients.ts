import type { TestApp } from './app.ts';

type Client = ReturnType<TestApp['client']>;

export const demo = (name: string) => `${name}@demo.probity.test`;

// A browser for each demo person a test acts as, signed in the first time it is asked for.
// The app is passed as a getter because tests start it in beforeAll. `forget` starts afresh, for
// tests that move the clock past the sessions' idle limit.
export function demoClients(app: () => TestApp) {
  const signedIn = new Map<string, Client>();
  const client = async (name: string): Promise<Client> => {
    let browser = signedIn.get(name);
    if (!browser) {
      browser = app().client();
      await browser.signIn(demo(name));
      signedIn.set(name, browser);
    }
    return browser;
  };
  return Object.assign(client, { forget: () => signedIn.clear() });
}

// The id of a demo person, for forms that choose people by id.
export async function demoPersonId(t: TestApp, name: string): Promise<string> {
  const person = await t.db
    .selectFrom('person')
    .select('id')
    .where('council_id', '=', t.councilId)
    .where('email', '=', demo(name))
    .executeTakeFirstOrThrow();
  return person.id;
}
