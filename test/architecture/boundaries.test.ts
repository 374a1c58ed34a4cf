import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossings } from './boundaries.ts';

const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));
const badFixture = fileURLToPath(new URL('./fixtures/src/', import.meta.url));

// Resolving who is asking (session or token, person, roles, council and its rules version) is one
// prepared statement on every request's path, so platform/auth reads those identity tables itself.
const allowedReads = { 'platform/auth': ['council', 'council_policy', 'person', 'person_role'] };

const described = (found: ReturnType<typeof crossings>) =>
  found.map((c) => `${c.kind} ${c.file} ${c.detail}`);

describe('boundaries between modules', () => {
  it('no module or platform area names another owner’s table, reaches past a module’s service, or depends in a circle', () => {
    expect(described(crossings(srcRoot, allowedReads))).toEqual([]);
  });

  it('finds a module reading another’s table, an import past a service, platform reaching a module, and a circle', () => {
    expect(described(crossings(badFixture))).toEqual([
      'table modules/beta/service.ts alpha_thing (owned by modules/alpha)',
      'import modules/beta/service.ts modules/alpha/repository.ts',
      'import platform/things/notes.ts modules/alpha/service.ts',
      'cycle modules/alpha modules/alpha → modules/beta → modules/alpha',
    ]);
  });
});
