import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export function healthRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/health/live', { config: { access: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: 'reachable' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
