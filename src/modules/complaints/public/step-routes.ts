import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { complaintSteps, overLimit, type Step } from '../intake/input.ts';
import { radioItems, serviceItems } from '../intake/pages.ts';
import { contactPreferences } from '../intake/rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  newPath,
  type PublicContext,
  pageAfter,
  pageBefore,
  rememberDraft,
  returningToCheck,
} from './context.ts';
import { councilParams, stepForm } from './input.ts';

// One question a page. What was typed is kept, right or wrong, so that the person sees it again
// after an error or Back; too much typed in a field is shown again with the error, and not kept.
export function stepRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps, context: PublicContext) {
  const { intake } = deps;
  const { councilOf, draftOf, checkContext } = context;

  const stepPage = (step: Step) => async (shown: ShownForm) => {
    const { request, reply } = shown;
    const council = await councilOf(request);
    const draft = await draftOf(request);
    if (!draft) return reply.redirect(newPath(council.slug), 303);
    const values = shown.errors.length ? { ...draft.answers, ...step.read(shown.values) } : draft.answers;
    const returnTo = returningToCheck(request, shown.values);
    const services = step.key === 'service' ? await intake.services(council.councilId) : [];
    return formPage({ ...shown, values }, `complaints/public/views/${step.key}.njk`, {
      title: step.title,
      councilName: council.name,
      action: newPath(council.slug, step.key),
      backHref: newPath(council.slug, returnTo ? 'check' : pageBefore(values, step.key)),
      returnTo,
      serviceItems: serviceItems(services, values.serviceId, 'I do not know'),
      preferenceItems: radioItems(contactPreferences, values.preference),
    });
  };

  for (const step of complaintSteps) {
    formRoute(app, `/public/:council/complaints/new/${step.key}`, {
      access: 'public',
      params: councilParams,
      body: stepForm(step),
      initial: () => ({}),
      page: stepPage(step),
      submit: async ({ request, reply, body }) => {
        const council = await councilOf(request);
        const draft = await draftOf(request);
        if (!draft) return newPath(council.slug);
        const tooLong = overLimit(body.answers);
        if (tooLong.length) throw new InvalidInput(tooLong);
        await intake.drafts.save(council.councilId, draft.id, body.answers);
        rememberDraft(request, reply, council.slug, draft.id); // kept as long as the draft is
        const answers = { ...draft.answers, ...body.answers };
        const errors = step.check(answers, await checkContext(council.councilId));
        if (errors.length) throw new InvalidInput(errors);
        const hasAuthority = Boolean(await intake.drafts.authority(council.councilId, draft.id));
        return newPath(council.slug, pageAfter(answers, step.key, body.returnTo, hasAuthority));
      },
    });
  }
}
