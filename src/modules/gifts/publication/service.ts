import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/errors.ts';
import type { CursorKey } from '../../platform/web/cursor.ts';
import type { OrganisationService } from '../organisation/service.ts';
import * as repo from './repository.ts';
import { formatPence, natureName, relationships, valueBand } from './rules.ts';

// The published register (002 Monitoring: open data), with only the fields the council chose.
// Names are published for heads of service and above only; nobody's below.
const publicationColumns = {
  seniorName: 'Name',
  jobTitle: 'Job title',
  service: 'Service',
  offeror: 'Offered by',
  relationship: 'Relationship with the council',
  nature: 'Nature of the gift or hospitality',
  valueBand: 'Value band',
  value: 'Estimated value',
  date: 'Date offered',
  decision: 'Accepted or declined',
} as const;
type PublicationField = keyof typeof publicationColumns;

type PublishedRow = Partial<Record<PublicationField, string>>;

// How far back the published register goes.
const publishedYears = 3;

function publish(offer: repo.GiftOffer, fields: readonly PublicationField[]): PublishedRow {
  const all: Record<PublicationField, string> = {
    seniorName: offer.senior ? offer.recipientName : '',
    jobTitle: offer.jobTitle,
    service: offer.serviceName,
    offeror: offer.offerorOrganisation || offer.offerorPerson,
    relationship: relationships[offer.relationship],
    nature: `${offer.kind === 'gift' ? 'Gift' : 'Hospitality'}: ${natureName(offer.kind, offer.nature)}`,
    valueBand: valueBand(offer.valuePence),
    value: formatPence(offer.valuePence),
    date: offer.offeredOn,
    decision: offer.state === 'accepted' ? 'Accepted' : 'Declined',
  };
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
}

export type GiftPublication = ReturnType<typeof giftPublication>;

export function giftPublication(deps: {
  db: Kysely<Database>;
  clock: Clock;
  organisation: Pick<OrganisationService, 'councilBySlug' | 'policy'>;
}) {
  const { db, clock, organisation } = deps;

  async function published(slug: string) {
    const council = await organisation.councilBySlug(slug);
    if (!council) throw new NotFound('No such council');
    const policy = await organisation.policy(council.council_id);
    if (!policy.giftRegisterPublished) throw new NotFound('This council does not publish its register');
    const fields = Object.keys(publicationColumns).filter((field) =>
      policy.giftPublicationFields.includes(field),
    ) as PublicationField[];
    const now = clock.now();
    const from = `${now.getUTCFullYear() - publishedYears}${now.toISOString().slice(4, 10)}`;
    return { councilId: council.council_id, councilName: council.name, fields, from };
  }

  return {
    // One page of the published register, newest first.
    async page(slug: string, after: CursorKey | undefined, limit: number) {
      const { councilId, councilName, fields, from } = await published(slug);
      const offers = await repo.publishedOffers(db, councilId, { limit: limit + 1, after, from });
      const last = offers.length > limit ? offers[limit - 1] : undefined;
      return {
        councilName,
        columns: fields.map((field) => ({ field, heading: publicationColumns[field] })),
        rows: offers.slice(0, limit).map((offer) => publish(offer, fields)),
        next: last ? ([last.offeredOn, last.id] as CursorKey) : null,
      };
    },

    // The whole published register, a batch at a time, for the open-data files.
    async open(slug: string) {
      const { councilId, councilName, fields, from } = await published(slug);
      async function* rows() {
        let after: CursorKey | undefined;
        for (;;) {
          const offers = await repo.publishedOffers(db, councilId, { limit: 2000, after, from });
          if (offers.length === 0) return;
          yield offers.map((offer) => publish(offer, fields));
          const last = offers.at(-1);
          if (!last || offers.length < 2000) return;
          after = [last.offeredOn, last.id];
        }
      }
      return {
        councilName,
        columns: fields.map((field) => ({ field, heading: publicationColumns[field] })),
        rows,
      };
    },
  };
}
