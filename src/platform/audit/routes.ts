import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isUuid } from '../auth/secrets.ts';
import { startOfLondonDay } from '../calendar/daylight.ts';
import { isIsoDate } from '../calendar/working-days.ts';
import type { Database } from '../db/schema.ts';
import { perCouncilCache } from '../short-cache.ts';
import { formErrors, text } from '../web/forms.ts';
import { render, signedIn } from '../web/render.ts';
import { type AuditFilter, auditRecordTypes, listAuditEvents } from './audit-query.ts';

const pageSize = 25;

// The filter's dates are London calendar days.
const dayAfter = (date: string) =>
  startOfLondonDay(new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

const auditEventView = z.object({
  seq: z.number(),
  id: z.uuid(),
  occurredAt: z.date(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

type PersonOption = { id: string; name: string };

type FilterOptions = { people: readonly PersonOption[]; recordTypes: readonly string[] };

export function auditRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  people: (councilId: string) => Promise<readonly PersonOption[]>,
) {
  // The filter's choices are read at most every ten seconds per council: the page is the trail's
  // busiest, and a new person or record type turning up in the lists a few seconds late is harmless.
  const options = perCouncilCache(
    async (councilId): Promise<FilterOptions> => ({
      people: await people(councilId),
      recordTypes: await auditRecordTypes(db, councilId),
    }),
  );

  app.get('/audit', { config: { access: 'audit:read' } }, async (request, reply) => {
    const principal = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const values = {
      person: text(query.person).trim(),
      recordType: text(query.recordType),
      recordId: text(query.recordId).trim(),
      from: text(query.from).trim(),
      to: text(query.to).trim(),
    };
    const errors = [];
    if (values.person && !isUuid(values.person))
      errors.push({ key: 'person', message: 'Select a person from the list' });
    if (values.from && !isIsoDate(values.from))
      errors.push({ key: 'from', message: 'From date must be a real date, like 2026-11-23' });
    if (values.to && !isIsoDate(values.to))
      errors.push({ key: 'to', message: 'To date must be a real date, like 2026-11-23' });
    if (errors.length === 0 && values.from && values.to && values.to < values.from) {
      errors.push({ key: 'to', message: 'To date must be the same as or after the from date' });
    }
    const filter: AuditFilter = errors.length
      ? {}
      : {
          actorId: values.person || undefined,
          recordType: values.recordType || undefined,
          recordId: values.recordId || undefined,
          from: values.from ? startOfLondonDay(values.from) : undefined,
          to: values.to ? dayAfter(values.to) : undefined,
        };
    const before = Number(query.before);
    const page = await listAuditEvents(db, principal.councilId, filter, {
      limit: pageSize,
      before: Number.isInteger(before) && before > 0 ? before : undefined,
    });
    const nextParams = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
    if (page.nextCursor) nextParams.set('before', String(page.nextCursor));
    if (errors.length) reply.code(400);
    return render(request, reply, 'audit/views/audit.njk', {
      title: 'Audit trail',
      events: page.events,
      values,
      personItems: [
        { value: '', text: 'Anyone' },
        ...(await options(principal.councilId)).people.map((person) => ({
          value: person.id,
          text: person.name,
          selected: person.id === values.person,
        })),
      ],
      recordTypeItems: [
        { value: '', text: 'Any record type' },
        ...(await options(principal.councilId)).recordTypes.map((type) => ({
          value: type,
          text: type,
          selected: type === values.recordType,
        })),
      ],
      nextHref: page.nextCursor ? `/audit?${nextParams.toString()}` : null,
      ...formErrors(errors),
    });
  });

  app.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.coerce.number().int().positive().optional(),
          actorId: z.uuid().optional(),
          recordType: z.string().max(100).optional(),
          recordId: z.string().max(100).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ items: z.array(auditEventView), nextCursor: z.number().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query as {
        limit: number;
        cursor?: number;
        actorId?: string;
        recordType?: string;
        recordId?: string;
        from?: string;
        to?: string;
      };
      const page = await listAuditEvents(
        db,
        signedIn(request).councilId,
        {
          actorId: q.actorId,
          recordType: q.recordType,
          recordId: q.recordId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        },
        { limit: q.limit, before: q.cursor },
      );
      return { items: page.events, nextCursor: page.nextCursor };
    },
  );
}
