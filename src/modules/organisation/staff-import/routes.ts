import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, idParam, queryOf } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { actorOf, signedIn } from '../../../platform/web/render.ts';
import { employmentTypeNames } from '../people/input.ts';
import type { OrganisationService } from '../service.ts';
import type { StaffPlan } from './plan.ts';

// The staff file's pages: upload the HR system's export, read what it would do, apply it.

const fileField = 'file';
// 20,000 staff are about 3 MB.
export const maxStaffBytes = 20 * 1024 * 1024;
// The longest list a preview page shows of each kind; the counts are always whole.
const shownRows = 200;
const importParams = z.object({ id: idParam });
const appliedQuery = z.object({ applied: z.unknown().optional().transform(Boolean) });

export function staffImportRoutes(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/people/import', {
    access: 'people:import',
    body: z.object({}),
    uploads: { maxFileBytes: maxStaffBytes },
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, 'organisation/staff-import/views/upload.njk', {
        title: 'Import staff from the HR system',
        maxSize: '20 MB',
      }),
    submit: async ({ request }) => {
      const upload = uploadNamed(request, fileField);
      if (!upload || upload.content.length === 0)
        throw new InvalidInput([
          { key: fileField, message: 'Choose the CSV file exported from the HR system' },
        ]);
      if (upload.truncated)
        throw new InvalidInput([{ key: fileField, message: 'The file must be smaller than 20 MB' }]);
      const preview = await organisation.previewStaff(actorOf(request), upload.content.toString('utf8'));
      return `/people/imports/${preview.importId}`;
    },
  });

  formRoute(app, '/people/imports/:id', {
    access: 'people:import',
    params: importParams,
    notFound: 'No such staff file',
    body: z.object({ digest: formText }),
    initial: (request, params) => ({ applied: queryOf(request, appliedQuery).applied, id: params.id }),
    page: async (shown) => {
      const viewer = signedIn(shown.request);
      const found = await organisation.showStaffPreview(viewer.councilId, shown.params.id, viewer.personId);
      return formPage(shown, 'organisation/staff-import/views/preview.njk', {
        title: titles[found.state],
        ...(found.state === 'previewed' ? { ...previewView(found.plan), digest: found.digest } : found),
        state: found.state,
        importId: shown.params.id,
        flash: shown.values.applied ? 'The staff file has been applied' : undefined,
      });
    },
    submit: async ({ request, params, body }) => {
      await organisation.applyStaff(actorOf(request), params.id, body.digest);
      return `/people/imports/${params.id}?applied=1`;
    },
  });
}

const titles = {
  previewed: 'Check the staff file before applying it',
  applied: 'Staff file applied',
  expired: 'This staff file’s preview has expired',
} as const;

// What the page shows of a plan: the counts, and the first rows of each list.
export function previewView(plan: StaffPlan) {
  return {
    counts: {
      rows: plan.rows,
      added: plan.added.length,
      changed: plan.changed.length,
      leavers: plan.leavers.length,
      unchanged: plan.unchanged,
      alreadyLeft: plan.alreadyLeft,
      errors: plan.errors.length,
    },
    shownRows,
    added: plan.added.slice(0, shownRows).map(({ line, values }) => ({
      line,
      ...values,
      employmentType: employmentTypeNames[values.employmentType],
    })),
    changed: plan.changed.slice(0, shownRows),
    leavers: plan.leavers.slice(0, shownRows),
    rowErrors: plan.errors.slice(0, shownRows),
  };
}
