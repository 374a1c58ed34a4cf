import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isUuid } from '../auth/secrets.ts';
import { startOfLondonDay } from '../calendar/daylight.ts';
import { isIsoDate } from '../calendar/working-days.ts';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../errors.ts';
import { perCouncilCache } from '../short-cache.ts';
import { formPage, formText, queryOf } from '../web/form-kit.ts';
import { signedIn } from '../web/render.ts';
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

// The filter as typed; a page number that is not one is ignored.
const auditQuery = z.object({
  person: formText,
  recordType: z.string().catch(''),
  recordId: formText,
  from: formText,
  to: formText,
  before: z
    .unknown()
    .optional()
    .transform((value) => {
      const before = Number(value);
      return Number.isInteger(before) && before > 0 ? before : undefined;
    }),
});
type AuditValues = Omit<z.output<typeof auditQuery>, 'before'>;

// The filter the page's fields ask for, or none with the reasons it cannot be used.
function auditFilter(values: AuditValues): { filter: AuditFilter; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (values.person && !isUuid(values.person))
    errors.push({ key: 'person', message: 'Select a person from the list' });
  if (values.from && !isIsoDate(values.from))
    errors.push({ key: 'from', message: 'From date must be a real date, like 2026-11-23' });
  if (values.to && !isIsoDate(values.to))
    errors.push({ key: 'to', message: 'To date must be a real date, like 2026-11-23' });
  if (errors.length === 0 && values.from && values.to && values.to < values.from) {
    errors.push({ key: 'to', message: 'To date must be the same as or after the from date' });
  }
  if (errors.length) return { filter: {}, errors };
  return {
    filter: {
      actorId: values.person || undefined,
      recordType: values.recordType || undefined,
      recordId: values.recordId || undefined,
      from: values.from ? startOfLondonDay(values.from) : undefined,
      to: values.to ? dayAfter(values.to) : undefined,
    },
    errors,
  };
}

type FilterOptions = { people: readonly PersonOption[]; recordTypes: readonly string[] };

// The filter's choices: anyone, or one person; any record type, or one.
function filterItems(options: FilterOptions, values: AuditValues) {
  return {
    personItems: [
      { value: '', text: 'Anyone' },
      ...options.people.map((person) => ({
        value: person.id,
        text: person.name,
        selected: person.id === values.person,
      })),
    ],
    recordTypeItems: [
      { value: '', text: 'Any record type' },
      ...options.recordTypes.map((type) => ({
        value: type,
        text: type,
        selected: type === values.recordType,
      })),
    ],
  };
}

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
    const { before, ...values } = queryOf(request, auditQuery);
    const { filter, errors } = auditFilter(values);
    const page = await listAuditEvents(db, principal.councilId, filter, { limit: pageSize, before });
    const nextParams = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
    if (page.nextCursor) nextParams.set('before', String(page.nextCursor));
    return formPage({ request, reply, values, errors }, 'audit/views/audit.njk', {
      title: 'Audit trail',
      events: page.events,
      ...filterItems(await options(principal.councilId), values),
      nextHref: page.nextCursor ? `/audit?${nextParams.toString()}` : null,
    });
  });

  auditApi(app, db);
}

function auditApi(app: FastifyInstance, db: Kysely<Database>) {
  app.withTypeProvider<ZodTypeProvider>().get(
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
      const q = request.query;
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
