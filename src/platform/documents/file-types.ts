// Files people send (evidence, documents), recognised by their first bytes whatever the file is
// called or the browser says it is, so that a program renamed .pdf is refused.

const megabyte = 1024 * 1024;

export type DocumentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/heic';

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

export type FileRules = { types: readonly DocumentType[]; typesText: string; maxFileBytes: number };
export type CheckedFile = { fileName: string; contentType: DocumentType; content: Buffer };
type SentFile = { fileName: string; content: Buffer; truncated: boolean };

// What was wrong with a file sent, in words for the person, or the file as it will be kept; no
// file and no problem when none was chosen.
export function checkFile(
  sent: SentFile | undefined,
  rules: FileRules,
): { file: CheckedFile | null; problem: string | null } {
  if (!sent || (sent.content.length === 0 && !sent.fileName)) return { file: null, problem: null };
  if (sent.truncated || sent.content.length > rules.maxFileBytes)
    return { file: null, problem: `The file must be smaller than ${fileSizeText(rules.maxFileBytes)}` };
  if (sent.content.length === 0) return { file: null, problem: 'The file you chose is empty' };
  const contentType = sniffDocumentType(sent.content);
  if (!contentType || !rules.types.includes(contentType))
    return { file: null, problem: `The file must be ${rules.typesText}` };
  return {
    file: { fileName: safeFileName(sent.fileName, contentType), contentType, content: sent.content },
    problem: null,
  };
}
