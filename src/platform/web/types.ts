import type { Access } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    // Who may use the route; every route must say (see access.ts).
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
