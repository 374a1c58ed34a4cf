// npm run bench:routes -- [--seconds S] FILE...: Probity's VRPTW solver on Solomon instances
// (default: all of bench/data/vrptw/solomon, 5 s each, one at a time on one core), distances
// Euclidean in double precision. The best-known table is read only after every solve, for the
// report: gap against the best-known distance with a free fleet.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { check } from '../src/platform/routing/check.ts';
import { type Problem, type Site, solve } from '../src/platform/routing/solve.ts';

const dataDir = join(import.meta.dirname, 'data', 'vrptw');
const targets = { mean: 0.8, median: 0.5, worst: 4 };

export function readSolomon(text: string): Problem {
  const lines = text.split('\n').map((line) => line.trim());
  const vehicleAt = lines.findIndex((line) => line.startsWith('NUMBER'));
  const capacity = Number(lines[vehicleAt + 1]?.split(/\s+/)[1]);
  const sites: Site[] = lines
    .filter((line) => /^\d+(\s+\d+(\.\d+)?){6}$/.test(line))
    .map((line) => {
      const [, x, y, demand, ready, due, service] = line.split(/\s+/).map(Number) as number[];
      return { x, y, demand, ready, due, service } as Site;
    });
  const [depot, ...customers] = sites;
  if (!depot || !capacity) throw new Error('not a Solomon instance');
  return { depot, customers, capacity };
}

type Row = { name: string; vehicles: number; distance: number; seconds: number };

function solveFile(file: string, seconds: number): Row {
  const problem = readSolomon(readFileSync(file, 'utf8'));
  const started = performance.now();
  const solution = solve(problem, { timeLimitMs: seconds * 1000, seed: 1 });
  const elapsed = (performance.now() - started) / 1000;
  const checked = check(problem, solution.routes);
  if (checked.violations.length > 0) throw new Error(`${file}: ${checked.violations.join('; ')}`);
  const name = basename(file, '.txt').toUpperCase();
  return { name, vehicles: solution.routes.length, distance: checked.distance, seconds: elapsed };
}

function bestKnown(): Map<string, number> {
  const rows = readFileSync(join(dataDir, 'best-known.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split(',')).map((cells) => [cells[0] ?? '', Number(cells[4])]));
}

const pct = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} %`;

function report(rows: Row[], seconds: number): void {
  const best = bestKnown();
  console.log('instance  vehicles  distance  best-known  gap        seconds');
  const gaps: number[] = [];
  for (const row of rows) {
    const known = best.get(row.name);
    const gap = known ? (100 * (Number(row.distance.toFixed(2)) - known)) / known : Number.NaN;
    if (known) gaps.push(gap);
    const cells = [row.name.padEnd(8), String(row.vehicles).padStart(8), row.distance.toFixed(2).padStart(9)];
    cells.push(
      (known?.toFixed(2) ?? '-').padStart(10),
      pct(gap).padStart(9),
      row.seconds.toFixed(2).padStart(8),
    );
    console.log(cells.join('  '));
  }
  if (gaps.length > 0) {
    const sorted = gaps.toSorted((a, b) => a - b);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2
        ? (sorted[Math.floor(middle)] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    console.log(`mean gap ${pct(mean)} (target ≤ ${targets.mean} % at ≤ 5 s; VROOM +0.89 %)`);
    console.log(`median gap ${pct(median)} (target ≤ ${targets.median} %; VROOM +0.66 %)`);
    console.log(`worst gap ${pct(sorted.at(-1) as number)} (target ≤ ${targets.worst} %; VROOM +4.97 %)`);
    console.log(`${seconds} s per instance, ${rows.length} instances`);
  }
  for (const row of rows)
    console.log(`ROUTES ${row.name},${row.vehicles},${row.distance.toFixed(2)},${row.seconds.toFixed(2)}`);
}

export function solomonFiles(): string[] {
  const solomon = join(dataDir, 'solomon');
  return readdirSync(solomon)
    .sort()
    .map((file) => join(solomon, file));
}

/** Solves each file in turn, then prints the table against the best known. */
export function benchRoutes(files: string[], seconds: number): void {
  console.log(`\nVRPTW route solver: ${files.length} Solomon instances, ${seconds} s each`);
  const rows = files.map((file) => solveFile(file, seconds));
  report(rows, seconds);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--seconds');
  const seconds = flag >= 0 ? Number(args.splice(flag, 2)[1]) : 5;
  const files = args.length > 0 ? args : solomonFiles();
  benchRoutes(files, seconds);
}
