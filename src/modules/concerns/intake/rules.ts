import type { PolicySettings } from '../../organisation/service.ts';
import { type CategoryCode, categories, type Route, routes } from '../categories.ts';

// Who looks into a concern (DOMAIN.md §6, 002 §12): the route the council set for its category,
// never a person the reporter named as involved nor anyone in that person's line-management chain
// (above them or below them), so that nobody investigates themselves, their manager or their own
// staff. When nobody on a route is free of the concern, it falls to the next route.

export type Candidate = { personId: string; roles: readonly Route[] };
export type Involved = { personId: string; managers: readonly string[]; reports: readonly string[] };

// 002 §12 lists the director of audit, HR and the monitoring officer as equal channels; when a
// route cannot take a concern, the one least tied to it takes it.
const fallbacks: Record<Route, readonly Route[]> = {
  audit: ['monitoring-officer', 'hr'],
  hr: ['monitoring-officer', 'audit'],
  'monitoring-officer': ['audit', 'hr'],
};

export function routeOf(category: CategoryCode, policy: PolicySettings): Route {
  const setting = categories.find((c) => c.code === category)?.setting;
  const chosen = setting ? policy[setting] : 'monitoring-officer';
  return (routes as readonly string[]).includes(String(chosen)) ? (chosen as Route) : 'monitoring-officer';
}

// Everyone a concern must not reach: the people named and their whole line.
export function excludedPeople(involved: readonly Involved[]): Set<string> {
  return new Set(involved.flatMap((person) => [person.personId, ...person.managers, ...person.reports]));
}

// The routes a reporter may choose from: those with someone free of the concern.
export function allowedRoutes(candidates: readonly Candidate[], excluded: ReadonlySet<string>): Route[] {
  return routes.filter((route) =>
    candidates.some((candidate) => candidate.roles.includes(route) && !excluded.has(candidate.personId)),
  );
}

export type Assignment = { route: Route; investigatorId: string } | { problem: string };

// The route and investigator: the reporter's choice when allowed, else the category's route, else
// its fallbacks in turn; the first free holder of the route (candidates come in a stable order).
export function assign(input: {
  category: CategoryCode;
  policy: PolicySettings;
  candidates: readonly Candidate[];
  involved: readonly Involved[];
  chosenRoute: Route | null;
}): Assignment {
  const excluded = excludedPeople(input.involved);
  const allowed = allowedRoutes(input.candidates, excluded);
  if (input.chosenRoute && !allowed.includes(input.chosenRoute))
    return {
      problem:
        'Nobody in that role can look into this concern, as it is about them or their line. Choose another',
    };
  const preferred = routeOf(input.category, input.policy);
  const order = input.chosenRoute ? [input.chosenRoute] : [preferred, ...fallbacks[preferred]];
  for (const route of order) {
    const free = input.candidates.find(
      (candidate) => candidate.roles.includes(route) && !excluded.has(candidate.personId),
    );
    if (free) return { route, investigatorId: free.personId };
  }
  return {
    problem: 'Nobody at the council can look into this concern. Contact the independent hotline instead',
  };
}
