import type { DataSubject } from '../../../platform/privacy/subject.ts';
import type { ConcernContent } from '../sealing.ts';

const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

// A concern is the subject's when they are its named reporter: the name they gave is theirs, and
// so is the email address they gave to be reached at. A name alone, or with a telephone number or
// no contact, could be anyone's of that name, and what they reported is not given to a namesake:
// the data protection officer finds such a concern by hand. Anonymous concerns name no one. People
// a concern names as involved are third parties whose data is exempt from another's request, and
// a concern is never searched for them: an export never carries an identity-protected reporter to
// anyone else.
export function isReporter(reporter: ConcernContent['reporter'], subject: DataSubject): boolean {
  if (!reporter || !same(reporter.name, subject.name)) return false;
  return subject.email !== '' && same(reporter.contact, subject.email);
}
