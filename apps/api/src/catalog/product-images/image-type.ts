/** The image formats a product image may have, recognised by their leading bytes. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** The number of leading bytes `detectImageType` needs to see. */
export const IMAGE_SIGNATURE_LENGTH = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The image type the bytes really are (whatever the client claimed), or `undefined`. */
export function detectImageType(head: Uint8Array): ImageContentType | undefined {
  if (startsWith(head, PNG)) {
    return 'image/png';
  }
  if (startsWith(head, JPEG)) {
    return 'image/jpeg';
  }
  const ascii = Buffer.from(head.subarray(0, IMAGE_SIGNATURE_LENGTH)).toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) {
    return 'image/gif';
  }
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return (
    bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte)
  );
}
