import type { Role } from './roles.ts';

// The signed-in person a request acts for.
export type Principal = {
  councilId: string;
  councilName: string;
  // The version of the council's working rules when the request was identified (migration
  // 20261203100000): pages may keep the rules they parsed for as long as it is the same.
  councilRulesVersion: number;
  personId: string;
  name: string;
  email: string;
  // The service the person works in, when they belong to one.
  serviceId: string | null;
  roles: ReadonlySet<Role>;
  // The roles the person's direct reports hold: what their team does.
  teamRoles: ReadonlySet<Role>;
  via: 'session' | 'token';
  // A read-only API token may not change anything.
  readOnly: boolean;
  sessionId?: string | undefined;
};
