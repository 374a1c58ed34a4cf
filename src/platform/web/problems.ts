import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Conflict, type FieldError, Forbidden, InvalidInput, NotFound, Unavailable } from '../errors.ts';
import { render } from './render.ts';

type Problem = { status: number; title: string; detail?: string; errors?: readonly FieldError[] };

const pageText: Record<number, { title: string; paragraphs: string[] }> = {
  400: { title: 'There is a problem with your request', paragraphs: ['Go back and check what you entered.'] },
  401: { title: 'You need to sign in', paragraphs: ['Sign in to use this page.'] },
  403: {
    title: 'You do not have permission to see this page',
    paragraphs: ['If you think you should, ask your system administrator.'],
  },
  404: {
    title: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  409: {
    title: 'Someone else changed this at the same moment',
    paragraphs: ['Nothing you entered was saved. Go back, reload the page and try again.'],
  },
  413: { title: 'What you sent is too large', paragraphs: ['Go back and send less.'] },
  414: { title: 'The web address is too long', paragraphs: ['Check the web address is correct.'] },
  415: {
    title: 'There is a problem with your request',
    paragraphs: ['The form was sent in a format Probity does not accept.'],
  },
  429: { title: 'Too many requests', paragraphs: ['Wait a minute and try again.'] },
  500: {
    title: 'Sorry, there is a problem with the service',
    paragraphs: [
      'Try again later.',
      'Nothing you entered on the last page was saved unless the page you saw said so.',
    ],
  },
  503: { title: 'Sorry, the service is unavailable', paragraphs: ['Try again later.'] },
};

// A change refused by the database because another one reached the same row or key first: a unique
// key taken, a serialisation failure or a deadlock. Its transaction was rolled back, so nothing
// changed, and trying again sees the other change.
const simultaneousCodes = new Set(['23505', '40001', '40P01']);
const simultaneous = (error: Error) =>
  simultaneousCodes.has(String((error as Error & { code?: unknown }).code));

export function problemOf(error: FastifyError | Error): Problem {
  if (error instanceof InvalidInput) {
    return { status: 400, title: 'Invalid input', detail: error.message, errors: error.errors };
  }
  if (error instanceof NotFound) return { status: 404, title: 'Not found', detail: error.message };
  if (error instanceof Forbidden) return { status: 403, title: 'Forbidden', detail: error.message };
  if (error instanceof Unavailable) return { status: 503, title: 'Unavailable', detail: error.message };
  if (error instanceof Conflict) return { status: 409, title: 'Conflict', detail: error.message };
  const fastifyError = error as FastifyError & {
    validation?: { instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } }[];
  };
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((issue) => ({
      key: issue.instancePath?.replace(/^\//, '').replaceAll('/', '.') || 'request',
      message: issue.message ?? 'Invalid value',
    }));
    return { status: 400, title: 'Invalid input', detail: errors.map((e) => e.message).join('; '), errors };
  }
  if (simultaneous(error)) return { status: 409, title: 'Conflict', detail: pageText[409]?.paragraphs[0] };
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code?.startsWith('FST_CSRF')) {
    return {
      status: 403,
      title: 'Forbidden',
      detail: 'The form has expired. Go back, reload the page and try again.',
    };
  }
  if (status >= 400 && status < 500)
    return { status, title: pageText[status]?.title ?? 'Bad request', detail: error.message };
  return { status: 500, title: 'Internal server error' };
}

export function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  if (isApi(request) || (!request.headers.accept?.includes('text/html') && request.method !== 'GET')) {
    return reply
      .code(problem.status)
      .type('application/problem+json')
      .send({ type: 'about:blank', instance: request.url.split('?')[0], ...problem });
  }
  const text = pageText[problem.status] ?? pageText[400];
  const paragraphs =
    problem.errors?.map((error) => error.message) ??
    (problem.detail && problem.status !== 404 && problem.status !== 500
      ? [problem.detail]
      : (text?.paragraphs ?? []));
  reply.code(problem.status);
  return render(request, reply, 'error.njk', {
    title: text?.title ?? problem.title,
    paragraphs,
    status: problem.status,
  });
}

// The router's own refusals, before any route is found (a malformed web address, a path parameter
// over 100 characters): problem+json on the API, as its document says; a line of text elsewhere.
export function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = problemOf(error);
  // Refused before any hook runs, so without the security headers every other response has: the
  // answer is text, to be shown as text and nothing else, and never in a frame.
  reply.headers({
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
  });
  if (isApi(request)) return sendProblem(request, reply, problem);
  return reply.code(problem.status).type('text/plain; charset=utf-8').send(problem.title);
}
