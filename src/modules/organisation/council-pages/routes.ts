import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { actorOf, render, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { councilPageParams, pageForm, pageParams } from './input.ts';
import { editablePages, pageBlocks, pageTitles } from './rules.ts';

const views = 'organisation/council-pages/views';
const footerPages = [...editablePages, 'cookies'] as const;
const savedQuery = z.object({ saved: z.enum(['worded', 'restored']).optional().catch(undefined) });
const saved = { worded: 'The page has been saved', restored: 'The page has its default wording again' };

// Each council's footer pages, public, at /public/<council>/<page>; and the same paths without a
// council, for pages that belong to none (signing in), which lead to the council's own.
export function councilPageRoutes(app: FastifyInstance, organisation: OrganisationService) {
  for (const page of editablePages) {
    app.get(`/public/:council/${page}`, { config: { access: 'public' } }, async (request, reply) => {
      const { council } = paramsOf(request, councilPageParams);
      const shown = await organisation.publicCouncilPage(council, page);
      if (!shown) throw new NotFound('Page not found');
      return render(request, reply, `${views}/page.njk`, {
        title: pageTitles[page],
        councilName: shown.council.name,
        slug: council,
        page,
        blocks: pageBlocks(shown.text),
      });
    });
  }

  app.get('/public/:council/cookies', { config: { access: 'public' } }, async (request, reply) => {
    const { council } = paramsOf(request, councilPageParams);
    const found = await organisation.councilBySlug(council);
    if (!found) throw new NotFound('Page not found');
    return render(request, reply, `${views}/cookies.njk`, { title: 'Cookies', councilName: found.name });
  });

  for (const page of footerPages) {
    app.get(`/${page}`, { config: { access: 'public' } }, async (request, reply) => {
      const councils = request.principal
        ? [await organisation.council(request.principal.councilId)]
        : await organisation.councils();
      const [only] = councils;
      if (councils.length === 1 && only) return reply.redirect(`/public/${only.slug}/${page}`);
      return render(request, reply, `${views}/choose-council.njk`, {
        title: pageTitles[page],
        page,
        councils,
      });
    });
  }

  adminRoutes(app, organisation);
}

function adminRoutes(app: FastifyInstance, organisation: OrganisationService) {
  app.get('/admin/pages', { config: { access: 'policy:manage' } }, async (request, reply) => {
    const { slug } = await organisation.council(signedIn(request).councilId);
    const pages = editablePages.map((page) => ({
      page,
      title: pageTitles[page],
      href: `/public/${slug}/${page}`,
    }));
    return render(request, reply, `${views}/admin.njk`, { title: 'Public pages', pages });
  });

  formRoute(app, '/admin/pages/:page', {
    access: 'policy:manage',
    params: pageParams,
    body: pageForm,
    initial: async (request, { page }) => ({
      body: (await organisation.councilPage(signedIn(request).councilId, page)).text,
    }),
    page: (shown) => {
      const { saved: outcome } = queryOf(shown.request, savedQuery);
      return formPage(shown, `${views}/edit.njk`, {
        title: `Edit the ${pageTitles[shown.params.page].toLowerCase()}`,
        page: shown.params.page,
        flash: outcome && !shown.errors.length ? saved[outcome] : undefined,
      });
    },
    submit: async ({ request, params, body }) => {
      const { restored } = await organisation.saveCouncilPage(actorOf(request), params.page, body.body);
      return `/admin/pages/${params.page}?saved=${restored ? 'restored' : 'worded'}`;
    },
  });
}
