import type { FastifyInstance } from 'fastify';
import { paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { searchQuery, subjectParams } from './input.ts';
import type { SubjectAccess } from './service.ts';

const access = { config: { access: 'privacy:subject-access' as const } };
const kindNames = { person: 'Member of staff', customer: 'Customer, complainant or resident' } as const;

// Subject access: search for the person, pick them, see what is held, download the export.
export function subjectAccessRoutes(app: FastifyInstance, deps: { subjectAccess: SubjectAccess }) {
  app.get('/privacy/subject-access', access, async (request, reply) => {
    const { q } = queryOf(request, searchQuery);
    const candidates = await deps.subjectAccess.candidates(signedIn(request), q);
    return render(request, reply, 'privacy/subject-access/views/search.njk', {
      title: 'Subject access requests',
      q,
      searched: q.length >= 2,
      candidates: candidates.map((c) => ({ ...c, kindName: kindNames[c.kind] })),
    });
  });

  app.get('/privacy/subject-access/:kind/:id', access, async (request, reply) => {
    const { kind, id } = paramsOf(request, subjectParams, 'There is no such person');
    const { subject, sections } = await deps.subjectAccess.preview(signedIn(request), kind, id);
    return render(request, reply, 'privacy/subject-access/views/subject.njk', {
      title: `Subject access: ${subject.name}`,
      subject,
      kindName: kindNames[kind],
      held: sections.filter((s) => s.records.length),
      downloadHref: `/privacy/subject-access/${kind}/${id}/export.zip`,
    });
  });

  // Made for this request and sent; nothing of it is kept on the server.
  app.get('/privacy/subject-access/:kind/:id/export.zip', access, async (request, reply) => {
    const { kind, id } = paramsOf(request, subjectParams, 'There is no such person');
    const { zip, fileName } = await deps.subjectAccess.produce(signedIn(request), kind, id, request.id);
    return reply
      .type('application/zip')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(Buffer.from(zip));
  });
}
