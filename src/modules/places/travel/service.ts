import type { RoutingEngine, TravelMatrix } from '../../../platform/geo/travel.ts';
import { travelMatrix } from '../../../platform/geo/travel.ts';
import type { OrganisationService } from '../../organisation/service.ts';

// Travel times between the day's places for the route planner (DOMAIN.md §5 Planning): from the
// routing engine the deployment names, else straight-line estimates with the council's road factor
// and average speed (policy settings).

export type TravelDeps = { organisation: Pick<OrganisationService, 'policy'>; routing: RoutingEngine | null };
export type Point = { latitude: number; longitude: number };

export async function travelTimes(
  deps: TravelDeps,
  councilId: string,
  points: readonly Point[],
): Promise<TravelMatrix> {
  const policy = await deps.organisation.policy(councilId);
  const settings = { roadFactor: policy.travelRoadFactor, speedKmh: policy.travelSpeedKmh };
  return travelMatrix(points, settings, deps.routing);
}
