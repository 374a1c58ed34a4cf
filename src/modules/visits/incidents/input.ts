import { z } from 'zod';
import { startOfLondonDay } from '../../../platform/calendar/daylight.ts';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';
import type { IncidentInput } from './rules.ts';

export const incidentParams = z.object({ id: idParam });
// The visit a report starts from, when there is one.
export const newIncidentQuery = z.object({ visit: z.uuid().nullable().catch(null).default(null) });

const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

// The date input (joined by the form kit into YYYY-MM-DD) and a 24-hour time, as an instant in London.
function occurredAt(date: string, typedTime: string): Date | null {
  const match = time.exec(typedTime.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !match) return null;
  return new Date(startOfLondonDay(date).getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000);
}

export const incidentForm = z
  .object({
    kinds: formChoices,
    occurredOn: formText,
    occurredTime: formText,
    location: formText,
    whatHappened: formText,
    peopleInvolved: formText,
    witnesses: formText,
    injuries: formText,
    policeReference: formText,
    visit: formText,
  })
  .transform(
    (body): IncidentInput => ({
      kinds: body.kinds,
      occurredAt: occurredAt(body.occurredOn, body.occurredTime),
      location: body.location,
      whatHappened: body.whatHappened,
      peopleInvolved: body.peopleInvolved,
      witnesses: body.witnesses,
      injuries: body.injuries,
      policeReference: body.policeReference,
      visitId: z.uuid().safeParse(body.visit).success ? body.visit : null,
    }),
  );

export const incidentBody = z
  .object({
    kinds: z.array(z.string()).describe('violence, threat, injury, damage: one or more'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When it happened'),
    location: z.string(),
    whatHappened: z.string(),
    peopleInvolved: z.string().describe('Who was involved'),
    witnesses: z.string().default(''),
    injuries: z.string().default(''),
    policeReference: z.string().default('').describe('Optional'),
    visitId: z.uuid().nullable().default(null).describe('The visit it happened on, if any'),
  })
  .transform((body): IncidentInput => ({ ...body, occurredAt: new Date(body.occurredAt) }));
