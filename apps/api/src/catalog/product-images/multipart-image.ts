import type {} from '@fastify/multipart';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '@kassa/common';
import { FastifyRequest } from 'fastify';

/** The one file of a `multipart/form-data` upload, read into memory (it is size-limited). */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

const TOO_MANY_PARTS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the single file part of a multipart request, refusing anything but multipart (415), a
 * file over `maxBytes` (413) and requests without exactly one file (400).
 */
export async function readSingleFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('Send the image as multipart/form-data with one file part');
  }
  try {
    const part = await request.file({
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 },
    });
    if (!part) {
      throw ValidationError.forField('file', 'file is required');
    }
    const content = await part.toBuffer();
    return { filename: part.filename || 'image', content };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeError(`The image must be at most ${maxBytes} bytes`);
    }
    if (code && TOO_MANY_PARTS.has(code)) {
      throw ValidationError.forField('file', 'Send exactly one file part and nothing else');
    }
    throw error;
  }
}
