import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplates } from './databases.ts';

// Vitest's global set-up: each run of the suite gets an id and a directory under .tmp where the
// test files (each in a process of its own) share the databases they build once; both the
// directory and the template databases on the server go at the end of the run.
export default async function setUp(project: TestProject) {
  const id = randomBytes(4).toString('hex');
  const directory = join(process.cwd(), '.tmp', `test-run-${id}`);
  await mkdir(directory, { recursive: true });
  project.provide('testRun', { id, directory });
  return async () => {
    await dropTemplates(id);
    await rm(directory, { recursive: true, force: true });
  };
}
