import { Logger } from '@nestjs/common';
import { Collection, Connection } from 'mongoose';
import { StartupRefusal } from '../../bootstrap/startup-refusal';
import { SupportConfig } from '../../config/support.config';

/** The collection through which instances pass chat events to each other. */
export const RELAY_COLLECTION = 'support_chat_relay';

/** Relay documents are read at once through change streams; they only need to outlive a blip. */
const RELAY_DOCUMENT_TTL_SECONDS = 600;

const logger = new Logger('SupportChat');

/** Whether the database serves change streams (a replica set or sharded cluster does). */
async function servesChangeStreams(collection: Collection): Promise<boolean> {
  const stream = collection.watch([], { maxAwaitTimeMS: 1 });
  try {
    await stream.tryNext();
    return true;
  } catch {
    return false;
  } finally {
    await stream.close();
  }
}

/**
 * Decides how chat events reach the sockets of other API instances (`SUPPORT_CHAT_RELAY`):
 * through MongoDB — events written to {@link RELAY_COLLECTION} and read by every instance with a
 * change stream (`@socket.io/mongo-adapter`) — or not at all (`local`: one instance). `auto`
 * relays when `MONGODB_URI` names a database that serves change streams, and says so either way;
 * `mongodb` refuses to start without them. Answers the relay collection, or undefined for local.
 */
export async function resolveChatRelay(
  connection: Connection,
  support: SupportConfig,
  sharedDatabase: boolean,
): Promise<Collection | undefined> {
  if (support.relay === 'local' || (support.relay === 'auto' && !sharedDatabase)) {
    logger.log('Support chat events stay in this instance (no relay between instances)');
    return undefined;
  }
  const collection = connection.collection(RELAY_COLLECTION);
  if (!(await servesChangeStreams(collection))) {
    const reason = 'the database does not serve change streams (a replica set is needed)';
    if (support.relay === 'mongodb') {
      throw new StartupRefusal(`SUPPORT_CHAT_RELAY=mongodb cannot relay chat events: ${reason}`);
    }
    logger.warn(`Support chat events stay in this instance: ${reason}`);
    return undefined;
  }
  await collection.createIndex(
    { createdAt: 1 },
    { expireAfterSeconds: RELAY_DOCUMENT_TTL_SECONDS },
  );
  logger.log(`Support chat events are relayed between instances through ${RELAY_COLLECTION}`);
  return collection;
}
