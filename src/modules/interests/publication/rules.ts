// Which kinds of declaration the published register of senior officers' interests may show at all,
// whatever fields the council chose, and why. Published: the links between senior officers and
// bodies that deal with the council, which the public has a legitimate interest in. Never published:
// data about private life or other people, nor data the law guards specially. Pure.
import type { DeclarationKind } from '../declarations/rules.ts';

const publication = {
  'financial-interest': {
    published: true,
    why: 'An interest in a council contract or a body that deals with the council (s117 Local Government Act 1972)',
  },
  'business-interest': {
    published: true,
    why: 'A business that works with the council; the family member or associate is never named',
  },
  'secondary-employment': {
    published: true,
    why: 'Outside work of a senior officer; only the employer is named, not hours or pay',
  },
  'position-of-influence': {
    published: true,
    why: 'A related party, disclosed in the published statement of accounts anyway',
  },
  'non-financial-interest': {
    published: false,
    why: 'It can reveal religious or philosophical beliefs or political opinions (UK GDPR Article 9)',
  },
  membership: {
    published: false,
    why: 'Membership can reveal trade union membership, beliefs or political opinions (UK GDPR Article 9)',
  },
  'contractor-relationship': {
    published: false,
    why: 'Often a private relationship (a friend or relative works there); business links are declared as business or financial interests',
  },
  'councillor-relationship': {
    published: false,
    why: 'A private or domestic relationship, and the councillor’s personal data',
  },
  'close-associate': {
    published: false,
    why: 'A relative’s or friend’s employment or job application is their personal data',
  },
  'planning-application': {
    published: false,
    why: 'It names a site, often a home, and applicants who may be relatives; the planning register publishes the application itself',
  },
  'legacy-or-prize': {
    published: false,
    why: 'A service user’s will is a private matter for them and their family',
  },
  'criminal-matter': {
    published: false,
    why: 'Criminal offence data (UK GDPR Article 10)',
  },
  'known-customer': {
    published: false,
    why: 'A relative’s, friend’s or acquaintance’s name, address and council account are their personal data',
  },
} as const satisfies Record<DeclarationKind, { published: boolean; why: string }>;

export const publishableKinds = Object.entries(publication)
  .filter(([, rule]) => rule.published)
  .map(([kind]) => kind);

export function isPublishable(kind: string): boolean {
  return publishableKinds.includes(kind);
}

// Only organisations are published from the people and organisations a declaration names: the
// people named in a publishable kind are the officer's relatives or associates.
export function publishedParties(parties: readonly { kind: string; name: string }[]): string[] {
  return parties.filter((party) => party.kind === 'organisation').map((party) => party.name);
}
