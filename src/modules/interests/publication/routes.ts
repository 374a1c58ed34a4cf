import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csvLine } from '../../../platform/web/csv.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { NotPublished } from './service.ts';

// An unknown slug, however odd, is a council not found.
const councilSlug = (request: FastifyRequest) =>
  paramsOf(request, z.object({ council: z.string() }), 'No such council').council;

// The public register of senior officers' interests and its open-data files: no account needed,
// only the published fields.
export function publicationRoutes(app: FastifyInstance, { publication }: InterestsRouteDeps) {
  app.get('/public/:council/interests', { config: { access: 'public' } }, async (request, reply) => {
    const slug = councilSlug(request);
    const register = await publication.register(slug).catch((error: unknown) => {
      if (error instanceof NotPublished) return error;
      throw error;
    });
    if (register instanceof NotPublished) {
      reply.code(404);
      return render(request, reply, 'interests/publication/views/not-published.njk', {
        title: 'Register of senior officers’ interests',
        councilName: register.councilName,
      });
    }
    return render(request, reply, 'interests/publication/views/published.njk', {
      title: 'Register of senior officers’ interests',
      slug,
      ...register,
    });
  });

  app.get('/public/:council/interests.csv', { config: { access: 'public' } }, async (request, reply) => {
    const { columns, rows } = await publication.register(councilSlug(request));
    const lines = rows.map((row) => csvLine(columns.map((column) => row[column.field])));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="senior-officers-interests.csv"')
      .send(`\uFEFF${csvLine(columns.map((column) => column.heading))}${lines.join('')}`);
  });

  app.get('/public/:council/interests.json', { config: { access: 'public' } }, async (request, reply) => {
    const { councilName, columns, rows } = await publication.register(councilSlug(request));
    return reply
      .type('application/json; charset=utf-8')
      .send({ council: councilName, fields: columns, entries: rows });
  });
}
