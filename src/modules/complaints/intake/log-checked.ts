import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { type Answers, checkLogged, completeFacts, type StaffChannel } from './input.ts';
import type { Intake } from './service.ts';
import type { CheckedUpload } from './uploads.ts';

export type LogRequest = {
  answers: Answers;
  customerId: string | null;
  // The form's own id, so that sending it twice logs one complaint.
  submission: string | null;
  authority: CheckedUpload | null;
  // What was wrong with a file sent with it, if anything.
  uploadErrors: FieldError[];
};

// A complaint logged by staff, from the page or the API: the staff form's checks over the answers
// as typed, then the same use case; nothing is made unless every answer is good.
export async function logChecked(
  { intake, clock }: { intake: Intake; clock: Clock },
  principal: Principal,
  request: LogRequest,
  requestId: string,
) {
  const { answers } = request;
  const services = await intake.services(principal.councilId);
  const context = { today: londonDate(clock.now()), serviceIds: new Set(services.map((s) => s.id)) };
  const { errors, receivedAt } = checkLogged(answers, context, clock.now());
  errors.push(...request.uploadErrors);
  const checked = completeFacts(answers, context);
  if (errors.length || !checked.facts) throw new InvalidInput(errors);
  const id = request.submission ?? uuidv7(clock.now().getTime());
  const channel = answers.channel as StaffChannel;
  const input = {
    id,
    facts: checked.facts,
    channel,
    receivedAt,
    customerId: request.customerId,
    authority: request.authority,
  };
  return intake.logComplaint(principal, input, requestId);
}
