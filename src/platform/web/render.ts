import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, actorFor } from '../audit/audit-trail.ts';
import type { Principal } from '../auth/principal.ts';
import { citationsInText, defaultPolicyDocuments, type PolicyDocuments } from './citations.ts';
import { navigationFor } from './navigation.ts';
import { isApi } from './problems.ts';

declare module 'fastify' {
  interface FastifyRequest {
    // The signed-in person's council's names for the documents its rules cite, for the page.
    policyDocuments: PolicyDocuments | null;
  }
}

// Pages show a rule's citation in the council's words (citations.ts): before a signed-in page's
// handler runs, its council's names are looked up (the app hands in where they are kept).
export function knowPolicyDocumentsBy(
  app: FastifyInstance,
  lookup: (principal: Principal) => Promise<PolicyDocuments>,
) {
  app.decorateRequest('policyDocuments', null);
  app.addHook('preHandler', async (request) => {
    if (request.principal && !isApi(request)) request.policyDocuments = await lookup(request.principal);
  });
}

const productName = 'Probity';

// Renders a page with what every layout needs: the council's name, the person's navigation,
// the CSRF token for forms and the CSP nonce for scripts.
export function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> & { title: string },
) {
  return reply.view(template, layoutData(request, reply, data));
}

// A page as text, for a route that sends it with something already encoded (a large shared part).
export function renderText(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> & { title: string },
): Promise<string> {
  return request.server.view(template, layoutData(request, reply, data));
}

// A council's public pages are at /public/<council>/…: their footer links to that council's own
// statement, notice, cookies and contact pages; other pages' footers to the same paths without a
// council, which lead to the signed-in person's council, or the only one, or a choice of them.
function footerBase(path: string): string {
  const slug = /^\/public\/([a-z0-9-]{1,60})(\/|$)/.exec(path)?.[1];
  return slug ? `/public/${slug}` : '';
}

type ErrorItem = { text: string; href?: string };

// A rule's message names what it cites by its code; the page says it in the council's words.
function errorsInWords(data: Record<string, unknown>, documents: PolicyDocuments) {
  const inWords = <E extends ErrorItem>(error: E): E => ({
    ...error,
    text: citationsInText(error.text, documents),
  });
  const { errorList, fieldErrors } = data as {
    errorList?: ErrorItem[];
    fieldErrors?: Record<string, ErrorItem>;
  };
  return {
    ...(errorList?.length ? { errorList: errorList.map(inWords) } : {}),
    ...(fieldErrors && Object.keys(fieldErrors).length
      ? {
          fieldErrors: Object.fromEntries(
            Object.entries(fieldErrors).map(([key, error]) => [key, inWords(error)]),
          ),
        }
      : {}),
  };
}

function layoutData(request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown>) {
  const principal = request.principal;
  const policyDocuments = request.policyDocuments ?? defaultPolicyDocuments;
  return {
    ...data,
    ...errorsInWords(data, policyDocuments),
    policyDocuments,
    footerBase: footerBase(request.url),
    principal,
    councilName:
      principal?.councilName ?? (typeof data.councilName === 'string' ? data.councilName : productName),
    navigation: navigationFor(principal, request.url.split('?')[0] ?? '/'),
    csrfToken: reply.generateCsrf(),
    cspNonce: reply.cspNonce,
  };
}

export function signedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('A signed-in route ran without a principal');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  return actorFor(signedIn(request), request.id);
}
