import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from '../auth/permissions.ts';
import { type FieldError, fieldErrorsOf, InvalidInput, NotFound } from '../errors.ts';
import { acceptUploads, type UploadLimits, uploadTooLarge } from './form-uploads.ts';
import { dateInput, formErrors } from './forms.ts';
import { render } from './render.ts';

// The one way a page route reads its request and posts a form. A route declares zod schemas for
// its path parameters, query and form fields; the kit parses them, runs the use case, and either
// redirects or shows the form again with the GOV.UK error summary and what was typed.

// What an HTML form posts for a field: a trimmed string, '' when absent or not a string.
export const formText = z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string());
// A group of checkboxes: none, one or several values.
export const formChoices = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]),
  z.array(z.string()).catch([]),
);
// A path parameter that is a record's id.
// The day, month and year boxes of GOV.UK date inputs in a query string, as typed: '' when absent.
export function dateQueryParts<N extends string>(...names: N[]) {
  const part = formText.catch('');
  return Object.fromEntries(
    names.flatMap((name) => ['day', 'month', 'year'].map((box) => [`${name}-${box}`, part])),
  ) as Record<`${N}-${'day' | 'month' | 'year'}`, typeof part>;
}

export const idParam = z.uuid();

// Path parameters: anything that does not parse is a page that does not exist.
export function paramsOf<S extends z.ZodType>(
  request: FastifyRequest,
  schema: S,
  notFound = 'Page not found',
) {
  const parsed = schema.safeParse(request.params ?? {});
  if (!parsed.success) throw new NotFound(notFound);
  return parsed.data as z.output<S>;
}

// The query string: give each field a `.catch()` so that a hand-edited address still shows the page;
// one that still does not parse is refused with its reasons.
export function queryOf<S extends z.ZodType>(request: FastifyRequest, schema: S) {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  return parsed.data as z.output<S>;
}

type Posted = Record<string, unknown>;

const isPosted = (body: unknown): body is Posted =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

// The posted form as typed, to show again: every field a string or a list of strings.
function typedValues(body: Posted): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item) => typeof item === 'string');
  }
  return values;
}

// GOV.UK date inputs post three boxes; the schema sees one field: '' when all are empty,
// 'YYYY-MM-DD', or 'not-a-date' for the rule to refuse.
function withDates(body: Posted, dates: readonly string[]): Posted {
  const joined: Posted = { ...body };
  for (const name of dates) joined[name] = dateInput(body, name).date;
  return joined;
}

// An error on a date input links to its first box.
const linkedTo = (errors: readonly FieldError[], dates: readonly string[]) =>
  errors.map((error) => (dates.includes(error.key) ? { ...error, key: `${error.key}-day` } : error));

export type ShownForm = {
  request: FastifyRequest;
  reply: FastifyReply;
  // What to show in the fields: what was typed, or what the page starts with.
  values: Record<string, unknown>;
  // Why the last post was refused; empty when the page is first shown.
  errors: readonly FieldError[];
  // What a post that shows the form again (a preview, say) adds to the page.
  shownAgain?: Record<string, unknown>;
};

// Renders a form page; after a refused post, with status 400 (413 when a file sent was over the
// size limit), the error summary and each field's error.
export function formPage(
  { request, reply, values, errors }: ShownForm,
  template: string,
  data: Record<string, unknown> & { title: string },
) {
  if (errors.length) reply.code(uploadTooLarge(request) ? 413 : 400);
  return render(request, reply, template, { values, ...data, ...formErrors(errors) });
}

export type FormSpec<P extends z.ZodType, B extends z.ZodType> = {
  access: Access;
  params?: P;
  // The message when the path parameters name nothing.
  notFound?: string;
  body: B;
  // The names of the GOV.UK date inputs among the fields.
  dates?: readonly string[];
  // How often one sender may post the form (@fastify/rate-limit's options); no limit of its own if absent.
  rateLimit?: RateLimitOptions;
  // The form sends files (multipart): their limits; each file is read with `uploadNamed`.
  uploads?: UploadLimits;
  // The use case; answers where to go next, or `{ shownAgain }` to show the form again with what
  // that adds (a preview, a secret shown once). An InvalidInput it throws shows the form again with
  // the errors. The reply is there for what goes with the redirect, such as a cookie.
  submit: (posted: {
    request: FastifyRequest;
    reply: FastifyReply;
    params: z.output<P>;
    body: z.output<B>;
  }) => Promise<string | { shownAgain: Record<string, unknown> }>;
  // Shows the form, first or again.
  page: (shown: ShownForm & { params: z.output<P> }) => unknown;
  // What the fields hold when the page is first shown; with it, the kit also serves GET on the path.
  initial?: (
    request: FastifyRequest,
    params: z.output<P>,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
};

// Registers the form's POST (and, given `initial`, its GET) at `path`.
export function formRoute<P extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodType>(
  app: FastifyInstance,
  path: string,
  spec: FormSpec<P, B>,
) {
  const { uploads, ...form } = spec;
  if (uploads) {
    // Only these routes take multipart bodies. Fastify takes an async plugin here and waits for it
    // before the app is ready, so the promise is Fastify's to await.
    // biome-ignore lint/nursery/noMisusedPromises: Fastify accepts and awaits async plugins
    app.register(async (scope) => {
      await acceptUploads(scope, uploads);
      formRoute(scope, path, form);
    });
    return;
  }
  const dates = spec.dates ?? [];
  const params = (request: FastifyRequest) =>
    spec.params ? paramsOf(request, spec.params, spec.notFound) : ({} as z.output<P>);
  const { initial } = spec;
  if (initial)
    app.get(path, { config: { access: spec.access } }, async (request, reply) => {
      const shown = params(request);
      return spec.page({ request, reply, params: shown, values: await initial(request, shown), errors: [] });
    });
  const limit = spec.rateLimit ? { rateLimit: spec.rateLimit } : {};
  app.post(path, { config: { access: spec.access, ...limit } }, async (request, reply) => {
    const shown = params(request);
    const posted = isPosted(request.body) ? request.body : {};
    const again = (errors: readonly FieldError[], shownAgain?: Record<string, unknown>) =>
      spec.page({
        request,
        reply,
        params: shown,
        values: typedValues(posted),
        errors: linkedTo(errors, dates),
        shownAgain,
      });
    const parsed = spec.body.safeParse(withDates(posted, dates));
    if (!parsed.success) return again(fieldErrorsOf(parsed.error.issues));
    try {
      const next = await spec.submit({ request, reply, params: shown, body: parsed.data });
      return typeof next === 'string' ? reply.redirect(next, 303) : again([], next.shownAgain);
    } catch (error) {
      if (error instanceof InvalidInput) return again(error.errors);
      throw error;
    }
  });
}
