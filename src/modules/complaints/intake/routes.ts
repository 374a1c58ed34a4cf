import type { FastifyInstance } from 'fastify';
import { londonDate, londonTime } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { type Answers, channels, documentParams, loggedForm, logQuery } from './input.ts';
import { logChecked } from './log-checked.ts';
import { radioItems, serviceItems } from './pages.ts';
import { contactPreferences } from './rules.ts';
import { checkUpload, maxUploadBytes, maxUploadText } from './uploads.ts';

const access = { config: { access: 'complaints:handle' as const } };

// The staff form's first values: received now, from the person complaining for themselves, with
// the chosen customer's details.
function startingValues(
  now: Date,
  customer: { name: string; email: string; phone: string; address: string } | null,
) {
  const today = londonDate(now);
  return {
    submission: uuidv7(now.getTime()),
    'receivedOn-day': today.slice(8, 10).replace(/^0/, ''),
    'receivedOn-month': today.slice(5, 7).replace(/^0/, ''),
    'receivedOn-year': today.slice(0, 4),
    receivedTime: londonTime(now),
    forWhom: 'self',
    ...(customer
      ? { name: customer.name, email: customer.email, phone: customer.phone, address: customer.address }
      : {}),
  };
}

// A complaint received by phone, email, letter or in person, logged by the complaints team on the
// same record as one made online (003 §3.1). Staff find the customer first, so that any warning
// about their contact is shown before they go on (003 vexatious procedure §6); the complaint is
// logged and triaged on its merits all the same.
export function logComplaintRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { intake, clock } = deps;

  // A file sent with a complaint, downloaded (never shown inline: it came from the public), as the
  // type its first bytes showed it to be, which the browser is told not to second-guess.
  app.get('/complaints/:reference/documents/:id', access, async (request, reply) => {
    const { reference, id } = paramsOf(request, documentParams);
    const document = await intake.document(signedIn(request), reference, id, request.id);
    if (!document) throw new NotFound('No such document');
    return reply
      .type(document.contentType)
      .header('content-disposition', `attachment; filename="${document.fileName.replace(/[^\w. -]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(document.content);
  });

  async function logFormPage(shown: ShownForm & { values: Answers }, customerId: string | null) {
    const principal = signedIn(shown.request);
    const chosen = customerId ? await intake.customerForLog(principal.councilId, customerId) : null;
    if (customerId && !chosen) throw new NotFound('No such customer');
    const services = await intake.services(principal.councilId);
    const { values } = shown;
    return formPage(shown, 'complaints/intake/views/log-form.njk', {
      title: chosen ? `Log a complaint from ${chosen.customer.name}` : 'Log a complaint',
      customer: chosen?.customer ?? null,
      warning: chosen?.warning ?? null,
      maxSize: maxUploadText,
      channelItems: radioItems(channels, values.channel),
      preferenceItems: radioItems(contactPreferences, values.preference),
      serviceItems: serviceItems(services, values.serviceId, 'Not known'),
    });
  }

  app.get('/complaints/log', access, async (request, reply) => {
    const principal = signedIn(request);
    const { customer: customerId, new: fresh, q } = queryOf(request, logQuery);
    if (customerId || fresh === '1') {
      const chosen = customerId ? await intake.customerForLog(principal.councilId, customerId) : null;
      if (customerId && !chosen) throw new NotFound('No such customer');
      const values = startingValues(clock.now(), chosen?.customer ?? null);
      return logFormPage({ request, reply, values, errors: [] }, chosen ? customerId : null);
    }
    const text = q.slice(0, 200);
    return render(request, reply, 'complaints/intake/views/log-find.njk', {
      title: 'Log a complaint',
      q: text,
      results: text ? await intake.searchCustomers(principal.councilId, text) : null,
    });
  });

  formRoute(app, '/complaints/log', {
    access: 'complaints:handle',
    body: loggedForm,
    uploads: { maxFileBytes: maxUploadBytes },
    page: (shown) => {
      const posted = loggedForm.parse(shown.values);
      const submission = posted.submission ?? uuidv7(clock.now().getTime());
      return logFormPage({ ...shown, values: { submission, ...posted.answers } }, posted.customerId);
    },
    submit: async ({ request, body }) => {
      const { file, problem } = checkUpload(uploadNamed(request, 'authority'));
      const uploadErrors = problem
        ? [{ key: 'authority', message: `${problem}. Choose the file again` }]
        : [];
      const logged = await logChecked(
        deps,
        signedIn(request),
        { ...body, authority: file, uploadErrors },
        request.id,
      );
      return `/complaints/${logged.reference}`;
    },
  });
}
