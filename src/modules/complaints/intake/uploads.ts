// Files sent with a complaint: a representative's written authority (003 §4.1), and evidence the
// resident sends of what happened (photos, letters). Each kind takes only the types it lists,
// recognised by their first bytes, whatever the file is called or the browser says it is, so that
// a program renamed .pdf is refused.
import {
  checkFile,
  type DocumentType,
  fileSizeText,
  safeFileName,
  sniffDocumentType,
} from '../../../platform/documents/file-types.ts';
import type { Upload } from '../../../platform/web/form-uploads.ts';

export { fileSizeText, safeFileName, sniffDocumentType };

const megabyte = 1024 * 1024;

// What each kind of file is called on the officer's case page.
export const documentPurposes = {
  authority: 'Written permission',
  evidence: 'Evidence',
  correspondence: 'Correspondence',
} as const;

// What each kind of file may be: its types, and how big.
export const uploadKinds = {
  authority: {
    types: ['application/pdf', 'image/jpeg', 'image/png'],
    typesText: 'a PDF, JPG or PNG',
    maxFileBytes: 5 * megabyte,
  },
  evidence: {
    types: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'],
    typesText: 'a PDF, JPG, PNG or HEIC',
    maxFileBytes: 10 * megabyte,
  },
} as const satisfies Record<
  string,
  { types: readonly DocumentType[]; typesText: string; maxFileBytes: number }
>;
export type UploadKind = keyof typeof uploadKinds;

// A complaint's evidence: at most this many files, and this much in all.
export const evidenceLimits = { maxFiles: 5, maxTotalBytes: 20 * megabyte };

export const maxUploadBytes = uploadKinds.authority.maxFileBytes;
export const maxUploadText = fileSizeText(maxUploadBytes);

export type CheckedUpload = { fileName: string; contentType: string; content: Buffer };

// What was wrong with an uploaded file, in words for the person, or the file as it will be kept.
export function checkUpload(
  upload: Upload | undefined,
  kind: UploadKind = 'authority',
): {
  file: CheckedUpload | null;
  problem: string | null;
} {
  return checkFile(upload, uploadKinds[kind]);
}

// Whether one more file of this size fits a complaint's evidence; the words saying why not.
export function evidenceProblem(held: { count: number; bytes: number }, addingBytes: number): string | null {
  const { maxFiles, maxTotalBytes } = evidenceLimits;
  if (held.count >= maxFiles) return `You can send up to ${maxFiles} files. Remove one to add another`;
  if (held.bytes + addingBytes > maxTotalBytes)
    return `Your files must be smaller than ${fileSizeText(maxTotalBytes)} in all. Remove one or send a smaller file`;
  return null;
}
