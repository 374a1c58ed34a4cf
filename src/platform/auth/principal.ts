import type { Role } from './roles.ts';

// The signed-in person a request acts for.
export type Principal = {
  councilId: string;
  councilName: string;
  personId: string;
  name: string;
  email: string;
  roles: ReadonlySet<Role>;
  via: 'session' | 'token';
  // A read-only API token may not change anything.
  readOnly: boolean;
  sessionId?: string | undefined;
};
