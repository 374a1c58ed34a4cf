import { Worker } from 'node:worker_threads';
import { type Problem, type Solution, type SolveOptions, travelMatrix } from './problem.ts';

/** solve() on a worker thread, so a long search never blocks the event loop. */
export function solveInWorker(problem: Problem, options: SolveOptions): Promise<Solution> {
  const { travel: _travel, ...data } = problem;
  const workerData = { problem: { ...data, matrix: travelMatrix(problem) }, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData });
    worker.once('message', (solution: Solution) => {
      resolve(solution);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`route solver worker stopped with code ${code}`)));
  });
}
