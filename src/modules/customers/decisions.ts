import { actorFor, appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { dayMonthYear } from '../../platform/calendar/date-text.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { InvalidInput } from '../../platform/errors.ts';
import type { CustomerLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import { decisionKit } from './decision-kit.ts';
import { optional, type Problems, required } from './input.ts';
import * as repo from './repository.ts';
import { reviewsService } from './reviews.ts';
import {
  type Category,
  capabilitiesOf,
  categoryLetter,
  categoryReviewOn,
  isRestrictionKind,
  restrictionKinds,
  restrictionRefusal,
  restrictionReviewOn,
  stepUpRefusals,
} from './rules.ts';

export type CategorisationForm = {
  behaviour: string;
  evidence: string;
  equalityCheck: string;
  singlePointOfContactId: string;
  // Vexatious only: the restrictions put in place with the decision (whole council, from today).
  restrictions: string[];
  namedOfficerId: string;
  restrictionDetail: string;
};

export type RestrictionForm = {
  kind: string;
  scopeServiceId: string; // '' for the whole council
  reason: string;
  detail: string;
  namedOfficerId: string;
  startsOn: string; // YYYY-MM-DD, '' or 'not-a-date'
  reviewOn: string;
};

export type ReviewForm = { decision: string; category: string; endRestrictionIds: string[]; notes: string };
export type ReviewRequestForm = { requestedOn: string; request: string };

// Decisions about a customer's behaviour: categories (003 VC §4.2-4.5) and restrictions (§5.2),
// each in one transaction with its audit event and letter; reviews (§4.6) in reviews.ts.
export function decisionsService(
  deps: ModuleDeps,
  {
    letters,
    existing,
  }: { letters: CustomerLetters; existing: (councilId: string, id: string) => Promise<repo.Customer> },
) {
  const { db, clock, organisation } = deps;
  const kit = decisionKit(deps, letters);
  const { activeStaff, restrictionsText, contactLine, insertRestriction, writeLetter } = kit;
  const reviews = reviewsService(deps, { kit, existing });
  const api = {
    // Staff who may be named as a single point of contact or the named officer.
    staff: async (councilId: string) =>
      (await organisation.listPeople(councilId, {}, { limit: 2000 })).people.map((p) => ({
        id: p.id,
        name: p.name,
        jobTitle: p.jobTitle,
      })),

    services: (councilId: string) => organisation.services(councilId),

    policyMonths: async (councilId: string) => (await organisation.policy(councilId)).restrictionReviewMonths,

    async defaultRestrictionReviewOn(councilId: string, startsOn: string): Promise<string> {
      return restrictionReviewOn(startsOn, (await organisation.policy(councilId)).restrictionReviewMonths);
    },

    // Warned (§4.2), pre-vexatious (§4.4) or vexatious (§4.5), with the letter that says so.
    async categorise(
      principal: Principal,
      customerId: string,
      to: Exclude<Category, 'none'>,
      form: CategorisationForm,
      requestId?: string,
    ): Promise<void> {
      const { councilId } = principal;
      const customer = await existing(councilId, customerId);
      const problems: Problems = [];
      const decision = {
        behaviour: required(problems, 'behaviour', form.behaviour, 10000, 'the behaviour'),
        evidence: required(problems, 'evidence', form.evidence, 10000, 'the evidence'),
        equalityCheck: required(
          problems,
          'equalityCheck',
          form.equalityCheck,
          5000,
          'the Equality Act check',
        ),
      };
      const spoc = to === 'warned' ? null : await activeStaff(councilId, form.singlePointOfContactId);
      const refusals = stepUpRefusals(
        to,
        {
          current: customer.category,
          contacts: await repo.contactCount(db, councilId, customerId),
          capabilities: capabilitiesOf(principal.roles),
        },
        { ...decision, singlePointOfContactId: spoc?.id ?? null },
      );
      // 003 VC §4.5: the vexatious decision comes with the restrictions it puts in place, so the
      // letter can tell the customer what they are.
      const chosen = to === 'vexatious' ? form.restrictions : [];
      for (const kind of chosen)
        if (!isRestrictionKind(kind))
          problems.push({ key: 'restrictions', message: 'Select restrictions from the list' });
      const officer = chosen.includes('named-officer-only')
        ? await activeStaff(councilId, form.namedOfficerId)
        : null;
      if (chosen.includes('named-officer-only') && !officer) {
        problems.push({ key: 'namedOfficerId', message: 'Choose the officer they may contact' });
      }
      const detail = optional(problems, 'restrictionDetail', form.restrictionDetail, 1000, 'the detail');
      if (chosen.includes('limited-correspondence') && detail === '') {
        problems.push({
          key: 'restrictionDetail',
          message: 'Say which kinds of correspondence they may still send',
        });
      }
      const seen = new Set(problems.map((p) => p.key));
      const errors = [
        ...refusals.filter((r) => r.key === 'form'),
        ...problems,
        ...refusals.filter((r) => r.key !== 'form' && !seen.has(r.key)),
      ];
      if (errors.length) throw new InvalidInput(errors);
      const policy = await organisation.policy(councilId);
      const at = clock.now();
      const today = londonDate(at);
      const reviewOn = categoryReviewOn(to, today, policy.restrictionReviewMonths);
      const contact = await contactLine(councilId, spoc?.id ?? null);
      await db.transaction().execute(async (trx) => {
        for (const kind of chosen) {
          await insertRestriction(
            trx,
            principal,
            customerId,
            {
              kind,
              scope_service_id: null,
              scope_service_name: '',
              detail: kind === 'limited-correspondence' ? detail : '',
              reason: decision.behaviour,
              named_officer_id: kind === 'named-officer-only' ? (officer?.id ?? null) : null,
              starts_on: today,
              review_on: restrictionReviewOn(today, policy.restrictionReviewMonths),
            },
            at,
            requestId,
          );
        }
        const values: Record<string, string> =
          to === 'warned'
            ? { behaviour: decision.behaviour }
            : to === 'pre-vexatious'
              ? { behaviour: decision.behaviour, contact }
              : {
                  behaviour: decision.behaviour,
                  contact,
                  restrictions: await restrictionsText(trx, councilId, customerId, today),
                  reviewOn: dayMonthYear(reviewOn ?? today),
                };
        const written = await writeLetter(trx, principal, customer, categoryLetter[to], values, at);
        const id = uuidv7(at.getTime());
        await trx
          .insertInto('customer_categorisation')
          .values({
            council_id: councilId,
            id,
            customer_id: customerId,
            category: to,
            behaviour: decision.behaviour,
            evidence: decision.evidence,
            equality_check: decision.equalityCheck,
            single_point_of_contact_id: spoc?.id ?? null,
            review_on: reviewOn,
            letter_id: written.id,
            decided_by: principal.personId,
            decided_by_name: principal.name,
            decided_at: at,
          })
          .execute();
        await trx
          .updateTable('customer')
          .set({
            category: to,
            single_point_of_contact_id: spoc?.id ?? customer.singlePointOfContactId,
            category_review_on: reviewOn,
            updated_at: at,
          })
          .where('council_id', '=', councilId)
          .where('id', '=', customerId)
          .execute();
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          {
            action: 'customer.categorised',
            recordType: 'customer',
            recordId: customerId,
            before: { category: customer.category },
            after: {
              category: to,
              categorisationId: id,
              singlePointOfContactId: spoc?.id ?? null,
              reviewOn,
              letterId: written.id,
            },
          },
          at,
        );
        return written;
      });
    },

    // A restriction on how the customer may contact the council (003 VC §5.2), reviewed every
    // restrictionReviewMonths (§4.6).
    async imposeRestriction(
      principal: Principal,
      customerId: string,
      form: RestrictionForm,
      requestId?: string,
    ): Promise<string> {
      const { councilId } = principal;
      const customer = await existing(councilId, customerId);
      const problems: Problems = [];
      const refusal = restrictionRefusal(customer.category);
      if (refusal) problems.push({ key: 'form', message: refusal });
      if (!isRestrictionKind(form.kind)) problems.push({ key: 'kind', message: 'Select the restriction' });
      const service = form.scopeServiceId
        ? (await organisation.services(councilId)).find((s) => s.id === form.scopeServiceId)
        : null;
      if (form.scopeServiceId && !service)
        problems.push({ key: 'scopeServiceId', message: 'Select a service of the council' });
      const reason = required(problems, 'reason', form.reason, 5000, 'the reason for the restriction');
      const detail = optional(problems, 'detail', form.detail, 1000, 'the detail');
      if (form.kind === 'limited-correspondence' && detail === '') {
        problems.push({ key: 'detail', message: 'Say which kinds of correspondence they may still send' });
      }
      const officer =
        form.kind === 'named-officer-only' ? await activeStaff(councilId, form.namedOfficerId) : null;
      if (form.kind === 'named-officer-only' && !officer) {
        problems.push({ key: 'namedOfficerId', message: 'Choose the officer they may contact' });
      }
      if (form.startsOn === '')
        problems.push({ key: 'startsOn', message: 'Enter the date the restriction starts' });
      else if (!isIsoDate(form.startsOn))
        problems.push({ key: 'startsOn', message: 'The start date must be a real date' });
      const startsOn = isIsoDate(form.startsOn) ? form.startsOn : londonDate(clock.now());
      const reviewOn =
        form.reviewOn === '' ? await api.defaultRestrictionReviewOn(councilId, startsOn) : form.reviewOn;
      if (!isIsoDate(reviewOn))
        problems.push({ key: 'reviewOn', message: 'The review date must be a real date' });
      else if (reviewOn <= startsOn)
        problems.push({ key: 'reviewOn', message: 'The review date must be after the start date' });
      if (problems.length) throw new InvalidInput(problems);
      const at = clock.now();
      const row = {
        kind: form.kind,
        scope_service_id: service?.id ?? null,
        scope_service_name: service?.name ?? '',
        detail,
        reason,
        named_officer_id: officer?.id ?? null,
        starts_on: startsOn,
        review_on: reviewOn,
      };
      // The customer is told the restrictions that now apply, in the letter the vexatious decision
      // sends (003 VC §4.5, §5.1 "inform the complainant of the action the Council has chosen").
      const contact = await contactLine(councilId, customer.singlePointOfContactId);
      return db.transaction().execute(async (trx) => {
        const id = await insertRestriction(trx, principal, customerId, row, at, requestId);
        const values = {
          behaviour: reason,
          contact,
          restrictions: await restrictionsText(trx, councilId, customerId, londonDate(at)),
          reviewOn: dayMonthYear(reviewOn),
        };
        await writeLetter(trx, principal, customer, 'vexatious', values, at);
        return id;
      });
    },

    async endRestriction(
      principal: Principal,
      customerId: string,
      restrictionId: string,
      reason: string,
      requestId?: string,
    ): Promise<void> {
      const { councilId } = principal;
      const customer = await existing(councilId, customerId);
      const restriction = (await repo.restrictions(db, councilId, customerId)).find(
        (r) => r.id === restrictionId,
      );
      if (!restriction || restriction.endedOn)
        throw new InvalidInput([{ key: 'form', message: 'That restriction has already ended' }]);
      const problems: Problems = [];
      const why = required(problems, 'endReason', reason, 2000, 'why the restriction is ending');
      if (problems.length) throw new InvalidInput(problems);
      // Ending a restriction changes what the customer was told, so it is a review: recorded, and
      // the customer told in writing (DOMAIN.md §4 "when it lapses or is lifted").
      await reviews.review(
        principal,
        customerId,
        { decision: 'change', category: customer.category, endRestrictionIds: [restrictionId], notes: why },
        requestId,
      );
    },

    // The customer's request for a review (DOMAIN.md §4 "a right to ask for a review").
    ...reviews,
    restrictionKinds,
  };
  return api;
}
