import { Long } from 'bson';
import type { Doc } from '../query/values';

export interface Cursor {
  id: Long;
  namespace: string;
  documents: Doc[];
  position: number;
  sessionKey?: string;
  lastUsed: number;
}

/** MongoDB's default cursorTimeoutMillis: idle cursors are closed after ten minutes. */
const CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

/** Open cursors with the documents they still have to return. */
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

  get(id: Long | number): Cursor | undefined {
    const cursor = this.cursors.get(id.toString());
    if (cursor) cursor.lastUsed = Date.now();
    return cursor;
  }

  private closeIdle(now: number): void {
    for (const [key, cursor] of this.cursors) {
      if (now - cursor.lastUsed > CURSOR_TIMEOUT_MS) this.cursors.delete(key);
    }
  }

  close(id: Long | number): boolean {
    return this.cursors.delete(id.toString());
  }

  closeForSession(sessionKey: string): void {
    for (const [key, cursor] of this.cursors)
      if (cursor.sessionKey === sessionKey) this.cursors.delete(key);
  }
}
