import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { checkUpload, maxUploadBytes, maxUploadText } from '../intake/uploads.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  newPath,
  type PublicContext,
  pageAfter,
  perAddressPer10Minutes,
  returningToCheck,
} from './context.ts';
import { authorityForm, councilParams } from './input.ts';

// The written authority of the person complained for (003 §4.1): the only page that takes a file.
export function authorityRoutes(
  app: FastifyInstance,
  { intake }: ComplaintsRouteDeps,
  context: PublicContext,
) {
  const { councilOf, draftOf } = context;

  async function authorityPage(shown: ShownForm) {
    const { request, reply } = shown;
    const council = await councilOf(request);
    const draft = await draftOf(request);
    if (!draft) return reply.redirect(newPath(council.slug), 303);
    if (!shown.errors.length && draft.answers.forWhom !== 'someone-else')
      return reply.redirect(newPath(council.slug, 'who'), 303);
    const returnTo = returningToCheck(request, shown.values);
    return formPage(shown, 'complaints/public/views/authority.njk', {
      title: 'Upload their written permission',
      councilName: council.name,
      action: newPath(council.slug, 'authority'),
      multipart: true,
      backHref: newPath(council.slug, returnTo ? 'check' : 'who'),
      returnTo,
      theirName: draft.answers.theirName,
      current: await intake.drafts.authority(council.councilId, draft.id),
      maxSize: maxUploadText,
    });
  }

  formRoute(app, '/public/:council/complaints/new/authority', {
    access: 'public',
    params: councilParams,
    body: authorityForm,
    uploads: { maxFileBytes: maxUploadBytes },
    rateLimit: perAddressPer10Minutes(20, 'uploaded a file'),
    initial: () => ({}),
    page: authorityPage,
    submit: async ({ request, body }) => {
      const council = await councilOf(request);
      const draft = await draftOf(request);
      if (!draft) return newPath(council.slug);
      const { file, problem } = checkUpload(uploadNamed(request, 'authority'));
      if (problem) throw new InvalidInput([{ key: 'authority', message: problem }]);
      if (file) await intake.drafts.saveAuthority(council, draft.id, file);
      else if (!(await intake.drafts.authority(council.councilId, draft.id)))
        throw new InvalidInput([{ key: 'authority', message: 'Select a file to upload' }]);
      return newPath(
        council.slug,
        body.returnTo ? 'check' : pageAfter(draft.answers, 'authority', false, true),
      );
    },
  });
}
