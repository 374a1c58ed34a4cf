// What the public complaint form steers away before anyone writes a complaint (003 §2.3-2.10),
// and what a complaint must say before it is made (003 §4.1, DOMAIN.md §3).
import type { PolicySettings } from '../../organisation/service.ts';

type RouteUrlKey =
  | 'serviceRequestUrl'
  | 'adultSocialCareComplaintsUrl'
  | 'childrensServicesComplaintsUrl'
  | 'councillorComplaintsUrl'
  | 'schoolComplaintsUrl'
  | 'environmentalReportUrl';

type Elsewhere = {
  title: string;
  paragraphs: string[];
  // The council's own page for it (a policy setting), and what to do when it has not set one.
  urlKey: RouteUrlKey | null;
  linkText: string;
  noLink: string;
  source: string;
};

type ComplaintTopic = {
  value: string;
  text: string;
  hint?: string;
  elsewhere: Elsewhere | null;
};

const askCustomerServices =
  'Contact the council’s customer services and they will put you in touch with the right team.';

// The first question, in the order the page shows it: the corporate complaint first, as most
// people who reach the form have one; then each thing that has its own route.
export const complaintTopics: readonly ComplaintTopic[] = [
  {
    value: 'complaint',
    text: 'Something a council service did or failed to do, or how staff treated you',
    hint: 'For example a delay, poor service, a policy or procedure not followed, or a problem you already reported that was not put right',
    elsewhere: null,
  },
  {
    value: 'service-request',
    text: 'Asking for a service, or reporting a problem for the first time',
    hint: 'For example a missed bin collection, a pothole or a broken street light',
    elsewhere: {
      title: 'Ask for the service or report the problem first',
      paragraphs: [
        'Asking for a service, or reporting something for the first time, is not a complaint. The service deals with it as part of its everyday work.',
        'If you have already asked or reported it and the service has not put it right, you can make a complaint.',
      ],
      urlKey: 'serviceRequestUrl',
      linkText: 'Ask for a service or report a problem',
      noLink: askCustomerServices,
      source: '003 §2.3',
    },
  },
  {
    value: 'adult-social-care',
    text: 'Adult social care',
    elsewhere: {
      title: 'Adult social care has its own complaints process',
      paragraphs: [
        'Complaints about adult social care are dealt with under separate legal rules, not this form.',
      ],
      urlKey: 'adultSocialCareComplaintsUrl',
      linkText: 'Make a complaint about adult social care',
      noLink: `${askCustomerServices} Ask for the adult social care complaints team.`,
      source: '003 §2.5-2.6',
    },
  },
  {
    value: 'childrens-services',
    text: 'Children’s services or children’s social care',
    elsewhere: {
      title: 'Children’s services have their own complaints process',
      paragraphs: [
        'Complaints about children’s services are dealt with under separate legal rules, not this form.',
      ],
      urlKey: 'childrensServicesComplaintsUrl',
      linkText: 'Make a complaint about children’s services',
      noLink: `${askCustomerServices} Ask for the children’s services complaints team.`,
      source: '003 §2.5, §2.7',
    },
  },
  {
    value: 'councillor',
    text: 'How a councillor behaved',
    elsewhere: {
      title: 'Complaints about councillors are made separately',
      paragraphs: [
        'A complaint about a councillor’s conduct goes to the council’s monitoring officer, not this form.',
      ],
      urlKey: 'councillorComplaintsUrl',
      linkText: 'Make a complaint about a councillor',
      noLink: `${askCustomerServices} Ask for the monitoring officer.`,
      source: '003 §2.8',
    },
  },
  {
    value: 'school',
    text: 'A school',
    elsewhere: {
      title: 'Complaints about a school go to the school',
      paragraphs: ['Each school has its own complaints procedure. Start with the school itself.'],
      urlKey: 'schoolComplaintsUrl',
      linkText: 'How to complain about a school',
      noLink: 'Ask the school for its complaints procedure.',
      source: '003 §2.9',
    },
  },
  {
    value: 'environmental',
    text: 'Reporting an environmental issue',
    hint: 'For example fly-tipping, noise, pollution or dog fouling',
    elsewhere: {
      title: 'Report the environmental issue',
      paragraphs: [
        'Reporting an environmental issue is not a complaint. The council deals with it as a report.',
      ],
      urlKey: 'environmentalReportUrl',
      linkText: 'Report an environmental issue',
      noLink: askCustomerServices,
      source: '003 §2.10',
    },
  },
  {
    value: 'law-or-policy',
    text: 'A law, or a central government policy',
    elsewhere: {
      title: 'The council cannot look at this',
      paragraphs: [
        'The council cannot change the law or central government policy, so it cannot look into a complaint about them.',
        'You could contact your MP or the government department responsible.',
      ],
      urlKey: null,
      linkText: '',
      noLink: '',
      source: '003 §2.4',
    },
  },
  {
    value: 'members-decision',
    text: 'A decision made by councillors',
    hint: 'For example a decision of the council, its cabinet or a committee',
    elsewhere: {
      title: 'The council cannot look at this as a complaint',
      paragraphs: [
        'Decisions made by elected councillors cannot be looked at under the complaints procedure.',
        'If you think council staff did something wrong in carrying out the decision, you can make a complaint about that.',
      ],
      urlKey: null,
      linkText: '',
      noLink: '',
      source: '003 §2.4',
    },
  },
  {
    value: 'legal-proceedings',
    text: 'Something you or the council have started legal proceedings about',
    elsewhere: {
      title: 'The council cannot look at this as a complaint',
      paragraphs: [
        'Once you or the council have started legal proceedings, the matter is for the court, not the complaints procedure.',
      ],
      urlKey: null,
      linkText: '',
      noLink: '',
      source: '003 §2.4',
    },
  },
  {
    value: 'already-decided',
    text: 'Something already decided by a court, tribunal or Ombudsman',
    elsewhere: {
      title: 'The council cannot look at this again',
      paragraphs: [
        'A matter that a court, an independent tribunal or an Ombudsman has already decided cannot be looked at again as a complaint.',
      ],
      urlKey: null,
      linkText: '',
      noLink: '',
      source: '003 §2.4',
    },
  },
];

type Steering =
  | { kind: 'complaint' }
  | {
      kind: 'elsewhere';
      title: string;
      paragraphs: string[];
      link: { href: string; text: string } | null;
      instead: string;
    }
  | { kind: 'unknown' };

// Where an answer to "What is your complaint about?" leads.
export function steeringFor(topic: string, policy: PolicySettings): Steering {
  const found = complaintTopics.find((candidate) => candidate.value === topic);
  if (!found) return { kind: 'unknown' };
  if (!found.elsewhere) return { kind: 'complaint' };
  const { title, paragraphs, urlKey, linkText, noLink } = found.elsewhere;
  const url = urlKey ? policy[urlKey] : '';
  return {
    kind: 'elsewhere',
    title,
    paragraphs,
    link: url ? { href: url, text: linkText } : null,
    instead: url ? '' : noLink,
  };
}

export const contactPreferences = {
  email: 'Email',
  phone: 'Phone',
  post: 'Post',
} as const;
type ContactPreference = keyof typeof contactPreferences;

// The way someone asks to be contacted needs the detail to do it with.
export function contactProblem(contact: {
  email: string;
  phone: string;
  address: string;
  preference: string;
}): { key: string; message: string } | null {
  if (!contact.email && !contact.phone && !contact.address) {
    return { key: 'email', message: 'Enter an email address, a phone number or a postal address' };
  }
  if (!(contact.preference in contactPreferences)) {
    return { key: 'preference', message: 'Select how you would like us to contact you' };
  }
  const needs = { email: 'email', phone: 'phone', post: 'address' } as const;
  const detail = needs[contact.preference as ContactPreference];
  if (!contact[detail]) {
    const what = { email: 'an email address', phone: 'a phone number', address: 'a postal address' }[detail];
    return { key: detail, message: `Enter ${what}, or choose another way for us to contact you` };
  }
  return null;
}

// References people quote: CMP-2026-0113 (DESIGN.md house rules).
export function complaintReference(year: number, number: number): string {
  return `CMP-${year}-${String(number).padStart(4, '0')}`;
}

export function normaliseReference(typed: string): string {
  return typed.trim().toUpperCase().replace(/\s+/g, '');
}

// Where a complaint has got to, in the words the person checking its progress is shown.
const publicStatuses: Record<string, string> = {
  'awaiting-triage': 'Received: we are checking it is a complaint we can look into',
  'not-accepted': 'Not taken forward as a complaint: we have written to you to explain why',
  'stage-1': 'Being looked into',
  'stage-1-responded': 'We have sent you our response',
  'stage-2': 'Being looked into again at stage 2',
  'stage-2-responded': 'We have sent you our final response',
  closed: 'Closed',
  merged: 'Joined with another complaint you made about the same thing: we will answer them together',
};

export function publicStatus(status: string, regime: string): string {
  if (regime === 'single-stage' && status === 'stage-1-responded')
    return 'We have sent you our final response';
  return publicStatuses[status] ?? 'Received';
}

// The Code: once the stage 1 response is sent, the person may ask for stage 2 without giving a
// reason (DOMAIN.md §3). The council's own single-stage policy has no second stage.
export function mayEscalateOnline(status: string, regime: string): boolean {
  return regime === 'complaint-handling-code' && status === 'stage-1-responded';
}
