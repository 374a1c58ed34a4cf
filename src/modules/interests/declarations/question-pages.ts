import { z } from 'zod';
import type { FieldError } from '../../../platform/errors.ts';
import type { ShownForm } from '../../../platform/web/form-kit.ts';
import { formErrors, text } from '../../../platform/web/forms.ts';
import { render } from '../../../platform/web/render.ts';
import { formAnswers } from './input.ts';
import { labelFor, optionTextFor, type Reader } from './question-kit.ts';
import type { Declaration } from './repository.ts';
import {
  type Answers,
  asks,
  type DeclarationKind,
  optionText,
  outcomes,
  type Question,
  questionsFor,
} from './rules.ts';

// How the declaration pages show a kind's questions and answers. A question asked only after
// certain answers is shown under each of those answers, as a GOV.UK conditional reveal, so that
// the page works without JavaScript; each copy needs its own name and id.

const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

const datePart = ['-day', '-month', '-year'] as const;
const partsOf = (question: Question) => (question.type === 'date' ? datePart : ([''] as const));
const copyName = (question: Question, option: string) => `${question.key}-${option}`;

type QuestionField = {
  type: Question['type'];
  name: string;
  label: string;
  hint: string | undefined;
  max: number | undefined;
  value: string;
  day: string;
  month: string;
  year: string;
  error: { text: string } | undefined;
  items: { value: string; text: string; checked: boolean; fields: QuestionField[] }[];
};

const isRadios = (question: Question) => question.type === 'choice' || question.type === 'yes-no';
const optionsOf = (question: Question) => (question.type === 'yes-no' ? yesNo : (question.options ?? []));

// The copy of a conditional question that the chosen answer reveals, or the question itself.
function inputName(question: Question, values: Readonly<Record<string, string>>): string {
  if (!question.when) return question.key;
  const chosen = values[question.when.key] ?? '';
  return copyName(question, question.when.in.includes(chosen) ? chosen : (question.when.in[0] ?? ''));
}

// The answers as typed into the form: each conditional question from the copy under the chosen
// answer (or, without JavaScript, whichever copy was filled in), dates from their three boxes.
export function typedAnswers(kind: DeclarationKind, body: Readonly<Record<string, unknown>>) {
  const flat: Record<string, unknown> = { ...body };
  for (const question of questionsFor(kind)) {
    if (!question.when) continue;
    const chosen = text(body[question.when.key]);
    const copies = [chosen, ...question.when.in.filter((option) => option !== chosen)];
    for (const part of partsOf(question)) {
      flat[`${question.key}${part}`] =
        copies
          .map((option) => text(body[`${copyName(question, option)}${part}`]).trim())
          .find((value) => value !== '') ?? '';
    }
  }
  return formAnswers(kind, flat);
}

// The form's values for answers already saved: dates split into their three boxes.
export function formValues(kind: DeclarationKind, answers: Answers): Record<string, string> {
  const values: Record<string, string> = { ...answers };
  for (const question of questionsFor(kind)) {
    const date =
      question.type === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(answers[question.key] ?? '') : null;
    if (!date) continue;
    values[`${question.key}-day`] = String(Number(date[3]));
    values[`${question.key}-month`] = String(Number(date[2]));
    values[`${question.key}-year`] = date[1] ?? '';
  }
  return values;
}

// The fields of a kind's questions, filled with `values`, with each error on the field shown.
export function questionFields(
  kind: DeclarationKind,
  values: Readonly<Record<string, string>>,
  errors: readonly FieldError[] = [],
): QuestionField[] {
  const questions = questionsFor(kind);
  const messages = new Map(errors.map((error) => [error.key, error.message]));
  const field = (question: Question, name: string, shown: boolean): QuestionField => {
    const message = shown ? messages.get(question.key) : undefined;
    return {
      type: question.type,
      name,
      label:
        question.optional && !question.label.includes('(if')
          ? `${question.label} (optional)`
          : question.label,
      hint: question.hint,
      max: question.max,
      value: values[question.key] ?? '',
      day: values[`${question.key}-day`] ?? '',
      month: values[`${question.key}-month`] ?? '',
      year: values[`${question.key}-year`] ?? '',
      error: message ? { text: message } : undefined,
      items: isRadios(question)
        ? optionsOf(question).map((option) => ({
            value: option.value,
            text: option.text,
            checked: values[question.key] === option.value,
            fields: questions
              .filter((q) => q.when?.key === question.key && q.when.in.includes(option.value))
              .map((q) =>
                field(q, copyName(q, option.value), inputName(q, values) === copyName(q, option.value)),
              ),
          }))
        : [],
    };
  };
  const asked = new Set(questions.map((question) => question.key));
  return questions
    .filter((question) => !question.when || !asked.has(question.when.key))
    .map((question) => field(question, question.key, true));
}

// The error summary and field errors, each summary link to the box the error is shown on.
export function questionErrors(
  kind: DeclarationKind,
  values: Readonly<Record<string, string>>,
  errors: readonly FieldError[],
) {
  const questions = new Map(questionsFor(kind).map((question) => [question.key, question]));
  const { errorList, fieldErrors } = formErrors(errors);
  return {
    fieldErrors,
    errorList: errors.map((error, index) => {
      const question = questions.get(error.key);
      if (!question) return errorList[index];
      const id = inputName(question, values);
      return { text: error.message, href: `#${id}${question.type === 'date' ? '-day' : ''}` };
    }),
  };
}

// Every answer given, with its question, as the check page and the declaration show them: in the
// declarant's words to them ("Your contracted hours"), in the third person to anyone else.
export function answerRows(kind: DeclarationKind, answers: Answers, reader: Reader = 'declarant') {
  return questionsFor(kind)
    .filter((question) => asks(question, answers))
    .map((question) => {
      const value = answers[question.key] ?? '';
      return {
        anchor: inputName(question, answers),
        label: labelFor(question, reader),
        date: question.type === 'date' ? value : '',
        text:
          value === ''
            ? 'Not given'
            : question.type === 'yes-no'
              ? optionText(yesNo, value)
              : question.type === 'choice'
                ? optionTextFor(question.options, value, reader)
                : question.type === 'hours'
                  ? `${value} hours`
                  : value,
      };
    });
}

// The status tag a declaration shows in the register and on its pages.
export function statusOf(declaration: Pick<Declaration, 'endedOn' | 'outcome'>) {
  if (declaration.endedOn) return { text: 'Ended', classes: 'govuk-tag--grey' };
  if (!declaration.outcome) return { text: 'Awaiting review', classes: 'govuk-tag--yellow' };
  const colours = {
    'no-conflict': 'govuk-tag--green',
    'conflict-managed': 'govuk-tag--blue',
    referred: 'govuk-tag--orange',
  } as const;
  return { text: outcomes[declaration.outcome], classes: colours[declaration.outcome] };
}

// The question pages' fields, read by typedAnswers for the kind being declared.
export const answersForm = z.record(z.string(), z.unknown());

// The questions page, first with what the draft holds, again with what was typed and why it was refused.
export function questionsPage(
  { request, reply, values, errors }: ShownForm,
  kind: DeclarationKind,
  template: string,
  data: Record<string, unknown> & { title: string },
) {
  const shown = errors.length ? typedAnswers(kind, values) : (values as Record<string, string>);
  if (errors.length) reply.code(400);
  return render(request, reply, template, {
    ...data,
    fields: questionFields(kind, shown, errors),
    ...questionErrors(kind, shown, errors),
  });
}
