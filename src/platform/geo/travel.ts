// Travel times between points, for the route planner: from a routing engine the council runs (OSRM
// or Valhalla), or, without one or when it fails, from the straight-line distance stretched by a
// road factor and driven at an average speed. Every matrix is square and row-major as nested arrays:
// seconds[from][to], in the order the points were given, with 0 on the diagonal.
import type { LatLon } from './osgb.ts';

export type TravelSettings = {
  // Road distance over straight-line distance (about 1.3 in towns).
  roadFactor: number;
  // Average driving speed, stops and junctions included.
  speedKmh: number;
};

export type TravelSource = 'straight-line' | 'osrm' | 'valhalla';
export type TravelMatrix = { seconds: number[][]; source: TravelSource; note?: string };
export type RoutingEngine = { kind: 'osrm' | 'valhalla'; url: string; timeoutMs?: number };

const earthRadiusMetres = 6_371_008.8;
const defaultTimeoutMs = 10_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

// The great-circle distance on a sphere of the Earth's mean radius (haversine formula).
export function haversineMetres(from: LatLon, to: LatLon): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Seconds to drive between two points: straight-line metres × road factor ÷ speed.
export function straightLineSeconds(from: LatLon, to: LatLon, settings: TravelSettings): number {
  const metresPerSecond = (settings.speedKmh * 1000) / 3600;
  return (haversineMetres(from, to) * settings.roadFactor) / metresPerSecond;
}

export function straightLineMatrix(points: readonly LatLon[], settings: TravelSettings): number[][] {
  return points.map((from, i) =>
    points.map((to, j) => (i === j ? 0 : straightLineSeconds(from, to, settings))),
  );
}

// A rows × columns grid of finite, non-negative numbers; anything else is refused.
function gridOrNull(rows: unknown, size: number, columns: number): number[][] | null {
  if (!Array.isArray(rows) || rows.length !== size) return null;
  const matrix: number[][] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== columns) return null;
    if (!row.every((cell) => typeof cell === 'number' && Number.isFinite(cell) && cell >= 0)) return null;
    matrix.push(row as number[]);
  }
  return matrix;
}

async function postOrGet(url: string, timeoutMs: number, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
  return response.json();
}

const baseOf = (url: string) => url.replace(/\/+$/, '');

// OSRM's table service: GET /table/v1/driving/{lon,lat;…}?annotations=duration answers
// { code: 'Ok', durations: [[seconds | null]] }, a null where no route was found; with sources and
// destinations (indexes into the coordinates) it answers those rows and columns only.
async function osrmBlock(engine: RoutingEngine, from: readonly LatLon[], to: readonly LatLon[] | null) {
  const all = to ? [...from, ...to] : from;
  const coordinates = all.map((p) => `${p.longitude},${p.latitude}`).join(';');
  const indexes = (start: number, count: number) =>
    Array.from({ length: count }, (_, k) => start + k).join(';');
  const block = to
    ? `&sources=${indexes(0, from.length)}&destinations=${indexes(from.length, to.length)}`
    : '';
  const url = `${baseOf(engine.url)}/table/v1/driving/${coordinates}?annotations=duration${block}`;
  const answer = (await postOrGet(url, engine.timeoutMs ?? defaultTimeoutMs)) as {
    code?: unknown;
    durations?: unknown;
  } | null;
  if (answer?.code !== 'Ok') throw new Error(`answered ${String(answer?.code ?? 'without a code')}`);
  return gridOrNull(answer.durations, from.length, (to ?? from).length);
}

type ValhallaCell = { time?: unknown } | null;

// Valhalla's matrix service: POST /sources_to_targets with sources, targets and costing answers
// { sources_to_targets: [[{ time, distance, from_index, to_index }]] } in rows by source (time in
// seconds, null where no route was found), or with verbose: false { sources_to_targets: { durations } }.
async function valhallaBlock(engine: RoutingEngine, from: readonly LatLon[], to: readonly LatLon[] | null) {
  const located = (points: readonly LatLon[]) => points.map((p) => ({ lat: p.latitude, lon: p.longitude }));
  const body = { sources: located(from), targets: located(to ?? from), costing: 'auto' };
  const answer = (await postOrGet(
    `${baseOf(engine.url)}/sources_to_targets`,
    engine.timeoutMs ?? defaultTimeoutMs,
    body,
  )) as {
    sources_to_targets?: unknown;
  } | null;
  const matrix = answer?.sources_to_targets;
  const columns = (to ?? from).length;
  if (matrix && !Array.isArray(matrix) && typeof matrix === 'object')
    return gridOrNull((matrix as { durations?: unknown }).durations, from.length, columns);
  if (!Array.isArray(matrix)) return null;
  const rows = matrix.map((row) =>
    Array.isArray(row) ? row.map((cell: ValhallaCell) => (cell ? cell.time : null)) : null,
  );
  return gridOrNull(rows, from.length, columns);
}

// Engines answer at most so many places a request (OSRM's default table size is 100, Valhalla's
// 2,500 pairs): a larger matrix is asked for in blocks of this many sources by as many targets.
const blockSize = 50;
type Block = (
  engine: RoutingEngine,
  from: readonly LatLon[],
  to: readonly LatLon[] | null,
) => Promise<number[][] | null>;

async function blockwise(engine: RoutingEngine, points: readonly LatLon[], block: Block) {
  if (points.length <= blockSize) return block(engine, points, null);
  const seconds = points.map(() => new Array<number>(points.length).fill(0));
  for (let i = 0; i < points.length; i += blockSize)
    for (let j = 0; j < points.length; j += blockSize) {
      const from = points.slice(i, i + blockSize);
      const rows = await block(engine, from, i === j ? null : points.slice(j, j + blockSize));
      if (!rows) return null;
      for (const [a, row] of rows.entries()) (seconds[i + a] as number[]).splice(j, row.length, ...row);
    }
  return seconds;
}

const engines = { osrm: osrmBlock, valhalla: valhallaBlock };
const engineNames = { osrm: 'OSRM', valhalla: 'Valhalla' };

// Travel times from the configured engine, or straight-line times when there is none, it cannot be
// reached in time, or it leaves a pair without a time; the note says why the engine was not used.
export async function travelMatrix(
  points: readonly LatLon[],
  settings: TravelSettings,
  engine: RoutingEngine | null,
): Promise<TravelMatrix> {
  const fallback = (note?: string): TravelMatrix => ({
    seconds: straightLineMatrix(points, settings),
    source: 'straight-line',
    ...(note ? { note } : {}),
  });
  if (!engine || points.length < 2) return fallback();
  const name = engineNames[engine.kind];
  try {
    const seconds = await blockwise(engine, points, engines[engine.kind]);
    if (seconds) return { seconds, source: engine.kind };
    return fallback(
      `${name} left some pairs of places without a travel time, so straight-line estimates are used`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fallback(`${name} could not be used (${reason}), so straight-line estimates are used`);
  }
}
