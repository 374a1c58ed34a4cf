import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CheckedUpload } from './uploads.ts';

// The SQL of the evidence a resident adds to a complaint on the public form: it waits with the
// draft until the complaint is sent.

type Db = Kysely<Database>;

const evidenceOf = (db: Db, councilId: string, draftId: string) =>
  db
    .selectFrom('complaint_draft_document')
    .where('council_id', '=', councilId)
    .where('draft_id', '=', draftId)
    .where('purpose', '=', 'evidence');

export type EvidenceFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

// What the draft holds, in the order it was added.
export async function draftEvidence(db: Db, councilId: string, draftId: string): Promise<EvidenceFile[]> {
  return evidenceOf(db, councilId, draftId)
    .select(['id', 'file_name as fileName', 'content_type as contentType', 'size_bytes as sizeBytes'])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

// The files themselves, for the complaint when it is sent.
export async function draftEvidenceContent(
  db: Db,
  councilId: string,
  draftId: string,
): Promise<CheckedUpload[]> {
  return evidenceOf(db, councilId, draftId)
    .select(['file_name as fileName', 'content_type as contentType', 'content'])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function insertDraftEvidence(
  db: Db,
  councilId: string,
  draftId: string,
  { id, file }: { id: string; file: CheckedUpload },
  at: Date,
) {
  await db
    .insertInto('complaint_draft_document')
    .values({
      council_id: councilId,
      draft_id: draftId,
      id,
      purpose: 'evidence',
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.content.length,
      content: file.content,
      uploaded_at: at,
    })
    .execute();
}

// Removes one file; false when the draft holds no such file.
export async function deleteDraftEvidence(db: Db, councilId: string, draftId: string, id: string) {
  const deleted = await db
    .deleteFrom('complaint_draft_document')
    .where('council_id', '=', councilId)
    .where('draft_id', '=', draftId)
    .where('purpose', '=', 'evidence')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}
