import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate, londonTime } from '../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { type FieldError, NotFound } from '../../platform/errors.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import {
  type Answers,
  channels,
  checkReceived,
  complaintSteps,
  completeFacts,
  londonInstant,
  parseTime,
  readReceived,
  type StaffChannel,
} from './intake-input.ts';
import { radioItems, serviceItems } from './intake-pages.ts';
import { contactPreferences } from './intake-rules.ts';
import type { ComplaintsRouteDeps } from './routes.ts';
import { acceptUploads, checkUpload, maxUploadText, uploadNamed } from './uploads.ts';

const access = { config: { access: 'complaints:handle' as const } };

// A complaint received by phone, email, letter or in person, logged by the complaints team on the
// same record as one made online (003 §3.1). Staff find the customer first, so that any warning
// about their contact is shown before they go on (003 vexatious procedure §6); the complaint is
// logged and triaged on its merits all the same.
export function logComplaintRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { intake, clock } = deps;

  // A file sent with a complaint, downloaded (never shown inline: it came from the public).
  app.get('/complaints/:reference/documents/:id', access, async (request, reply) => {
    const { reference, id } = request.params as { reference: string; id: string };
    const document = await intake.document(signedIn(request), reference, id, request.id);
    if (!document) throw new NotFound('No such document');
    return reply
      .type(document.contentType)
      .header('content-disposition', `attachment; filename="${document.fileName.replace(/[^\w. -]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .send(document.content);
  });

  app.register(async (scope) => {
    await acceptUploads(scope);

    async function showForm(
      request: FastifyRequest,
      reply: FastifyReply,
      customerId: string | null,
      values: Answers,
      errors: FieldError[] = [],
      status = 400,
    ) {
      const principal = signedIn(request);
      const chosen = customerId ? await intake.customerForLog(principal.councilId, customerId) : null;
      if (customerId && !chosen) throw new NotFound('No such customer');
      if (errors.length) reply.code(status);
      const services = await intake.services(principal.councilId);
      return render(request, reply, 'complaints/views/log-form.njk', {
        title: chosen ? `Log a complaint from ${chosen.customer.name}` : 'Log a complaint',
        customer: chosen?.customer ?? null,
        warning: chosen?.warning ?? null,
        values,
        maxSize: maxUploadText,
        channelItems: radioItems(channels, values.channel),
        preferenceItems: radioItems(contactPreferences, values.preference),
        serviceItems: serviceItems(services, values.serviceId, 'Not known'),
        ...formErrors(errors),
      });
    }

    scope.get('/complaints/log', access, async (request, reply) => {
      const principal = signedIn(request);
      const query = request.query as Record<string, unknown>;
      const customerId = text(query.customer);
      if (customerId || query.new === '1') {
        const chosen = customerId ? await intake.customerForLog(principal.councilId, customerId) : null;
        if (customerId && !chosen) throw new NotFound('No such customer');
        const now = clock.now();
        return showForm(request, reply, chosen ? customerId : null, {
          submission: uuidv7(now.getTime()),
          'receivedOn-day': londonDate(now).slice(8, 10).replace(/^0/, ''),
          'receivedOn-month': londonDate(now).slice(5, 7).replace(/^0/, ''),
          'receivedOn-year': londonDate(now).slice(0, 4),
          receivedTime: londonTime(now),
          forWhom: 'self',
          ...(chosen
            ? {
                name: chosen.customer.name,
                email: chosen.customer.email,
                phone: chosen.customer.phone,
                address: chosen.customer.address,
              }
            : {}),
        });
      }
      const q = text(query.q).trim().slice(0, 200);
      return render(request, reply, 'complaints/views/log-find.njk', {
        title: 'Log a complaint',
        q,
        results: q ? await intake.searchCustomers(principal.councilId, q) : null,
      });
    });

    scope.post('/complaints/log', access, async (request, reply) => {
      const principal = signedIn(request);
      const body = request.body as Record<string, unknown>;
      const customerId = isUuid(text(body.customer)) ? text(body.customer) : null;
      const submission = isUuid(text(body.submission))
        ? text(body.submission)
        : uuidv7(clock.now().getTime());
      const values: Answers = { submission, ...readReceived(body) };
      for (const step of complaintSteps) Object.assign(values, step.read(body));
      const today = londonDate(clock.now());
      const services = await intake.services(principal.councilId);
      const context = { today, serviceIds: new Set(services.map((service) => service.id)) };
      const errors = [
        ...checkReceived(values, today),
        ...complaintSteps.flatMap((step) => step.check(values, context)),
      ];
      // Only worked out once the date and time are known to be good (checkReceived).
      const receivedAt = errors.length
        ? clock.now()
        : londonInstant(values.receivedOn ?? today, parseTime(values.receivedTime ?? '') ?? '00:00');
      if (!errors.length && receivedAt > clock.now()) {
        errors.push({ key: 'receivedTime', message: 'The time received must be in the past' });
      }
      const upload = uploadNamed(request, 'authority');
      const { file, problem } = checkUpload(upload);
      if (problem) errors.push({ key: 'authority', message: `${problem}. Choose the file again` });
      const checked = completeFacts(values, context);
      if (errors.length || !checked.facts) {
        return showForm(request, reply, customerId, values, errors, upload?.truncated ? 413 : 400);
      }
      const logged = await intake.logComplaint(
        principal,
        {
          id: submission,
          facts: checked.facts,
          channel: values.channel as StaffChannel,
          receivedAt,
          customerId,
          authority: file,
        },
        request.id,
      );
      return reply.redirect(`/complaints/${logged.reference}`, 303);
    });
  });
}
