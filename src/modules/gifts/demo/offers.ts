import { addDays, type DemoDays, type Random, weekdayOnOrBefore } from '../../../platform/demo/history.ts';
import type { Nature, OfferKind, Relationship } from '../rules.ts';

// The demo council's year of gifts and hospitality: what officers of a district council are
// offered, with what the register asks of each (accepted, declined because it must be, approved
// in advance or refused, and a few still waiting for approval). Pure data and the choices made
// from it; seed.ts records them.

type Offer = {
  kind: OfferKind;
  nature: Nature;
  relationship: Relationship;
  offerorPerson?: string;
  offerorOrganisation?: string;
  description: string;
  pounds: readonly [number, number];
  decision: 'accepted' | 'declined';
  reason: string;
  outcome?: string;
  // What the approver decides, for an offer that needs approval.
  approval?: { refusedOnceIn: number; comment: string; refusal: string };
  // Offered mostly in December (hampers, seasonal thanks).
  december?: true;
};

const catalogue: readonly Offer[] = [
  {
    kind: 'gift',
    nature: 'other-gift',
    relationship: 'service-user',
    offerorPerson: 'Mrs Joan Whitby',
    description: 'Flowers and a card after her housing transfer was completed',
    pounds: [52, 70],
    decision: 'accepted',
    reason: 'Sent to the office as thanks to the team; refusing would have caused offence',
    outcome: 'Displayed in the reception area',
  },
  {
    kind: 'gift',
    nature: 'promotional',
    relationship: 'supplier',
    offerorOrganisation: 'CivicTech Systems Ltd',
    description: 'Leather desk diary and pen set',
    pounds: [14, 25],
    decision: 'declined',
    reason: 'Declined: the supplier has business with the council and it is more than a token item',
  },
  {
    kind: 'gift',
    nature: 'alcohol-or-hamper',
    relationship: 'contractor',
    offerorOrganisation: 'Harbour Facilities Ltd',
    description: 'Christmas hamper with two bottles of wine',
    pounds: [80, 130],
    decision: 'declined',
    reason: 'Declined and returned with the council’s standard letter',
    december: true,
  },
  {
    kind: 'gift',
    nature: 'cash-or-vouchers',
    relationship: 'service-user',
    offerorPerson: 'Mr Colin Reeve',
    description: 'Supermarket voucher in a thank-you card',
    pounds: [25, 50],
    decision: 'declined',
    reason: 'Returned to Mr Reeve with a letter thanking him',
  },
  {
    kind: 'gift',
    nature: 'other-gift',
    relationship: 'other',
    offerorOrganisation: 'Demoton Rotary Club',
    description: 'Engraved glass award for the council’s part in the community litter pick',
    pounds: [55, 75],
    decision: 'accepted',
    reason: 'Presented publicly for the council’s work, not to the officer personally',
    outcome: 'Kept on display in the council offices',
  },
  {
    kind: 'gift',
    nature: 'other-gift',
    relationship: 'public-body',
    offerorOrganisation: 'Ville de Saint-Aubin (twin town)',
    description: 'Framed print presented during the twinning visit',
    pounds: [60, 90],
    decision: 'accepted',
    reason: 'A civic gift to the council, received on its behalf',
    outcome: 'Hung in the council chamber; the council’s property',
  },
  {
    kind: 'gift',
    nature: 'prize',
    relationship: 'other',
    offerorOrganisation: 'Institute of Revenues, Rating and Valuation',
    description: 'Tablet computer won in the prize draw at the regional conference',
    pounds: [150, 220],
    decision: 'accepted',
    reason: 'Won at a conference attended on council business; asked my manager whether I may keep it',
    approval: {
      refusedOnceIn: 2,
      comment: 'Accepted for the team: it will be used for visits',
      refusal: 'The conference was paid for by the council, so the prize is the council’s',
    },
  },
  {
    kind: 'hospitality',
    nature: 'refreshments',
    relationship: 'contractor',
    offerorOrganisation: 'Harbour Facilities Ltd',
    description: 'Sandwich lunch at the quarterly contract review meeting',
    pounds: [8, 15],
    decision: 'accepted',
    reason: 'Working lunch during the meeting, modest and part of council business',
  },
  {
    kind: 'hospitality',
    nature: 'meal',
    relationship: 'public-body',
    offerorOrganisation: 'Demoshire County Council',
    description: 'Dinner after the joint housing and health board',
    pounds: [32, 48],
    decision: 'accepted',
    reason: 'Attended as the council’s representative; a modest meal with partner organisations',
  },
  {
    kind: 'hospitality',
    nature: 'official-function',
    relationship: 'other',
    offerorOrganisation: 'Demoton Chamber of Commerce',
    description: 'Invitation to the annual business awards dinner',
    pounds: [75, 95],
    decision: 'accepted',
    reason: 'Represents the council at the main local business event of the year',
    approval: {
      refusedOnceIn: 6,
      comment: 'Approved: attending on behalf of the council',
      refusal: 'Refused: two officers are already attending for the council',
    },
  },
  {
    kind: 'hospitality',
    nature: 'entertainment',
    relationship: 'supplier',
    offerorOrganisation: 'Openview Print Ltd',
    description: 'Two tickets to a show at the Demoton Playhouse',
    pounds: [60, 90],
    decision: 'accepted',
    reason: 'Invitation to the supplier’s customer evening',
    approval: {
      refusedOnceIn: 2,
      comment: 'Approved: no procurement with the supplier is due this year',
      refusal: 'Refused: the print contract is to be retendered this year',
    },
  },
  {
    kind: 'hospitality',
    nature: 'sporting-event',
    relationship: 'contractor',
    offerorOrganisation: 'Northgate Building Services Ltd',
    description: 'Two tickets to an international rugby match with lunch',
    pounds: [220, 320],
    decision: 'declined',
    reason: 'Declined: tickets to a major sporting event are always refused',
  },
  {
    kind: 'hospitality',
    nature: 'meal',
    relationship: 'bidder',
    offerorOrganisation: 'Brightwater Leisure Ltd',
    description: 'Lunch offered while the leisure centre tender is open',
    pounds: [35, 60],
    decision: 'declined',
    reason: 'Declined: the company is bidding for the leisure contract',
  },
  {
    kind: 'hospitality',
    nature: 'travel-or-accommodation',
    relationship: 'supplier',
    offerorOrganisation: 'CivicTech Systems Ltd',
    description: 'Two nights’ hotel stay at the supplier’s user conference in Harrogate',
    pounds: [320, 480],
    decision: 'declined',
    reason: 'Declined: the council pays for any conference it sends officers to',
  },
  {
    kind: 'hospitality',
    nature: 'meal',
    relationship: 'applicant',
    offerorOrganisation: 'Meridian Homes Ltd',
    description: 'Dinner offered by a developer with a planning application in progress',
    pounds: [60, 90],
    decision: 'declined',
    reason: 'Declined: the company has a live planning application',
  },
  {
    kind: 'hospitality',
    nature: 'refreshments',
    relationship: 'public-body',
    offerorOrganisation: 'Local Government Association',
    description: 'Buffet lunch at the regional conference',
    pounds: [15, 25],
    decision: 'accepted',
    reason: 'Included with the conference the council paid for',
  },
  {
    kind: 'hospitality',
    nature: 'official-function',
    relationship: 'public-body',
    offerorPerson: 'The High Sheriff of Demoshire',
    description: 'Reception for the High Sheriff’s community awards',
    pounds: [30, 45],
    decision: 'accepted',
    reason: 'Civic occasion attended on behalf of the council',
  },
];

// Who receives them: officers who meet the public, suppliers and partners, and their managers.
const recipients = [
  'helen.marsh',
  'grace.whitmore',
  'mark.fenwick',
  'liam.barker',
  'tom.whitfield',
  'robert.ashworth',
  'megan.hall',
  'ahmed.karim',
  'fiona.mcleod',
  'joanna.wright',
  'peter.green',
  'kwame.mensah',
  'nia.evans',
  'michael.bennett',
  'stephen.murray',
  'chloe.roberts',
  'aisha.rahman',
  'david.harrington',
  'gareth.lloyd',
  'margaret.okafor',
  'rajesh.patel',
  'claire.donnelly',
].map((name) => `${name}@demo.probity.test`);

export type PlannedOffer = {
  recipient: string;
  // The day it is recorded; an offer needing approval is recorded on the day it is made.
  recordOn: string;
  input: Record<string, unknown>;
  // For one that needs approval: the day it is decided, and how (null: still waiting).
  decideOn: string | null;
  decision: { decision: 'approved' | 'refused'; comment: string } | null;
};

function planned(offer: Offer, recipient: string, offeredOn: string, random: Random): PlannedOffer {
  const [min, max] = offer.pounds;
  const eventOn = offer.approval ? addDays(offeredOn, random.between(12, 30)) : null;
  const refused = offer.approval ? random.between(1, offer.approval.refusedOnceIn) === 1 : false;
  return {
    recipient,
    recordOn: offer.approval ? offeredOn : weekdayOnOrBefore(addDays(offeredOn, random.between(0, 4))),
    input: {
      kind: offer.kind,
      offerorPerson: offer.offerorPerson ?? '',
      offerorOrganisation: offer.offerorOrganisation ?? '',
      relationship: offer.relationship,
      nature: offer.nature,
      description: offer.description,
      valuePence: random.between(min, max) * 100,
      offeredOn,
      eventOn,
      decision: offer.decision,
      reason: offer.reason,
      outcome: offer.outcome ?? '',
    },
    decideOn: offer.approval ? weekdayOnOrBefore(addDays(offeredOn, random.between(2, 6))) : null,
    decision: offer.approval
      ? refused
        ? { decision: 'refused', comment: offer.approval.refusal }
        : { decision: 'approved', comment: offer.approval.comment }
      : null,
  };
}

// About three or four offers a month over the past year, up to a fortnight ago; hampers in December.
export function yearOfOffers(days: DemoDays, random: Random): PlannedOffer[] {
  const offers: PlannedOffer[] = [];
  const seasonal = catalogue.filter((offer) => offer.december);
  const usual = catalogue.filter((offer) => !offer.december);
  for (let ago = 360; ago >= 16; ago -= random.between(6, 12)) {
    const offeredOn = weekdayOnOrBefore(days.daysAgo(ago));
    const december = offeredOn.slice(5, 7) === '12';
    const offer = december && random.chance(0.6) ? random.pick(seasonal) : random.pick(usual);
    offers.push(planned(offer, random.pick(recipients), offeredOn, random));
  }
  return offers;
}

// Hospitality recorded in the last few days, its event to come, waiting for the approver: a head
// of service (Finance, Planning) or, for a director, the chief executive.
export function waitingForApproval(days: DemoDays): PlannedOffer[] {
  const waiting: [string, string, string, number, number][] = [
    ['grace.whitmore', 'Chartered Institute of Public Finance', 'Invitation to the regional dinner', 85, 12],
    ['megan.hall', 'Demoton Civic Society', 'Two tickets to the society’s summer theatre gala', 64, 19],
    ['aisha.rahman', 'Demoshire Business Partnership', 'Seat at the partnership’s annual dinner', 120, 16],
    ['chloe.roberts', 'Demoton Community Trust', 'Invitation to the volunteers’ awards dinner', 58, 23],
  ];
  return waiting.map(([name, organisation, description, pounds, eventIn], index) => {
    const offeredOn = weekdayOnOrBefore(days.daysAgo(1 + index));
    return {
      recipient: `${name}@demo.probity.test`,
      recordOn: offeredOn,
      input: {
        kind: 'hospitality',
        offerorPerson: '',
        offerorOrganisation: organisation,
        relationship: 'other',
        nature: 'official-function',
        description,
        valuePence: pounds * 100,
        offeredOn,
        eventOn: days.daysAgo(-eventIn),
        decision: 'accepted',
        reason: 'To represent the council; asking for approval before the event',
        outcome: '',
      },
      decideOn: null,
      decision: null,
    };
  });
}
