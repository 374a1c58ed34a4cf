import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, InvalidInput } from '../errors.ts';

// What every request must be before any route sees it. PostgreSQL text cannot hold U+0000 and
// its JSON cannot hold a lone UTF-16 surrogate, so either is bad input rather than a failure when
// it reaches the database. Structure sent by anyone is walked with a stack of its own, never by
// recursion, and only to a depth no form or API body needs.
const maxInputDepth = 32;

type Pending = { value: unknown; field: string; depth: number };

export function refuseMalformedInput(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => checkInput(request));
}

// A body is an object of named fields (none sent is no fields); its text, its field names, the
// query string's and the path's must be well-formed and free of NUL.
export function checkInput(request: FastifyRequest) {
  if (request.body === undefined) request.body = {};
  const errors = [
    ...inputProblems(request.body),
    ...inputProblems(request.query),
    ...inputProblems(request.params),
  ];
  if (errors.length) throw new InvalidInput(errors);
  if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
    throw new InvalidInput([
      { key: 'request', message: 'The request body must be an object of named fields' },
    ]);
  }
}

// One error per field named at the top level, and one for the whole request if it nests too deep.
function inputProblems(input: unknown): FieldError[] {
  const problems = new Map<string, string>();
  const pending: Pending[] = [{ value: input, field: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field, depth } = next;
    if (depth > maxInputDepth) {
      return [
        { key: 'request', message: `The request must not nest more than ${maxInputDepth} levels deep` },
      ];
    }
    if (typeof value === 'string') noteText(problems, field || 'request', value);
    else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        // A field is named by its top-level name, or as the request when that name is itself bad.
        const itemField = field || (textProblem('', name) ? 'request' : name);
        if (!Array.isArray(value)) noteText(problems, itemField, name);
        pending.push({ value: item, field: itemField, depth: depth + 1 });
      }
    }
  }
  return [...problems].map(([key, message]) => ({ key, message }));
}

function noteText(problems: Map<string, string>, field: string, text: string) {
  const problem = problems.has(field) ? null : textProblem(field, text);
  if (problem) problems.set(field, problem);
}

function textProblem(field: string, text: string): string | null {
  if (text.includes('\u0000')) return `${field} must not contain a NUL character`;
  if (!text.isWellFormed())
    return `${field} must be well-formed Unicode text (it has a lone UTF-16 surrogate)`;
  return null;
}
