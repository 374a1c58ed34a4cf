// Files sent with a complaint: a representative's written authority (003 §4.1), and evidence the
// resident sends of what happened (photos, letters). Each kind takes only the types it lists,
// recognised by their first bytes, whatever the file is called or the browser says it is, so that
// a program renamed .pdf is refused.
import type { Upload } from '../../../platform/web/form-uploads.ts';

const megabyte = 1024 * 1024;

// What each kind of file is called on the officer's case page.
export const documentPurposes = {
  authority: 'Written permission',
  evidence: 'Evidence',
  correspondence: 'Correspondence',
} as const;

type DocumentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/heic';

// The first bytes of each type. HEIC (an iPhone's photos) is an ISO media file: "ftyp" at byte 4,
// then a brand saying it holds HEVC images.
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const signatures: readonly {
  contentType: DocumentType;
  extension: string;
  matches(c: Uint8Array): boolean;
}[] = [
  { contentType: 'application/pdf', extension: 'pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    contentType: 'image/png',
    extension: 'png',
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { contentType: 'image/jpeg', extension: 'jpg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { contentType: 'image/heic', extension: 'heic', matches: isHeic },
];

function startsWith(bytes: readonly number[]) {
  return (content: Uint8Array) => bytes.every((byte, index) => content[index] === byte);
}

const ascii = (content: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...content.subarray(from, to));

// The ftyp box: its size (4 bytes), "ftyp", the major brand, a version, then compatible brands.
// A general image file (mif1, msf1) counts when a compatible brand is HEVC.
function isHeic(content: Uint8Array): boolean {
  if (content.length < 12 || ascii(content, 4, 8) !== 'ftyp') return false;
  const major = ascii(content, 8, 12);
  if (heicBrands.has(major)) return true;
  if (major !== 'mif1' && major !== 'msf1') return false;
  const boxSize = Math.min(content.length, new DataView(content.buffer, content.byteOffset).getUint32(0));
  for (let at = 16; at + 4 <= boxSize; at += 4) if (heicBrands.has(ascii(content, at, at + 4))) return true;
  return false;
}

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

// A size as people read it: "850 KB", "4.2 MB", "10 MB".
export function fileSizeText(bytes: number): string {
  if (bytes < megabyte) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const megabytes = bytes / megabyte;
  return `${Number.isInteger(megabytes) || megabytes >= 10 ? Math.round(megabytes) : megabytes.toFixed(1)} MB`;
}

export function sniffDocumentType(content: Uint8Array): DocumentType | null {
  return signatures.find((signature) => signature.matches(content))?.contentType ?? null;
}

// A name safe to store and show: no folders, no control characters, not too long.
export function safeFileName(name: string, contentType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const extension = signatures.find((signature) => signature.contentType === contentType)?.extension ?? 'bin';
  return (base || `document.${extension}`).slice(-200);
}

export type CheckedUpload = { fileName: string; contentType: string; content: Buffer };

// What was wrong with an uploaded file, in words for the person, or the file as it will be kept.
export function checkUpload(
  upload: Upload | undefined,
  kind: UploadKind = 'authority',
): {
  file: CheckedUpload | null;
  problem: string | null;
} {
  const rules = uploadKinds[kind];
  if (!upload || (upload.content.length === 0 && !upload.fileName)) return { file: null, problem: null };
  if (upload.truncated || upload.content.length > rules.maxFileBytes)
    return { file: null, problem: `The file must be smaller than ${fileSizeText(rules.maxFileBytes)}` };
  if (upload.content.length === 0) return { file: null, problem: 'The file you chose is empty' };
  const contentType = sniffDocumentType(upload.content);
  if (!contentType || !(rules.types as readonly string[]).includes(contentType))
    return { file: null, problem: `The file must be ${rules.typesText}` };
  return {
    file: { fileName: safeFileName(upload.fileName, contentType), contentType, content: upload.content },
    problem: null,
  };
}

// Whether one more file of this size fits a complaint's evidence; the words saying why not.
export function evidenceProblem(held: { count: number; bytes: number }, addingBytes: number): string | null {
  const { maxFiles, maxTotalBytes } = evidenceLimits;
  if (held.count >= maxFiles) return `You can send up to ${maxFiles} files. Remove one to add another`;
  if (held.bytes + addingBytes > maxTotalBytes)
    return `Your files must be smaller than ${fileSizeText(maxTotalBytes)} in all. Remove one or send a smaller file`;
  return null;
}
