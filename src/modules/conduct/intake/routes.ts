import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { perAddressPer10Minutes } from '../../../platform/web/rate-limits.ts';
import { render } from '../../../platform/web/render.ts';
import { type ComplaintForm, complaintForm, councilParams } from './input.ts';
import type { ConductIntake } from './service.ts';

const sentCookie = 'conduct-complaint';
const conductPath = (slug: string) => `/public/${slug}/councillor-complaints`;

// The public form for a complaint about a councillor: no account, a per-address limit, CSRF.
// Which complaint was sent is kept in a signed cookie for the confirmation page.
export function intakeRoutes(app: FastifyInstance, intake: ConductIntake) {
  const councilOf = (request: FastifyRequest) =>
    intake.council(paramsOf(request, councilParams, 'No such council').council);

  async function formOf(shown: ShownForm) {
    const council = await councilOf(shown.request);
    const councillors = await intake.councillors(council.councilId);
    return formPage(shown, 'conduct/intake/views/form.njk', {
      title: 'Complain about a councillor',
      councilName: council.name,
      action: `${conductPath(council.slug)}/new`,
      councillorItems: [
        { value: '', text: 'Select a councillor' },
        ...councillors.map((c) => ({
          value: c.id,
          text: `${c.name} (${c.ward}${c.party ? `, ${c.party}` : ''})`,
        })),
        { value: 'all', text: 'All the councillors' },
      ],
    });
  }

  formRoute(app, '/public/:council/councillor-complaints/new', {
    access: 'public',
    params: councilParams,
    body: complaintForm,
    dates: ['happenedOn'],
    rateLimit: perAddressPer10Minutes(10, 'sent a complaint about a councillor'),
    initial: () => ({ submission: uuidv7(Date.now()) }),
    page: formOf,
    submit: async ({ request, reply, body }) => {
      const council = await councilOf(request);
      const { id } = await intake.receive(council.councilId, body satisfies ComplaintForm);
      reply.setCookie(sentCookie, id, {
        path: conductPath(council.slug),
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: true,
        maxAge: 24 * 60 * 60,
      });
      return `${conductPath(council.slug)}/sent`;
    },
  });

  app.get(
    '/public/:council/councillor-complaints/sent',
    { config: { access: 'public' } },
    async (request, reply) => {
      const council = await councilOf(request);
      const raw = request.cookies[sentCookie];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      const id = unsigned?.valid && unsigned.value && isUuid(unsigned.value) ? unsigned.value : null;
      const receipt = id ? await intake.receipt(council.councilId, id) : null;
      if (!receipt) return reply.redirect(`${conductPath(council.slug)}/new`, 303);
      reply.header('cache-control', 'no-store');
      return render(request, reply, 'conduct/intake/views/sent.njk', {
        title: 'Complaint sent',
        councilName: council.name,
        ...receipt,
      });
    },
  );
}
