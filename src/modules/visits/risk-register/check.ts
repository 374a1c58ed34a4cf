import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { nameKey } from '../../interests/service.ts';
import type { RiskMarkerKind } from '../tables.ts';
import type { MarkerInput, NominationInput } from './input.ts';
import type { MarkerKeys, MarkerText } from './repository.ts';
import { defaultReviewOn, isRiskKind, postcodeKey, surnameOf } from './rules.ts';

// What is typed into a marker, checked: each problem names its field and says what to do.

type Problems = FieldError[];

function within(problems: Problems, key: string, value: string, max: number, what: string) {
  if (value.length > max) problems.push({ key, message: `${what} must be ${max} characters or fewer` });
  return value;
}

function required(problems: Problems, key: string, value: string, max: number, what: string, ask: string) {
  if (value === '') problems.push({ key, message: ask });
  return within(problems, key, value, max, what);
}

export function checkKind(problems: Problems, kind: string): RiskMarkerKind {
  if (isRiskKind(kind)) return kind;
  problems.push({ key: 'kind', message: 'Select what kind of risk it is' });
  return 'other';
}

// Who or where: an address with its postcode, so that a visit there is found; a name; or both.
function checkWhoOrWhere(problems: Problems, input: { address: string; personName: string }) {
  if (input.address === '' && input.personName === '')
    problems.push({ key: 'address', message: 'Enter the address, the person’s name, or both' });
  within(problems, 'address', input.address, 300, 'The address');
  if (input.address !== '' && postcodeKey(input.address) === null)
    problems.push({
      key: 'address',
      message: 'Enter the address with its postcode, like 12 High Street, Demoton, DT1 2AB',
    });
  within(problems, 'personName', input.personName, 200, 'The name');
}

export function checkWhatToDo(problems: Problems, whatToDo: string) {
  return required(
    problems,
    'whatToDo',
    whatToDo,
    1000,
    'What officers must do',
    'Enter what officers must do, like “Do not visit alone; speak from the doorstep”',
  );
}

export function checkReviewOn(problems: Problems, reviewOn: string, today: string): string {
  if (reviewOn === '') return defaultReviewOn(today);
  if (!isIsoDate(reviewOn))
    problems.push({ key: 'reviewOn', message: 'The review date must be a real date' });
  else if (reviewOn <= today)
    problems.push({ key: 'reviewOn', message: 'The review date must be in the future' });
  return reviewOn;
}

export function orRefuse(problems: Problems) {
  if (problems.length) throw new InvalidInput(problems);
}

export function keysOf(text: Pick<MarkerText, 'address' | 'personName'>): MarkerKeys {
  return { postcodeKey: postcodeKey(text.address) ?? '', surnameKey: surnameOf(nameKey(text.personName)) };
}

// A marker added or changed by someone who keeps the register: it is shown before visits at once.
export function checkMarker(input: MarkerInput, today: string): MarkerText {
  const problems: Problems = [];
  const kind = checkKind(problems, input.kind);
  checkWhoOrWhere(problems, input);
  const reason = required(
    problems,
    'reason',
    input.reason,
    5000,
    'The reason',
    'Enter the reason: what happened, for those who need to know',
  );
  const whatToDo = checkWhatToDo(problems, input.whatToDo);
  const reviewOn = checkReviewOn(problems, input.reviewOn, today);
  orRefuse(problems);
  return { kind, address: input.address, personName: input.personName, reason, whatToDo, reviewOn };
}

// A nomination from the field: what happened; what to do is the reviewer's to settle.
export function checkNomination(input: NominationInput, today: string): MarkerText {
  const problems: Problems = [];
  const kind = checkKind(problems, input.kind);
  checkWhoOrWhere(problems, input);
  const reason = required(
    problems,
    'reason',
    input.reason,
    5000,
    'What happened',
    'Enter what happened: the threat made, or what you know about the risk',
  );
  const whatToDo = within(problems, 'whatToDo', input.whatToDo, 1000, 'What you suggest');
  orRefuse(problems);
  return {
    kind,
    address: input.address,
    personName: input.personName,
    reason,
    whatToDo,
    reviewOn: defaultReviewOn(today),
  };
}
