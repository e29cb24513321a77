import type {
  ChangeStream,
  ChangeStreamDocument,
  ChangeStreamOptions,
  Document,
  MongoClient,
} from 'mongodb';

/** A document of the collections these specs watch: a string or number `_id`, any fields. */
export interface TestRecord extends Document {
  _id: string | number;
}

/** A collection, a database or a client: what `watch()` is called on. */
export interface Watchable {
  watch(pipeline?: Document[], options?: ChangeStreamOptions): ChangeStream;
}

/** Short waits per getMore, so that an empty `tryNext` comes back quickly. */
export const QUICK_AWAIT = { maxAwaitTimeMS: 50 };

/**
 * Opens a change stream and waits until its aggregate has run: writes made from then on show
 * in it (a stream starts after the latest write when it is opened).
 */
export async function openStream<T extends Document = ChangeStreamDocument<TestRecord>>(
  on: Watchable,
  pipeline: Document[] = [],
  options: ChangeStreamOptions = {},
): Promise<ChangeStream<TestRecord, T>> {
  const stream = on.watch(pipeline, { ...QUICK_AWAIT, ...options }) as unknown as ChangeStream<
    TestRecord,
    T
  >;
  const early = await stream.tryNext();
  if (early) throw new Error(`an event before any write: ${JSON.stringify(early)}`);
  return stream;
}

export async function nextEvents<T extends Document>(
  stream: ChangeStream<TestRecord, T>,
  count: number,
): Promise<T[]> {
  const events: T[] = [];
  while (events.length < count) events.push(await stream.next());
  return events;
}

/** The `_id` of the document an event is about (undefined for drops and renames). */
export function keyOf(event: ChangeStreamDocument<TestRecord>): unknown {
  return 'documentKey' in event ? event.documentKey._id : undefined;
}

/** The cursor id of every aggregate `client` runs from now on, latest last (needs `monitorCommands`). */
export function cursorIdsOf(client: MongoClient): unknown[] {
  const ids: unknown[] = [];
  client.on('commandSucceeded', (event) => {
    const id = (event.reply as { cursor?: { id?: unknown } }).cursor?.id;
    if (event.commandName === 'aggregate' && id !== undefined) ids.push(id);
  });
  return ids;
}
