import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { checkUpload, evidenceLimits, fileSizeText, uploadKinds } from '../intake/uploads.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  newPath,
  type PublicContext,
  pageAfter,
  pageBefore,
  perAddressPer10Minutes,
  returningToCheck,
} from './context.ts';
import { councilParams, evidenceForm, removeEvidenceForm } from './input.ts';

const rules = uploadKinds.evidence;
const limitsText = {
  maxFiles: evidenceLimits.maxFiles,
  maxSize: fileSizeText(rules.maxFileBytes),
  maxTotal: fileSizeText(evidenceLimits.maxTotalBytes),
};

// Photos and documents about what happened (optional): added one file at a time, each listed with
// a button to remove it, until the person continues. A file that is refused saves nothing.
export function evidenceRoutes(
  app: FastifyInstance,
  { intake }: ComplaintsRouteDeps,
  context: PublicContext,
) {
  const { councilOf, draftOf } = context;
  const evidencePath = (slug: string, returnTo: boolean) =>
    `${newPath(slug, 'evidence')}${returnTo ? '?from=check' : ''}`;

  async function evidencePage(shown: ShownForm) {
    const { request, reply } = shown;
    const council = await councilOf(request);
    const draft = await draftOf(request);
    if (!draft) return reply.redirect(newPath(council.slug), 303);
    const returnTo = returningToCheck(request, shown.values);
    const files = await intake.drafts.evidence(council.councilId, draft.id);
    return formPage(shown, 'complaints/public/views/evidence.njk', {
      title: 'Send photos or documents (optional)',
      councilName: council.name,
      action: newPath(council.slug, 'evidence'),
      removeAction: newPath(council.slug, 'evidence/remove'),
      multipart: true,
      backHref: newPath(council.slug, returnTo ? 'check' : pageBefore(draft.answers, 'evidence')),
      returnTo,
      files: files.map((file) => ({ ...file, sizeText: fileSizeText(file.sizeBytes) })),
      canAdd: files.length < evidenceLimits.maxFiles,
      ...limitsText,
    });
  }

  formRoute(app, '/public/:council/complaints/new/evidence', {
    access: 'public',
    params: councilParams,
    body: evidenceForm,
    uploads: { maxFileBytes: rules.maxFileBytes },
    rateLimit: perAddressPer10Minutes(20, 'uploaded a file'),
    initial: () => ({}),
    page: evidencePage,
    submit: async ({ request, body }) => {
      const council = await councilOf(request);
      const draft = await draftOf(request);
      if (!draft) return newPath(council.slug);
      const { file, problem } = checkUpload(uploadNamed(request, 'evidence'), 'evidence');
      if (problem) throw new InvalidInput([{ key: 'evidence', message: problem }]);
      if (file) await intake.drafts.addEvidence(council, draft.id, file);
      else if (body.add) throw new InvalidInput([{ key: 'evidence', message: 'Select a file to add' }]);
      if (body.add) return evidencePath(council.slug, body.returnTo);
      return newPath(council.slug, pageAfter(draft.answers, 'evidence', body.returnTo, true));
    },
  });

  formRoute(app, '/public/:council/complaints/new/evidence/remove', {
    access: 'public',
    params: councilParams,
    body: removeEvidenceForm,
    rateLimit: perAddressPer10Minutes(60, 'removed a file'),
    page: async ({ request, reply }) =>
      reply.redirect(newPath((await councilOf(request)).slug, 'evidence'), 303),
    submit: async ({ request, body }) => {
      const council = await councilOf(request);
      const draft = await draftOf(request);
      if (!draft) return newPath(council.slug);
      await intake.drafts.removeEvidence(council.councilId, draft.id, body.file);
      return evidencePath(council.slug, body.returnTo);
    },
  });
}
