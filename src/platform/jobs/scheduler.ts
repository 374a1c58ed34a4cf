import type { FastifyBaseLogger } from 'fastify';

// Work done on a timer by every running process. A job must be safe to run in several processes
// at once (it claims what it does in the database), so no process is special.
export type Job = { name: string; everyMs: number; run(): Promise<unknown> };

export function startJobs(jobs: readonly Job[], log: FastifyBaseLogger) {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const run = job
        .run()
        .catch((error: unknown) => log.error({ err: error, job: job.name }, 'scheduled job failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const first = setTimeout(tick, 5_000);
    const every = setInterval(tick, job.everyMs);
    first.unref();
    every.unref();
    return [first, every] as const;
  });
  return {
    // Stops the timers and waits for runs in progress.
    async stop() {
      for (const [first, every] of timers) {
        clearTimeout(first);
        clearInterval(every);
      }
      await Promise.all(running);
    },
  };
}
