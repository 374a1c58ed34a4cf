import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: TestRun;
  }
}

// Each run of the suite has an id and a directory of its own under .tmp (test/support/global-setup.ts).
export type TestRun = { id: string; directory: string };

export function testRun(): TestRun {
  return inject('testRun');
}

// Builds `name` once in the run, whichever test file asks first: that process takes the lock
// (a file only one process can create) and builds; the others wait for it to be marked done, or
// failed, so a broken build fails every file that needs it rather than leaving them waiting.
export async function oncePerRun(name: string, build: () => Promise<void>): Promise<void> {
  const marker = join(testRun().directory, name);
  try {
    await writeFile(`${marker}.lock`, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return waitFor(marker);
  }
  try {
    await build();
    await writeFile(`${marker}.done`, '');
  } catch (error) {
    await writeFile(`${marker}.failed`, String(error));
    throw error;
  }
}

async function waitFor(marker: string): Promise<void> {
  for (;;) {
    if (await exists(`${marker}.done`)) return;
    if (await exists(`${marker}.failed`)) {
      throw new Error(`Building ${marker} failed: ${await readFile(`${marker}.failed`, 'utf8')}`);
    }
    await sleep(100);
  }
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}
