import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../../platform/auth/permissions.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { formText, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { deadlineNames, urgencyNames } from '../deadline-rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { complaintStatuses, statusNames, statusTag } from '../status-rules.ts';
import { afterCursor } from './queue.ts';

const pageSize = 25;

// The list's filters; a page link's cursor is checked where it is read.
const listQuery = z.object({
  q: formText.catch(''),
  status: formText.catch(''),
  service: formText.catch(''),
  mine: formText.catch(''),
  after: z.unknown().optional(),
});

const urgencyClasses = {
  overdue: 'govuk-tag--red',
  'due-today': 'govuk-tag--orange',
  'at-risk': 'govuk-tag--yellow',
  later: 'govuk-tag--green',
} as const;

export function queueRoutes(app: FastifyInstance, { casework }: ComplaintsRouteDeps) {
  // The signed-in handler's work, most urgent first, and the team's untriaged and unallocated.
  app.get('/complaints', { config: { access: 'complaints:handle' } }, async (request, reply) => {
    const principal = signedIn(request);
    const queue = await casework.queue(principal);
    const withTags = <
      T extends {
        status: Parameters<typeof statusTag>[0];
        regime: Parameters<typeof statusTag>[1];
        urgency: keyof typeof urgencyClasses;
        deadline: keyof typeof deadlineNames;
      },
    >(
      items: T[],
    ) =>
      items.map((item) => ({
        ...item,
        tag: statusTag(item.status, item.regime),
        deadlineName: deadlineNames[item.deadline],
        urgencyTag: { text: urgencyNames[item.urgency], classes: urgencyClasses[item.urgency] },
      }));
    const groups = (['overdue', 'due-today', 'at-risk', 'later'] as const).map((key) => ({
      key,
      name: urgencyNames[key],
      count: queue.counts[key],
      countText:
        queue.counts[key] > queue.countCap ? `More than ${queue.countCap}` : String(queue.counts[key]),
      items: withTags(queue.groups[key]),
    }));
    return render(request, reply, 'complaints/casework/views/queue.njk', {
      title: 'Complaints',
      groups,
      mineCount: groups.reduce((sum, group) => sum + group.count, 0),
      shownCount: groups.reduce((sum, group) => sum + group.items.length, 0),
      triage: withTags(queue.triage),
      triageCount: queue.triageCount,
      triageCountText:
        queue.triageCount > queue.countCap ? `more than ${queue.countCap}` : String(queue.triageCount),
      unallocated: withTags(queue.unallocated),
      canManage: can(principal.roles, 'complaints:manage'),
    });
  });

  // Every complaint, newest first, found by reference, name or email, status and service.
  app.get('/complaints/all', { config: { access: 'complaints:handle' } }, async (request, reply) => {
    const principal = signedIn(request);
    const query = queryOf(request, listQuery);
    const filter = {
      text: query.q.slice(0, 200),
      status: (complaintStatuses as readonly string[]).includes(query.status) ? query.status : '',
      serviceId: query.service,
      mine: query.mine === 'yes',
    };
    const after = afterCursor(query.after, 'after');
    const rows = await casework.list(principal, filter, { after, limit: pageSize + 1 });
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    const next =
      rows.length > pageSize && last
        ? `?${new URLSearchParams({ q: filter.text, status: filter.status, service: filter.serviceId, ...(filter.mine ? { mine: 'yes' } : {}), after: encodeCursor([last.receivedAt.toISOString(), last.complaintId]) })}`
        : null;
    const services = await casework.services(principal);
    return render(request, reply, 'complaints/casework/views/queue-all.njk', {
      title: 'All complaints',
      filter,
      complaints: page.map((item) => ({ ...item, tag: statusTag(item.status, item.regime) })),
      next,
      statusItems: [
        { value: '', text: 'Any status' },
        ...complaintStatuses.map((status) => ({
          value: status,
          text: statusNames[status],
          selected: status === filter.status,
        })),
      ],
      serviceItems: [
        { value: '', text: 'Any service' },
        ...services.map((service) => ({
          value: service.id,
          text: service.name,
          selected: service.id === filter.serviceId,
        })),
      ],
    });
  });
}
