import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { formPage, formRoute, type ShownForm } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { recordPath } from './access.ts';
import { recordsApi } from './api.ts';
import { holdParams, liftForm, recordForm, visitParams } from './input.ts';
import { flags, outcomes, referralKinds } from './rules.ts';
import type { VisitRecords } from './service.ts';

export type RecordsRouteDeps = { records: VisitRecords };

const pageTitle = 'Record the visit';

export function visitRecordRoutes(app: FastifyInstance, deps: RecordsRouteDeps) {
  recordRoutes(app, deps);
  holdRoutes(app, deps);
  recordsApi(app, deps.records);
}

// After each visit, phone-friendly: the outcome, and each flag ticked with its detail under it.
// Once recorded, the same address shows the record and what it was passed on as.
function recordRoutes(app: FastifyInstance, { records }: RecordsRouteDeps) {
  const page = async (shown: ShownForm & { params: { planId: string; visitId: string } }) => {
    const found = await records.recordOf(signedIn(shown.request), shown.params);
    const { visit } = found;
    const vulnerabilityUnheld =
      found.referrals.some((referral) => referral.kind === 'vulnerability') && found.holds.length === 0;
    const data = {
      ...found,
      title: pageTitle,
      outcomes,
      vulnerabilityUnheld,
      back: `/visits/plans/${visit.planId}`,
    };
    if (found.record) return formPage(shown, 'visits/records/views/recorded.njk', data);
    const flagItems = referralKinds.map((kind) => ({ kind, ...flags[kind] }));
    return formPage(shown, 'visits/records/views/record.njk', { ...data, flags: flagItems });
  };
  formRoute(app, '/visits/plans/:planId/visits/:visitId/record', {
    access: 'visits:plan',
    params: visitParams,
    notFound: 'No such visit',
    body: recordForm,
    initial: () => ({ submission: uuidv7(), flags: [] }),
    async submit({ request, params, body }) {
      await records.record(signedIn(request), params, body, request.id);
      return recordPath(params);
    },
    page,
  });
}

function holdRoutes(app: FastifyInstance, { records }: RecordsRouteDeps) {
  formRoute(app, '/visits/recovery-holds/:id', {
    access: 'visits:plan',
    params: holdParams,
    notFound: 'No such recovery hold',
    body: liftForm,
    initial: () => ({}),
    async submit({ request, params, body }) {
      await records.liftHold(signedIn(request), params.id, body.reason, request.id);
      return `/visits/recovery-holds/${params.id}`;
    },
    async page(shown) {
      const found = await records.hold(signedIn(shown.request), shown.params.id);
      return formPage(shown, 'visits/records/views/hold.njk', {
        ...found,
        title: `Recovery action suspended on ${found.hold.accountRef}`,
        recordHref: found.visit ? recordPath(found.visit) : null,
      });
    },
  });
}
