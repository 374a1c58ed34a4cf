import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CheckedFile, FileRules } from '../../platform/documents/file-types.ts';
import type { PolicySettings } from '../organisation/service.ts';
import type { ConcernsDeps } from './deps.ts';
import type { ConcernKey } from './sealing.ts';

// Documents and images sent with a concern: checked by their first bytes, sealed like its text.
export function fileRules(policy: Pick<PolicySettings, 'concernMaxFileMegabytes'>): FileRules {
  return {
    types: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
    typesText: 'a PDF, JPG, PNG or HEIC',
    maxFileBytes: policy.concernMaxFileMegabytes * 1024 * 1024,
  };
}

// The largest file any council allows: what the upload itself is cut at.
export const uploadLimitBytes = 20 * 1024 * 1024;

export async function addDocument(
  deps: Pick<ConcernsDeps, 'sealer'>,
  trx: Kysely<Database>,
  key: ConcernKey,
  file: CheckedFile,
  fromReporter: boolean,
  addedOn: string,
) {
  const id = randomUUID();
  await trx
    .insertInto('concern_document')
    .values({
      council_id: key.councilId,
      concern_id: key.concernId,
      id,
      content_type: file.contentType,
      byte_size: file.content.length,
      from_reporter: fromReporter,
      sealed_name: deps.sealer.sealText(key, `document/${id}/name`, file.fileName),
      sealed_content: deps.sealer.sealBytes(key, `document/${id}/content`, file.content),
      added_on: addedOn,
    })
    .execute();
}
