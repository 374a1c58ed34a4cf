import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render } from '../../../platform/web/render.ts';
import { categories, routeNames, routes } from '../categories.ts';
import { uploadLimitBytes } from '../documents.ts';
import { concernsPath, councilParams, guessLimit, publicCouncilOf, unlogged } from '../public.ts';
import type { ConcernsService } from '../service.ts';
import { checkedFiles } from '../uploads.ts';
import { type RaiseForm, raiseForm } from './input.ts';

// Raising a concern: from the council's public page with no account, or signed in. The page says
// in plain words what a grievance is and where it goes instead (002 §12), and names the
// independent hotline the council names.

const maxFiles = 3;
type Council = { councilId: string; name: string };

async function raisePage(
  concerns: ConcernsService,
  shown: ShownForm,
  council: Council,
  where: { action: string; followUp: string; signedIn: boolean },
) {
  const policy = await concerns.policy(council.councilId);
  const receipt = shown.shownAgain?.receipt;
  if (receipt)
    return render(shown.request, shown.reply, 'concerns/intake/views/receipt.njk', {
      title: 'Your concern has been sent',
      councilName: council.name,
      receipt,
      followUp: where.followUp,
      acknowledgeDays: policy.concernAcknowledgeDays,
      feedbackMonths: policy.concernFeedbackMonths,
    });
  return formPage(shown, 'concerns/intake/views/raise.njk', {
    title: 'Raise a concern',
    councilName: council.name,
    ...where,
    hotline: policy.concernHotlineName
      ? { name: policy.concernHotlineName, phone: policy.concernHotlinePhone, url: policy.concernHotlineUrl }
      : null,
    maxMegabytes: policy.concernMaxFileMegabytes,
    categoryItems: categories.map((c) => ({
      value: c.code,
      text: c.label,
      hint: { text: c.hint },
      checked: shown.values.category === c.code,
    })),
    routeItems: [
      {
        value: 'any',
        text: 'Let the council decide',
        checked: !shown.values.route || shown.values.route === 'any',
      },
      ...routes.map((route) => ({
        value: route,
        text: routeNames[route],
        checked: shown.values.route === route,
      })),
    ],
  });
}

async function raised(
  concerns: ConcernsService,
  request: FastifyRequest,
  councilId: string,
  body: RaiseForm,
) {
  const files = await checkedFiles(concerns, councilId, request);
  const { reference, code } = await concerns.raise(councilId, body, files);
  return { shownAgain: { receipt: { reference, code } } };
}

export function intakeRoutes(app: FastifyInstance, concerns: ConcernsService) {
  const uploads = { maxFileBytes: uploadLimitBytes, maxFiles };
  unlogged(app, (scope) => {
    formRoute(scope, '/public/:council/concerns/new', {
      access: 'public',
      params: councilParams,
      notFound: 'No such council',
      body: raiseForm,
      uploads,
      rateLimit: guessLimit(10, 'sent a concern'),
      initial: () => ({ identity: 'anonymous' }),
      page: async (shown) => {
        const council = await publicCouncilOf(concerns, shown.request);
        const base = concernsPath(council.slug);
        return raisePage(concerns, shown, council, {
          action: `${base}/new`,
          followUp: `${base}/follow-up`,
          signedIn: false,
        });
      },
      submit: async ({ request, body }) =>
        raised(concerns, request, (await publicCouncilOf(concerns, request)).councilId, body),
    });
  });
  // Signed in, the request is not logged either; the page says that the public page, not signed in,
  // leaves no trace of who raised an anonymous concern.
  unlogged(app, (scope) => {
    formRoute(scope, '/concerns/new', {
      access: 'concerns:raise',
      body: raiseForm,
      uploads,
      initial: () => ({ identity: 'anonymous' }),
      page: async (shown) => {
        const principal = shown.request.principal;
        if (!principal) throw new Forbidden('Sign in first');
        const base = concernsPath(await concerns.councilSlug(principal.councilId));
        return raisePage(
          concerns,
          shown,
          { councilId: principal.councilId, name: principal.councilName },
          {
            action: '/concerns/new',
            followUp: `${base}/follow-up`,
            signedIn: true,
          },
        );
      },
      submit: async ({ request, body }) =>
        raised(concerns, request, request.principal?.councilId ?? '', body),
    });
  });
}
