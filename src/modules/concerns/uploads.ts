import type { FastifyRequest } from 'fastify';
import { checkFile } from '../../platform/documents/file-types.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { fileRules } from './documents.ts';
import type { ConcernsService } from './service.ts';

// The files sent in the form's "files" field, each checked by its first bytes and the council's
// size limit; the first problem refuses the form.
export async function checkedFiles(concerns: ConcernsService, councilId: string, request: FastifyRequest) {
  const rules = fileRules(await concerns.policy(councilId));
  const checked = (request.uploads ?? [])
    .filter((u) => u.fieldName === 'files')
    .map((u) => checkFile(u, rules));
  const problem = checked.find((c) => c.problem)?.problem;
  if (problem) throw new InvalidInput([{ key: 'files', message: problem }]);
  return checked.flatMap((c) => (c.file ? [c.file] : []));
}
