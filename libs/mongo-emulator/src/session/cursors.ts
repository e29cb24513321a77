import { Long } from 'bson';
import type { ChangeStream } from '../change-streams/change-stream';
import type { Doc } from '../query/values';

export interface Cursor {
  id: Long;
  namespace: string;
  documents: Doc[];
  position: number;
  sessionKey?: string;
  lastUsed: number;
  /** A change stream's cursor: its batches come from the stream, not from `documents`. */
  changeStream?: ChangeStream;
}

/** MongoDB's default cursorTimeoutMillis: idle cursors are closed after ten minutes. */
const CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

/** Open cursors with the documents they still have to return, or the stream they follow. */
export class CursorRegistry {
  private readonly cursors = new Map<string, Cursor>();
  private nextId = 1000 + Math.floor(Math.random() * 1000);

  open(namespace: string, documents: Doc[], position: number, sessionKey?: string): Cursor {
    const now = Date.now();
    this.closeIdle(now);
    this.nextId += 1;
    const id = Long.fromNumber(this.nextId);
    const cursor: Cursor = { id, namespace, documents, position, sessionKey, lastUsed: now };
    this.cursors.set(cursor.id.toString(), cursor);
    return cursor;
  }

  openStream(namespace: string, changeStream: ChangeStream, sessionKey?: string): Cursor {
    const cursor = this.open(namespace, [], 0, sessionKey);
    cursor.changeStream = changeStream;
    return cursor;
  }

  get(id: Long | number): Cursor | undefined {
    const cursor = this.cursors.get(id.toString());
    if (cursor) cursor.lastUsed = Date.now();
    return cursor;
  }

  private closeIdle(now: number): void {
    for (const [key, cursor] of this.cursors) {
      if (now - cursor.lastUsed > CURSOR_TIMEOUT_MS) this.remove(key, cursor);
    }
  }

  /** Closes a cursor; a getMore waiting on it ends with CursorKilled. */
  close(id: Long | number): boolean {
    const cursor = this.cursors.get(id.toString());
    if (cursor) this.remove(id.toString(), cursor);
    return cursor !== undefined;
  }

  closeForSession(sessionKey: string): void {
    for (const [key, cursor] of this.cursors)
      if (cursor.sessionKey === sessionKey) this.remove(key, cursor);
  }

  closeAll(): void {
    for (const [key, cursor] of this.cursors) this.remove(key, cursor);
  }

  private remove(key: string, cursor: Cursor): void {
    this.cursors.delete(key);
    cursor.changeStream?.interrupt();
  }
}
