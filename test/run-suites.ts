// Runs the Vitest suite and the browser journeys side by side: the journeys spend most of their
// time waiting on the browser and the server, which the other suite's work fills. Vitest prints as
// it goes; the journeys' output follows it. Fails when either fails.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';

type Suite = { name: string; script: string; log?: string };

function run({ script, log }: Suite): Promise<number> {
  const child = spawn('npm', ['run', '--silent', script], {
    stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: process.env,
  });
  if (log) {
    const out = createWriteStream(log);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

await mkdir('.tmp', { recursive: true });
const journeys: Suite = { name: 'Browser journeys', script: 'test:e2e', log: '.tmp/e2e.log' };
const [unit, e2e] = await Promise.all([run({ name: 'Vitest', script: 'test:unit' }), run(journeys)]);
console.log(`\n== ${journeys.name}\n${await readFile('.tmp/e2e.log', 'utf8')}`);
if (unit !== 0 || e2e !== 0) {
  console.error(`Tests failed: Vitest exited with ${unit}, the browser journeys with ${e2e}`);
  process.exit(1);
}
