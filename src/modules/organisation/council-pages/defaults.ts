import type { Division } from '../../../platform/calendar/working-days.ts';
import type { EditablePage } from './rules.ts';

type Council = { name: string; slug: string; division: Division | string };

// Who enforces the accessibility regulations: the Equality and Human Rights Commission in Great
// Britain, the Equality Commission for Northern Ireland there.
const enforcer = (division: Council['division']) =>
  division === 'northern-ireland'
    ? 'the Equality Commission for Northern Ireland (ECNI)'
    : 'the Equality and Human Rights Commission (EHRC)';

const accessibility = (
  council: Council,
) => `This accessibility statement applies to Probity, the service ${council.name} uses for complaints, the registers of gifts and hospitality and of interests, and the safety of its staff who work alone.

${council.name} runs this service. We want as many people as possible to be able to use it. You should be able to:

- change colours, contrast levels and fonts using your browser or device settings
- zoom in up to 400% without the text spilling off the screen
- navigate the whole service using just a keyboard or speech recognition software
- listen to the service using a screen reader
- use the service on a phone as well as a computer

## How accessible this service is

The service is built with the GOV.UK Design System, and every page is checked automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Pages work without JavaScript.

## Feedback and contact information

If you need information from this service in a different format, such as accessible PDF, large print, easy read, audio recording or braille, or you find a problem not listed on this page, contact ${council.name} using the details on its contact page. We will consider your request and get back to you.

## Enforcement procedure

${enforcer(council.division)} is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).

## Technical information about this service’s accessibility

${council.name} is committed to making its websites accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. The council will publish here the results of its own accessibility testing of the service, and the date this statement was last reviewed.`;

const privacy = (
  council: Council,
) => `${council.name} is the data controller for the personal information this service holds. This notice says what we collect, why, who we share it with, how long we keep it, and your rights.

## What we collect

- if you make a complaint: your name, your contact details, what your complaint is about, and anything you tell us about your needs, such as adjustments because of a disability
- if you work for the council: the declarations, gifts and hospitality you record, and, when you work alone, where you are visiting and when you check in

## Why we use it

We use it to handle your complaint, to keep the registers the law and the council’s codes require, and to keep staff safe. Our lawful basis is that this is necessary for a task carried out in the public interest (UK GDPR Article 6(1)(e)). Where you tell us about your health or another special category of information, we use it only to make the adjustments you need, on the basis of substantial public interest (Article 9(2)(g)).

## Who we share it with

The council’s services involved in your complaint, and, if you take your complaint to them, the Local Government and Social Care Ombudsman. We publish the registers of gifts and of interests as the law requires, without personal contact details.

## How long we keep it

We keep complaints and registers for the periods set in the council’s retention schedule, and then delete them or make them anonymous.

## Your rights

You have the right to see the information we hold about you, to have it corrected, and in some cases to have it deleted or its use restricted, or to object to how we use it. To use any of these rights, contact ${council.name}’s data protection officer using the details on the contact page.

If you are unhappy with how we have used your information, you can complain to the Information Commissioner’s Office (ICO) at ico.org.uk or on 0303 123 1113.`;

const contact = (
  council: Council,
) => `To contact ${council.name} about this service, use the contact details on the council’s website.

To ask for information in a different format, or about how we use your personal information, contact the council in the same way.`;

const defaults: Record<EditablePage, (council: Council) => string> = { accessibility, privacy, contact };

// The wording a council has until it writes its own, naming the council.
export function defaultPageText(page: EditablePage, council: Council): string {
  return defaults[page](council);
}
