import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import type { Clock } from '../../platform/clock.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { render } from '../../platform/web/render.ts';
import type { ComplaintLetters } from '../letters/service.ts';
import { contactRoutes } from './contact-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import type { CustomersService } from './service.ts';

export type CustomersRouteDeps = { customers: CustomersService; letters: ComplaintLetters; clock: Clock };

export function customersRoutes(app: FastifyInstance, deps: CustomersRouteDeps) {
  contactRoutes(app, deps);
  decisionRoutes(app, deps);
  reviewRoutes(app, deps);
}

export function customerId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such customer');
  return id;
}

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

// The values of a group of checkboxes: one string, several, or none.
export function checked(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

export const field = (body: Record<string, unknown>, key: string) => text(body[key]).trim();

// Renders a form page with the values to show and, after a refused post, why it was refused.
export type FormPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, unknown>,
  error?: InvalidInput,
) => Promise<unknown>;

// A form page: rendered with its values and, after a refused post, the errors (date fields link
// to their first box) and status 400.
export function formPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> & { title: string },
  error?: InvalidInput,
  dateFields: readonly string[] = [],
) {
  const errors = (error?.errors ?? []).map((e) =>
    dateFields.includes(e.key) ? { ...e, key: `${e.key}-day` } : e,
  );
  if (error) reply.code(400);
  return render(request, reply, template, { values: {}, ...data, ...formErrors(errors) });
}

// Runs a form's post: on success redirects, on InvalidInput shows the form again.
export async function posted(
  reply: FastifyReply,
  action: () => Promise<string>,
  again: (error: InvalidInput) => unknown,
) {
  try {
    return reply.redirect(await action(), 303);
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return again(error);
  }
}

// Runs a form's post about customer `id`: on success back to their record with the `done` flash.
export function postedToRecord(
  reply: FastifyReply,
  id: string,
  done: string,
  action: () => Promise<unknown>,
  again: (error: InvalidInput) => unknown,
) {
  return posted(
    reply,
    async () => {
      await action();
      return `/customers/${id}?done=${done}`;
    },
    again,
  );
}

// The example date in a GOV.UK date hint: "27 3 2027".
export function exampleDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${Number(date.slice(5, 7))} ${date.slice(0, 4)}`;
}

export function dateParts(date: string | null, name: string): Record<string, string> {
  if (!date) return {};
  return {
    [`${name}-day`]: String(Number(date.slice(8, 10))),
    [`${name}-month`]: String(Number(date.slice(5, 7))),
    [`${name}-year`]: date.slice(0, 4),
  };
}
