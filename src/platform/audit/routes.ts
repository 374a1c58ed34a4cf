import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Role } from '../auth/roles.ts';
import { dateTimeText } from '../calendar/date-text.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { InvalidInput } from '../errors.ts';
import { perCouncilCache } from '../short-cache.ts';
import { sendCsv } from '../web/csv.ts';
import { formPage, queryOf } from '../web/form-kit.ts';
import { actorOf, signedIn } from '../web/render.ts';
import { type AuditValues, auditFilter, auditQuery, filterSearch } from './audit-filter.ts';
import { auditEventBatches, auditRecordTypes, listAuditEvents } from './audit-query.ts';
import { type AuditEvent, recordAccess } from './audit-trail.ts';
import { actionName, recordTypeName } from './event-names.ts';
import { recordHref, referenceOf } from './record-links.ts';

const pageSize = 25;

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
      ...options.recordTypes
        .map((type) => ({ value: type, text: recordTypeName(type), selected: type === values.recordType }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    ],
  };
}

// An event as an auditor reads it: when in words, what happened by name, the record's reference
// and, for a viewer who may open it, a link to the record.
function eventRow(event: AuditEvent, roles: ReadonlySet<Role>) {
  const reference = referenceOf(event);
  return {
    ...event,
    when: dateTimeText(event.occurredAt),
    what: actionName(event.action),
    recordTypeText: recordTypeName(event.recordType),
    reference,
    href: recordHref(event, reference, roles),
  };
}

const csvHeadings = ['Event', 'When', 'Who', 'What', 'Record', 'Reference', 'Record id', 'Before', 'After'];

const jsonCell = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

async function* csvRows(events: AsyncIterable<AuditEvent[]>) {
  for await (const batch of events)
    yield batch.map((event) => [
      event.seq,
      dateTimeText(event.occurredAt),
      event.actorLabel,
      actionName(event.action),
      recordTypeName(event.recordType),
      referenceOf(event) ?? '',
      event.recordId,
      jsonCell(event.before),
      jsonCell(event.after),
    ]);
}

export function auditRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  people: (councilId: string) => Promise<readonly PersonOption[]>,
  clock: Clock,
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
    return formPage({ request, reply, values, errors }, 'audit/views/audit.njk', {
      title: 'Audit trail',
      events: page.events.map((event) => eventRow(event, principal.roles)),
      ...filterItems(await options(principal.councilId), values),
      downloadHref: errors.length ? null : `/audit/events.csv${filterSearch(values)}`,
      nextHref: page.nextCursor ? `/audit${filterSearch(values, { before: String(page.nextCursor) })}` : null,
    });
  });

  // The filtered events as a spreadsheet. Taking the trail away is itself recorded.
  app.get('/audit/events.csv', { config: { access: 'audit:read' } }, async (request, reply) => {
    const { before: _ignored, ...values } = queryOf(request, auditQuery);
    const { filter, errors } = auditFilter(values);
    if (errors.length) throw new InvalidInput(errors);
    const principal = signedIn(request);
    await recordAccess(
      db,
      actorOf(request),
      { action: 'audit-trail.exported', recordType: 'audit-trail', after: { filter } },
      clock.now(),
    );
    const events = auditEventBatches(db, principal.councilId, filter);
    return sendCsv(reply, 'audit-trail.csv', csvHeadings, csvRows(events));
  });

  auditApi(app, db);
}

function auditApi(app: FastifyInstance, db: Kysely<Database>) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit:read' },
      schema: {
        operationId: 'listAuditEvents',
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
