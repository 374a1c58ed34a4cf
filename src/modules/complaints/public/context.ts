// What the public complaint pages start from: the council named in the address, and the draft
// named by a signed cookie (the public have no session). Each is read once a request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import type { Answers } from '../intake/input.ts';
import type { Intake } from '../intake/service.ts';
import { councilParams, fromQuery } from './input.ts';

const draftCookie = 'complaint-draft';
const draftCookieSeconds = 3 * 24 * 60 * 60;
const pageOrder = [
  'who',
  'authority',
  'contact',
  'service',
  'what-happened',
  'evidence',
  'outcome',
  'adjustments',
] as const;

export const complaintsPath = (slug: string) => `/public/${slug}/complaints`;
export const newPath = (slug: string, page = '') => `${complaintsPath(slug)}/new${page ? `/${page}` : ''}`;

export { perAddressPer10Minutes } from '../../../platform/web/rate-limits.ts';

// A value worked out once for each request, however many times it is asked for.
function perRequest<T>(load: (request: FastifyRequest) => Promise<T>) {
  const loaded = new WeakMap<FastifyRequest, Promise<T>>();
  return (request: FastifyRequest): Promise<T> => {
    const found = loaded.get(request) ?? load(request);
    loaded.set(request, found);
    return found;
  };
}

export function draftIdOf(request: FastifyRequest): string | null {
  const raw = request.cookies[draftCookie];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && isUuid(unsigned.value) ? unsigned.value : null;
}

export function rememberDraft(request: FastifyRequest, reply: FastifyReply, slug: string, id: string) {
  reply.setCookie(draftCookie, id, {
    path: complaintsPath(slug),
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    maxAge: draftCookieSeconds,
  });
}

export function publicContext({ intake, clock }: { intake: Intake; clock: Clock }) {
  const councilOf = perRequest((request) => intake.council(paramsOf(request, councilParams).council));
  // The draft being filled in, or null when there is none (or it has been sent).
  const draftOf = perRequest(async (request) => {
    const council = await councilOf(request);
    const id = draftIdOf(request);
    const answers = id ? await intake.drafts.read(council.councilId, id) : null;
    return id && answers && !answers.submitted ? { id, answers } : null;
  });
  // What the answers are checked against: today, and the council's services.
  async function checkContext(councilId: string) {
    const services = await intake.services(councilId);
    return {
      today: londonDate(clock.now()),
      serviceIds: new Set(services.map((service) => service.id)),
      services,
    };
  }
  return { councilOf, draftOf, checkContext };
}
export type PublicContext = ReturnType<typeof publicContext>;

function pagesFor(answers: Answers): string[] {
  return pageOrder.filter((page) => page !== 'authority' || answers.forWhom === 'someone-else');
}

export function pageAfter(answers: Answers, page: string, returnTo: boolean, hasAuthority: boolean): string {
  if (page === 'who' && answers.forWhom === 'someone-else' && !hasAuthority) return 'authority';
  if (returnTo) return 'check';
  const pages = pagesFor(answers);
  return pages[pages.indexOf(page) + 1] ?? 'check';
}

export function pageBefore(answers: Answers, page: string): string {
  const pages = pagesFor(answers);
  const index = pages.indexOf(page);
  return index > 0 ? (pages[index - 1] ?? '') : '';
}

// Whether the page was reached from the check-your-answers page, so goes back there.
export function returningToCheck(
  request: FastifyRequest,
  posted: Readonly<Record<string, unknown>>,
): boolean {
  return queryOf(request, fromQuery).from === 'check' || posted.returnTo === 'check';
}
