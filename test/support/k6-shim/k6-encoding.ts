/** `k6/encoding` for scripts run in Node: `b64decode` to an ArrayBuffer (standard alphabet). */
export function b64decode(input: string, encoding?: string, format?: string): ArrayBuffer {
  if ((encoding !== undefined && encoding !== 'std') || format !== undefined) {
    throw new Error('the k6 shim decodes standard base64 to an ArrayBuffer only');
  }
  const bytes = Buffer.from(input, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

export default { b64decode };
