import { parentPort, workerData } from 'node:worker_threads';
import { solve } from './solve.ts';

// Runs one solve off the main thread; the problem comes with its travel matrix precomputed.
parentPort?.postMessage(solve(workerData.problem, workerData.options));
