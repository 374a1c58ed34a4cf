import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { EnforcementRouteDeps } from '../cases/routes.ts';

// The payments import page: a CSV file from the revenues system (account,date,amount in pence,
// reference). A bad row is shown with its line number and nothing in the file is applied.
export function paymentRoutes(app: FastifyInstance, { enforcement }: EnforcementRouteDeps) {
  formRoute(app, '/enforcement/payments/import', {
    access: 'enforcement:manage',
    body: z.object({}),
    uploads: { maxFileBytes: 2 * 1024 * 1024 },
    initial: () => ({}),
    async page(shown) {
      const principal = signedIn(shown.request);
      return formPage(shown, 'enforcement/payments/views/import.njk', {
        title: 'Import payments',
        imports: await enforcement.payments.recentImports(principal),
        rowErrors: shown.errors.filter((error) => error.key.startsWith('line-')),
        ...shown.shownAgain,
      });
    },
    async submit({ request }) {
      const file = uploadNamed(request, 'file');
      if (!file?.content.length)
        throw new InvalidInput([{ key: 'file', message: 'Choose the CSV file of payments' }]);
      if (file.truncated)
        throw new InvalidInput([{ key: 'file', message: 'The file must be smaller than 2MB' }]);
      const result = await enforcement.payments.importCsv(
        signedIn(request),
        { name: file.fileName, text: file.content.toString('utf8') },
        request.id,
      );
      return { shownAgain: { result } };
    },
  });
}
