import type { Principal } from '../../platform/auth/principal.ts';
import type { RoutingEngine } from '../../platform/geo/travel.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { importGazetteer } from './gazetteer/importing.ts';
import { locateMany, type PlaceQuery } from './gazetteer/locating.ts';
import { atPostcode, importNamed, summary } from './gazetteer/reading.ts';
import { type Point, travelTimes } from './travel/service.ts';

// The places module's public face: the council's gazetteer (its LLPG's addresses with their
// positions), placing addresses in it, and travel times between places, for the route planner
// (DOMAIN.md §5 Planning). Other modules import only this file.

export type { TravelMatrix } from '../../platform/geo/travel.ts';
export type { DemoAddress } from './demo/district.ts';
export { demoGazetteer } from './demo/district.ts';
export { seedDemoGazetteer } from './demo/seed.ts';
export type { ImportReport } from './gazetteer/importing.ts';
export { reportText } from './gazetteer/importing.ts';
export type { Located, PlaceQuery } from './gazetteer/locating.ts';
export type { Place } from './gazetteer/repository.ts';
export type { Point } from './travel/service.ts';

export type PlacesDeps = Pick<ModuleDeps, 'db' | 'clock'> & {
  organisation: Pick<ModuleDeps['organisation'], 'policy'>;
  // The routing engine the deployment names (config ROUTING_ENGINE), or none.
  routing: RoutingEngine | null;
};

export type PlacesService = ReturnType<typeof placesService>;

export function placesService(deps: PlacesDeps) {
  return {
    // Imports a council's LLPG export (CSV): all of it, or nothing with each bad row's line.
    importCsv: (principal: Principal, csv: string, requestId?: string) =>
      importGazetteer(deps, principal, csv, requestId),
    summary: (councilId: string) => summary(deps.db, councilId),
    importNamed: (councilId: string, id: string) => importNamed(deps.db, councilId, id),
    atPostcode: (councilId: string, postcode: string) => atPostcode(deps.db, councilId, postcode),
    // An address's place: by UPRN first, then by the address at its postcode.
    locate: async (councilId: string, query: PlaceQuery) => {
      const [located] = await locateMany(deps.db, councilId, [query]);
      if (!located) throw new Error('locateMany answers every query');
      return located;
    },
    // Many addresses at once (a day's visits), in the order given, in one read.
    locateMany: (councilId: string, queries: readonly PlaceQuery[]) =>
      locateMany(deps.db, councilId, queries),
    // Seconds between every pair of points, seconds[from][to].
    travelTimes: (councilId: string, points: readonly Point[]) => travelTimes(deps, councilId, points),
  };
}
