/** What the blocking k6 modules ask of the bridge worker, and what it answers. */

export interface MultipartPart {
  name: string;
  value?: string;
  file?: { data: Uint8Array; filename: string; contentType: string };
}

export type BridgeRequest =
  | {
      kind: 'http';
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: string;
      multipart?: MultipartPart[];
    }
  | { kind: 'socket-open'; url: string; headers: Record<string, string> }
  | { kind: 'socket-send'; data: string }
  | { kind: 'socket-close'; code?: number }
  | { kind: 'socket-next'; timeoutMs: number };

export type SocketEvent = { type: 'message'; data: string } | { type: 'close'; code: number };

export type BridgeReply =
  | {
      kind: 'http';
      status: number;
      headers: [string, string][];
      body: Uint8Array;
      /** From sending the request to the last byte of the body, in milliseconds. */
      durationMs: number;
    }
  | { kind: 'socket-opened'; status: number }
  | { kind: 'socket-event'; event: SocketEvent | null }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };
