import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres, straightLineMatrix, straightLineSeconds, travelMatrix } from './travel.ts';

// Route planning (DOMAIN.md §5 Planning): travel times between the day's visits.

const urban = { roadFactor: 1.3, speedKmh: 25 };
const market = { latitude: 52.0, longitude: -1.0 };
// One kilometre north: a degree of latitude is 111.195 km on the mean sphere.
const northKm = { latitude: 52.0 + 1 / 111.195, longitude: -1.0 };

describe('straight-line distance (haversine)', () => {
  it.each([
    ['a point to itself', market, market, 0, 0.001],
    ['a kilometre north', market, northKm, 1000, 0.5],
    [
      'London to Edinburgh',
      { latitude: 51.5074, longitude: -0.1278 },
      { latitude: 55.9533, longitude: -3.1883 },
      534_000,
      2000,
    ],
    [
      'a degree of longitude on the equator',
      { latitude: 0, longitude: 0 },
      { latitude: 0, longitude: 1 },
      111_195,
      1,
    ],
  ])('%s', (_what, from, to, metres, within) => {
    expect(Math.abs(haversineMetres(from, to) - metres)).toBeLessThanOrEqual(within);
  });
});

describe('straight-line travel time: distance × road factor ÷ speed', () => {
  it.each([
    // 1 km × 1.3 at 25 km/h = 1.3 km / 6.944 m/s = 187.2 s
    [urban, 187.2],
    [{ roadFactor: 1, speedKmh: 36 }, 100],
    [{ roadFactor: 1.5, speedKmh: 30 }, 180],
  ])('%j: %d seconds a kilometre', (settings, seconds) => {
    expect(straightLineSeconds(market, northKm, settings)).toBeCloseTo(seconds, 0);
  });

  it('is a square, symmetric matrix with zero on the diagonal, in the order given', () => {
    const points = [market, northKm, { latitude: 52.0, longitude: -0.99 }];
    const matrix = straightLineMatrix(points, urban);
    expect(matrix).toHaveLength(3);
    for (const [i, row] of matrix.entries()) {
      expect(row).toHaveLength(3);
      expect(row[i]).toBe(0);
      for (const [j, cell] of row.entries()) expect(cell).toBeCloseTo(matrix[j]?.[i] ?? Number.NaN, 9);
    }
    expect(matrix[0]?.[1]).toBeCloseTo(187.2, 0);
  });

  it('needs no engine for none or one point', async () => {
    expect(await travelMatrix([], urban, null)).toEqual({ seconds: [], source: 'straight-line' });
    expect(await travelMatrix([market], urban, { kind: 'osrm', url: 'http://127.0.0.1:9' })).toEqual({
      seconds: [[0]],
      source: 'straight-line',
    });
  });
});

// A stand-in routing engine on loopback that answers as OSRM's table service and Valhalla's matrix
// service do, or fails as told.
type Mode = 'ok' | 'nulls' | 'error' | 'slow';
type Seen = { method: string; url: string; body: string };

function engineServer() {
  const state: { mode: Mode; seen: Seen[] } = { mode: 'ok', seen: [] };
  const answer = (request: IncomingMessage, body: string, response: ServerResponse) => {
    state.seen.push({ method: request.method ?? '', url: request.url ?? '', body });
    if (state.mode === 'slow') return; // never answers
    if (state.mode === 'error') return response.writeHead(503).end('busy');
    const url = new URL(request.url ?? '/', 'http://engine');
    const json = url.pathname.startsWith('/table/v1/driving/')
      ? osrm(url, state.mode)
      : valhalla(body, state.mode);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => answer(request, body, response));
  });
  return { server, state };
}

// Ten seconds for each thousandth of a degree north or east between two places.
type At = { lat: number; lon: number };
const timeBetween = (a: At, b: At) =>
  Math.round((Math.abs(a.lat - b.lat) + Math.abs(a.lon - b.lon)) * 1000) * 10;
const indexesOf = (list: string | null, count: number) =>
  list ? list.split(';').map(Number) : Array.from({ length: count }, (_, k) => k);

function osrm(url: URL, mode: Mode) {
  const places = (url.pathname.split('/').pop() ?? '').split(';').map((pair) => {
    const [lon = 0, lat = 0] = pair.split(',').map(Number);
    return { lat, lon };
  });
  const sources = indexesOf(url.searchParams.get('sources'), places.length);
  const destinations = indexesOf(url.searchParams.get('destinations'), places.length);
  const durations = sources.map((i, a) =>
    destinations.map((j, b) =>
      mode === 'nulls' && a === 0 && b === 1 ? null : timeBetween(places[i] as At, places[j] as At),
    ),
  );
  return { code: 'Ok', durations, sources: [], destinations: [] };
}

function valhalla(body: string, mode: Mode) {
  const { sources, targets } = JSON.parse(body) as { sources: At[]; targets: At[] };
  return {
    sources_to_targets: sources.map((from, i) =>
      targets.map((to, j) => ({
        from_index: i,
        to_index: j,
        time: mode === 'nulls' && i === 1 && j === 0 ? null : timeBetween(from, to),
        distance: timeBetween(from, to) / 100,
      })),
    ),
    units: 'kilometers',
  };
}

describe('routing engines', () => {
  const { server, state } = engineServer();
  let url = '';
  const points = [market, { latitude: 52.009, longitude: -1 }, { latitude: 52.01, longitude: -1.01 }];
  const expected = [
    [0, 90, 200],
    [90, 0, 110],
    [200, 110, 0],
  ];

  beforeAll(async () => {
    await new Promise<void>((resolve) => (server as Server).listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads OSRM’s table of durations, asking with longitude before latitude', async () => {
    state.mode = 'ok';
    state.seen = [];
    expect(await travelMatrix(points, urban, { kind: 'osrm', url })).toEqual({
      seconds: expected,
      source: 'osrm',
    });
    expect(state.seen).toEqual([
      {
        method: 'GET',
        url: '/table/v1/driving/-1,52;-1,52.009;-1.01,52.01?annotations=duration',
        body: '',
      },
    ]);
  });

  it('reads Valhalla’s sources_to_targets rows, posting the locations as sources and targets', async () => {
    state.mode = 'ok';
    state.seen = [];
    expect(await travelMatrix(points, urban, { kind: 'valhalla', url })).toEqual({
      seconds: expected,
      source: 'valhalla',
    });
    const [seen] = state.seen;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/sources_to_targets');
    const body = JSON.parse(seen?.body ?? '{}') as {
      sources: unknown[];
      targets: unknown[];
      costing: string;
    };
    expect(body.costing).toBe('auto');
    expect(body.sources).toEqual([
      { lat: 52, lon: -1 },
      { lat: 52.009, lon: -1 },
      { lat: 52.01, lon: -1.01 },
    ]);
    expect(body.targets).toEqual(body.sources);
  });

  it.each([
    ['osrm', 'nulls', 'OSRM left some pairs of places without a travel time'],
    ['valhalla', 'nulls', 'Valhalla left some pairs of places without a travel time'],
    ['osrm', 'error', 'OSRM could not be used (answered HTTP 503)'],
    ['valhalla', 'error', 'Valhalla could not be used (answered HTTP 503)'],
    ['osrm', 'slow', 'OSRM could not be used ('],
  ] as const)('falls back to straight lines when %s answers with %s', async (kind, mode, note) => {
    state.mode = mode;
    const result = await travelMatrix(points, urban, { kind, url, timeoutMs: 300 });
    expect(result.source).toBe('straight-line');
    expect(result.note).toContain(note);
    expect(result.note).toContain('straight-line estimates are used');
    expect(result.seconds).toEqual(straightLineMatrix(points, urban));
  });

  it.each(['osrm', 'valhalla'] as const)(
    'asks %s for a large matrix in blocks the engine accepts',
    async (kind) => {
      state.mode = 'ok';
      state.seen = [];
      const many = Array.from({ length: 120 }, (_, k) => ({
        latitude: 52 + k / 1000,
        longitude: -1 - (k % 7) / 1000,
      }));
      const result = await travelMatrix(many, urban, { kind, url });
      expect(result.source).toBe(kind);
      const at = (k: number) => ({ lat: many[k]?.latitude ?? 0, lon: many[k]?.longitude ?? 0 });
      expect(result.seconds).toEqual(many.map((_, i) => many.map((_, j) => timeBetween(at(i), at(j)))));
      // 120 places in blocks of 50: three by three requests, none over a hundred places.
      expect(state.seen).toHaveLength(9);
    },
  );

  it('falls back when nothing listens at the address', async () => {
    const result = await travelMatrix(points, urban, {
      kind: 'osrm',
      url: 'http://127.0.0.1:9',
      timeoutMs: 500,
    });
    expect(result.source).toBe('straight-line');
    expect(result.note).toMatch(/^OSRM could not be used/);
  });
});
