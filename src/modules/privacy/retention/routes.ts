import type { FastifyInstance } from 'fastify';
import { allows } from '../../../platform/auth/permissions.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { RetentionService } from './service.ts';

const unitText = (length: number, unit: 'years' | 'months') =>
  `${length} ${length === 1 ? unit.slice(0, -1) : unit}`;

// Retention: for each record type, how long it is kept, how many records the next daily run
// anonymises and when more fall due, with a link to the setting for those who may change it.
export function retentionRoutes(app: FastifyInstance, deps: { retention: RetentionService }) {
  app.get('/privacy/retention', { config: { access: 'privacy:retention' } }, async (request, reply) => {
    const principal = signedIn(request);
    const rows = await deps.retention.overview(principal.councilId);
    return render(request, reply, 'privacy/retention/views/retention.njk', {
      title: 'Retention of personal data',
      canChange: allows('policy:manage', principal.roles),
      rows: rows.map((row) => ({
        ...row,
        keptFor: `${unitText(row.period.length, row.period.unit)} ${row.basis}`,
        settingHref: `/admin/policy#${row.setting}`,
      })),
    });
  });
}
