import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { caseView } from './case-view.ts';
import {
  assessForm,
  complaintParams,
  complianceForm,
  decideForm,
  hearingForm,
  letterParams,
  reportForm,
  sanctionParams,
  viewForm,
} from './input.ts';
import { stateNames } from './rules.ts';
import type { ConductCasework } from './service.ts';

const casePath = (id: string) => `/conduct/complaints/${id}`;

// The monitoring officer's pages: the complaints, one complaint with the form for its next step,
// and its letters as PDFs. An investigator reaches the complaints they investigate; the service
// refuses everyone else (policy.ts).
export function caseworkRoutes(app: FastifyInstance, casework: ConductCasework) {
  app.get('/conduct', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const complaints = await casework.list(principal, true);
    return render(request, reply, 'conduct/casework/views/list.njk', {
      title: 'Councillor conduct complaints',
      complaints: complaints.map((c) => ({ ...c, stateName: stateNames[c.state] ?? c.state })),
    });
  });

  app.get('/conduct/complaints/:id', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = paramsOf(request, complaintParams, 'No such complaint');
    return casePage({ request, reply, values: {}, errors: [] }, id, '');
  });

  async function casePage(shown: ShownForm, id: string, form: string) {
    const data = await casework.page(signedIn(shown.request), id, shown.request.id);
    if (shown.errors.length) shown.reply.code(400);
    return render(shown.request, shown.reply, 'conduct/casework/views/case.njk', caseView(data, shown, form));
  }

  const step = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (request: FastifyRequest, id: string, form: z.output<B>) => Promise<void>,
    dates: string[] = [],
  ) =>
    formRoute(app, `/conduct/complaints/:id/${path}`, {
      access: 'signed-in',
      params: complaintParams,
      notFound: 'No such complaint',
      body,
      dates,
      page: (shown) => casePage(shown, shown.params.id, path),
      submit: async ({ request, params, body: form }) => {
        await run(request, params.id, form);
        return casePath(params.id);
      },
    });

  step('assess', assessForm, (r, id, form) => casework.assess(signedIn(r), id, form, r.id));
  step('view', viewForm, (r, id, form) => casework.recordView(signedIn(r), id, form, r.id));
  step('decide', decideForm, (r, id, form) => casework.decide(signedIn(r), id, form, r.id));
  step('report', reportForm, (r, id, form) => casework.report(signedIn(r), id, form, r.id));
  step('hearing', hearingForm, (r, id, form) => casework.hear(signedIn(r), id, form, r.id), [
    'hearingOn',
    'complyBy',
  ]);

  formRoute(app, '/conduct/complaints/:id/sanctions/:sanctionId', {
    access: 'signed-in',
    params: sanctionParams,
    notFound: 'No such sanction',
    body: complianceForm,
    page: (shown) => casePage(shown, shown.params.id, `sanction-${shown.params.sanctionId}`),
    submit: async ({ request, params, body }) => {
      await casework.comply(signedIn(request), params.id, params.sanctionId, body, request.id);
      return casePath(params.id);
    },
  });

  app.get(
    '/conduct/complaints/:id/letters/:letterId/pdf',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const { id, letterId } = paramsOf(request, letterParams, 'No such letter');
      const { pdf, fileName } = await casework.letterPdf(signedIn(request), id, letterId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
