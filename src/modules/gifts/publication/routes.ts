import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendCsv } from '../../../platform/web/csv.ts';
import { decodeCursor, encodeCursor } from '../../../platform/web/cursor.ts';
import { formText, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import type { GiftPublication } from './service.ts';

const pageSize = 50;

const councilParams = z.object({ council: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const pageQuery = z.object({ after: formText.catch('') });

const councilSlug = (request: FastifyRequest) => paramsOf(request, councilParams, 'No such council').council;

// The public register and its open-data files: no account needed, only the published fields.
export function publicationRoutes(app: FastifyInstance, publication: GiftPublication) {
  app.get('/public/:council/gifts', { config: { access: 'public' } }, async (request, reply) => {
    const slug = councilSlug(request);
    const after = decodeCursor(queryOf(request, pageQuery).after, 2);
    const page = await publication.page(slug, after, pageSize);
    return render(request, reply, 'gifts/publication/views/published.njk', {
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
      for await (const batch of rows()) yield batch.map((row) => columns.map((column) => row[column.field]));
    }
    return sendCsv(
      reply,
      'gifts-and-hospitality-register.csv',
      columns.map((column) => column.heading),
      lines(),
    );
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
