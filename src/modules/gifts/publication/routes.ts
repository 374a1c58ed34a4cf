import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../platform/errors.ts';
import { csvLine } from '../../platform/web/csv.ts';
import { decodeCursor, encodeCursor } from '../../platform/web/cursor.ts';
import { render } from '../../platform/web/render.ts';
import type { GiftsRouteDeps } from './routes.ts';

const pageSize = 50;

function councilSlug(request: FastifyRequest): string {
  const { council } = request.params as { council: string };
  if (!/^[a-z0-9-]{1,60}$/.test(council)) throw new NotFound('No such council');
  return council;
}

// The public register and its open-data files: no account needed, only the published fields.
export function publicationRoutes(app: FastifyInstance, { publication }: GiftsRouteDeps) {
  app.get('/public/:council/gifts', { config: { access: 'public' } }, async (request, reply) => {
    const slug = councilSlug(request);
    const after = decodeCursor((request.query as Record<string, unknown>).after, 2);
    const page = await publication.page(slug, after, pageSize);
    return render(request, reply, 'gifts/views/published.njk', {
      title: `Gifts and hospitality register`,
      councilName: page.councilName,
      slug,
      columns: page.columns,
      rows: page.rows,
      nextHref: page.next ? `/public/${slug}/gifts?after=${encodeCursor(page.next)}` : null,
      firstHref: after ? `/public/${slug}/gifts` : null,
    });
  });

  app.get('/public/:council/gifts.csv', { config: { access: 'public' } }, async (request, reply) => {
    const { columns, rows } = await publication.open(councilSlug(request));
    async function* lines() {
      yield `\uFEFF${csvLine(columns.map((column) => column.heading))}`;
      for await (const batch of rows()) {
        yield batch.map((row) => csvLine(columns.map((column) => row[column.field]))).join('');
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gifts-and-hospitality-register.csv"')
      .send(Readable.from(lines()));
  });

  app.get('/public/:council/gifts.json', { config: { access: 'public' } }, async (request, reply) => {
    const { councilName, columns, rows } = await publication.open(councilSlug(request));
    async function* json() {
      yield `{"council":${JSON.stringify(councilName)},"fields":${JSON.stringify(columns)},"entries":[`;
      let first = true;
      for await (const batch of rows()) {
        for (const row of batch) {
          yield `${first ? '' : ','}${JSON.stringify(row)}`;
          first = false;
        }
      }
      yield ']}';
    }
    return reply.type('application/json; charset=utf-8').send(Readable.from(json()));
  });
}
