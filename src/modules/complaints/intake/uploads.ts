// Files sent with a complaint: a representative's written authority (003 §4.1). Only PDF, JPEG
// and PNG are taken, recognised by their first bytes, whatever the file is called or the browser
// says it is, so that a program renamed .pdf is refused.
import type { Upload } from '../../../platform/web/form-uploads.ts';

export const maxUploadBytes = 5 * 1024 * 1024;
export const maxUploadText = '5 MB';

const signatures = [
  { contentType: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
] as const;

export function sniffDocumentType(content: Uint8Array): string | null {
  const found = signatures.find((signature) =>
    signature.bytes.every((byte, index) => content[index] === byte),
  );
  return found?.contentType ?? null;
}

// A name safe to store and show: no folders, no control characters, not too long.
export function safeFileName(name: string, contentType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const extension = signatures.find((signature) => signature.contentType === contentType)?.extension ?? 'bin';
  return (base || `document.${extension}`).slice(-200);
}

export type CheckedUpload = { fileName: string; contentType: string; content: Buffer };

// What was wrong with an uploaded file, in words for the person, or the file as it will be kept.
export function checkUpload(upload: Upload | undefined): {
  file: CheckedUpload | null;
  problem: string | null;
} {
  if (!upload || (upload.content.length === 0 && !upload.fileName)) return { file: null, problem: null };
  if (upload.truncated) return { file: null, problem: `The file must be smaller than ${maxUploadText}` };
  if (upload.content.length === 0) return { file: null, problem: 'The file you chose is empty' };
  const contentType = sniffDocumentType(upload.content);
  if (!contentType) return { file: null, problem: 'The file must be a PDF, JPG or PNG' };
  return {
    file: { fileName: safeFileName(upload.fileName, contentType), contentType, content: upload.content },
    problem: null,
  };
}
