// Forms that send a file (multipart), for the routes the form kit registers with `uploads`. Fields
// come to the handler as strings in request.body (so the CSRF token is read as on any form) and are
// held to the same rules as any other form's; each file, up to the size limit, in request.uploads.
// A file over the limit is cut short and marked, so that the page can say so with everything else
// kept. A body that is not well-formed multipart (no boundary, cut short) is the sender's mistake: a 400.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInput } from '../errors.ts';
import { checkInput } from './untrusted-input.ts';

export type Upload = { fieldName: string; fileName: string; content: Buffer; truncated: boolean };
export type UploadLimits = { maxFileBytes: number; maxFiles?: number };

declare module 'fastify' {
  interface FastifyRequest {
    uploads?: Upload[];
  }
}

const maxFields = 40;

// Multipart forms, only for the routes registered inside `scope`.
export async function acceptUploads(scope: FastifyInstance, limits: UploadLimits) {
  const files = limits.maxFiles ?? 1;
  await scope.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxFileBytes,
      files,
      fields: maxFields,
      fieldSize: 64 * 1024,
      parts: maxFields + files + 1,
    },
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

// The file sent in the field of this name, if any.
export function uploadNamed(request: FastifyRequest, name: string): Upload | undefined {
  return request.uploads?.find((upload) => upload.fieldName === name);
}

// Whether a file sent with the request was cut short at the size limit.
export const uploadTooLarge = (request: FastifyRequest) =>
  request.uploads?.some((upload) => upload.truncated) ?? false;
