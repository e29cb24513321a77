import type {} from '@fastify/multipart';
import {
  DomainError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@kassa/common';
import { FastifyRequest } from 'fastify';

/** The one file of a `multipart/form-data` upload, read into memory (it is size-limited). */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

const FILE_FIELD = 'file';
const ONE_FILE_ONLY = 'Send exactly one part: a file named "file", and nothing else';
const TOO_MANY_PARTS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/** What a failure while reading the parts means for the client. */
function refusalFor(error: unknown, maxBytes: number): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new PayloadTooLargeError(`The image must be at most ${maxBytes} bytes`);
  }
  if (code && TOO_MANY_PARTS.has(code)) return ValidationError.forField(FILE_FIELD, ONE_FILE_ONLY);
  return ValidationError.forField(
    'body',
    'The multipart body is malformed (a missing or wrong boundary, or a truncated body)',
  );
}

/**
 * Reads a multipart request that holds exactly one part, a file named `file`: anything but
 * multipart is a 415, a file over `maxBytes` a 413, any other part (before or after the file), a
 * missing file or a malformed body a 400.
 */
export async function readSingleFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('Send the image as multipart/form-data with one file part');
  }
  let file: UploadedFile | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    for await (const part of parts) {
      if (file || part.type !== 'file' || part.fieldname !== FILE_FIELD) {
        throw ValidationError.forField(FILE_FIELD, ONE_FILE_ONLY);
      }
      file = { filename: part.filename || 'image', content: await part.toBuffer() };
    }
  } catch (error) {
    throw refusalFor(error, maxBytes);
  }
  if (!file) throw ValidationError.forField(FILE_FIELD, 'file is required');
  return file;
}
