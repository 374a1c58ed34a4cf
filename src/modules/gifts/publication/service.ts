import { NotFound } from '../../../platform/errors.ts';
import { type CursorKey, pagesOf } from '../../../platform/web/cursor.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { GiftOffer } from '../offer.ts';
import { formatPence, natureName, relationships, valueBand } from '../rules.ts';
import { publishedOffers } from './repository.ts';

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

function publish(offer: GiftOffer, fields: readonly PublicationField[]): PublishedRow {
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

export function giftPublication({ db, clock, organisation }: ModuleDeps) {
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
    return {
      councilId: council.council_id,
      councilName: council.name,
      fields,
      columns: fields.map((field) => ({ field, heading: publicationColumns[field] })),
      from,
    };
  }

  return {
    // One page of the published register, newest first.
    async page(slug: string, after: CursorKey | undefined, limit: number) {
      const { councilId, councilName, fields, columns, from } = await published(slug);
      const { offers, next } = await publishedOffers(db, councilId, { limit, after, from });
      return { councilName, columns, rows: offers.map((offer) => publish(offer, fields)), next };
    },

    // The whole published register, a batch at a time, for the open-data files.
    async open(slug: string) {
      const { councilId, councilName, fields, columns, from } = await published(slug);
      const rows = () =>
        pagesOf(async (after) => {
          const { offers, next } = await publishedOffers(db, councilId, { limit: 2000, after, from });
          return { rows: offers.map((offer) => publish(offer, fields)), next };
        });
      return { councilName, columns, rows };
    },
  };
}
