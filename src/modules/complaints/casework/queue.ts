import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addWorkingDays } from '../../../platform/calendar/working-days.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { type CursorKey, decodeCursor } from '../../../platform/web/cursor.ts';
import { type Urgency, urgencyBy } from '../deadline-rules.ts';
import type { ComplaintStatus } from '../status-rules.ts';
import type { CaseworkContext } from './context.ts';
import * as repo from './queue-repository.ts';

// A work queue shows this many of the handler's most urgent stages, and of the team's oldest.
const queueRows = 25;
const teamRows = 10;
const countCap = 100;

// The customers' names for a page of items, read in one query.
async function named<T extends { customerId: string }>(ctx: CaseworkContext, councilId: string, items: T[]) {
  const customers = await ctx.customers.contactDetails(
    councilId,
    items.map((item) => item.customerId),
  );
  return items.map((item) => ({ ...item, customerName: customers.get(item.customerId)?.name ?? '' }));
}

// The handler's most urgent open stages with how many there are of each urgency, and the team's
// oldest untriaged and unallocated: a page of bounded size however many are open.
export async function queue(ctx: CaseworkContext, principal: Principal) {
  const { councilId } = principal;
  const { policy, calendar } = await ctx.organisation.policyAndCalendar(
    councilId,
    principal.councilRulesVersion,
  );
  const today = londonDate(ctx.clock.now());
  const atRiskBy = addWorkingDays(calendar, today, policy.complaintReminderWorkingDays);
  const sizes = { mine: queueRows, team: teamRows, cap: countCap };
  const page = await repo.queuePage(ctx.db, councilId, principal.personId, { today, atRiskBy }, sizes);
  const all = await named(ctx, councilId, [...page.mine, ...page.triage, ...page.unallocated]);
  const withUrgency = (from: number, count: number) =>
    all.slice(from, from + count).map((item) => ({ ...item, urgency: urgencyBy(today, atRiskBy, item.due) }));
  type Item = ReturnType<typeof withUrgency>[number];
  const groups: Record<Urgency, Item[]> = { overdue: [], 'due-today': [], 'at-risk': [], later: [] };
  for (const item of withUrgency(0, page.mine.length)) groups[item.urgency].push(item);
  return {
    groups,
    counts: page.counts,
    countCap,
    triage: withUrgency(page.mine.length, page.triage.length),
    triageCount: page.awaitingTriage,
    unallocated: withUrgency(page.mine.length + page.triage.length, page.unallocated.length),
    today,
  };
}

// A page link's cursor for the list: the received time and id of the last complaint shown.
export function afterCursor(value: unknown, key: string): CursorKey | undefined {
  if (value === undefined) return undefined;
  const [at, id] = decodeCursor(value, 2) ?? [];
  if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && isUuid(id))
    return [at, id];
  throw new InvalidInput([{ key, message: 'The page link is not valid: start from the first page' }]);
}

export type ListFilter = { text: string; status: string; serviceId: string; mine: boolean };

// Every complaint, newest first, found by reference, by the customer's name, email or phone,
// by status, service, or the viewer's own.
export async function list(
  ctx: CaseworkContext,
  principal: Principal,
  filter: ListFilter,
  page: { after?: CursorKey | undefined; limit: number },
) {
  const { councilId } = principal;
  const text = filter.text.trim();
  const reference = /^CMP-\d{4}-\d{1,6}$/i.test(text) ? text.toUpperCase() : undefined;
  const customerIds =
    text && !reference
      ? (await ctx.customers.search(councilId, text)).map((c) => c.id).slice(0, 200)
      : undefined;
  const rows = await repo.listComplaints(
    ctx.db,
    councilId,
    {
      ...(reference ? { reference } : {}),
      ...(customerIds ? { customerIds } : {}),
      ...(filter.status ? { status: filter.status as ComplaintStatus } : {}),
      ...(isUuid(filter.serviceId) ? { serviceId: filter.serviceId } : {}),
      ...(filter.mine ? { handlerId: principal.personId } : {}),
    },
    page,
  );
  return named(ctx, councilId, rows);
}

// People to choose from: those in one service (officers named), or everyone (remedy owners).
export async function people(ctx: CaseworkContext, principal: Principal, serviceId: string | null) {
  const filter = serviceId ? { serviceId } : {};
  const { people } = await ctx.organisation.listPeople(principal.councilId, filter, { limit: 500 });
  return people.map((p) => ({ id: p.id, name: p.name, serviceName: p.serviceName }));
}
