// Files sent with a complaint: a representative's written authority (003 §4.1). Only PDF, JPEG
// and PNG are taken, recognised by their first bytes, whatever the file is called or the browser
// says it is, so that a program renamed .pdf is refused.

import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInput } from '../../platform/errors.ts';
import { checkInput } from '../../platform/web/untrusted-input.ts';

const maxUploadBytes = 5 * 1024 * 1024;
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

type Upload = { fieldName: string; fileName: string; content: Buffer; truncated: boolean };
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

declare module 'fastify' {
  interface FastifyRequest {
    uploads?: Upload[];
  }
}

// Multipart forms, only for the routes registered inside `scope`. Fields come to the handler as
// strings in request.body (so the CSRF token is read as on any form) and are held to the same
// rules as any other form's; the file, up to the size limit, in request.uploads. A file over the
// limit is cut short and marked, so that the page can say so with everything else kept. A body
// that is not well-formed multipart (no boundary, cut short) is the sender's mistake: a 400.
export async function acceptUploads(scope: FastifyInstance) {
  await scope.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: maxUploadBytes, files: 1, fields: 40, fieldSize: 64 * 1024, parts: 42 },
  });
  scope.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    request.body = await readParts(request).catch((error: unknown) => {
      throw isClientError(error) ? error : new InvalidInput([{ key: 'request', message: malformedMessage }]);
    });
    checkInput(request);
  });
}

const malformedMessage = 'The form was not sent correctly: go back, choose the file again and send it';

async function readParts(request: FastifyRequest): Promise<Record<string, string | string[]>> {
  const fields: Record<string, string | string[]> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      const upload = {
        fieldName: part.fieldname,
        fileName: part.filename,
        content,
        truncated: part.file.truncated,
      };
      request.uploads = [...(request.uploads ?? []), upload];
    } else {
      const value = String(part.value);
      const earlier = fields[part.fieldname];
      fields[part.fieldname] = earlier === undefined ? value : [earlier, value].flat();
    }
  }
  return fields;
}

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function uploadNamed(request: FastifyRequest, name: string): Upload | undefined {
  return request.uploads?.find((upload) => upload.fieldName === name);
}
