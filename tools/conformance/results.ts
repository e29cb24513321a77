import { Document } from './schema';

function mapToDocument(map: unknown): unknown {
  if (!(map instanceof Map)) return map;
  return Object.fromEntries([...map.entries()].map(([key, value]) => [String(key), value]));
}

function isBulkWriteResult(value: object): boolean {
  return value.constructor?.name === 'BulkWriteResult';
}

function isClientBulkWriteResult(value: object): boolean {
  return 'insertResults' in value || value.constructor?.name === 'ClientBulkWriteResult';
}

/**
 * Converts the driver's model objects (BulkWriteResult, ClientBulkWriteResult) into the plain
 * documents the format describes; other results are returned unchanged.
 */
export function toResultDocument(result: unknown): unknown {
  if (result === null || typeof result !== 'object') return result;
  if (isBulkWriteResult(result)) {
    const bulk = result as Document;
    return {
      insertedCount: bulk.insertedCount,
      matchedCount: bulk.matchedCount,
      modifiedCount: bulk.modifiedCount,
      deletedCount: bulk.deletedCount,
      upsertedCount: bulk.upsertedCount,
      upsertedIds: bulk.upsertedIds,
      insertedIds: bulk.insertedIds,
    };
  }
  if (isClientBulkWriteResult(result)) {
    const bulk = result as Document;
    return {
      insertedCount: bulk.insertedCount,
      upsertedCount: bulk.upsertedCount,
      matchedCount: bulk.matchedCount,
      modifiedCount: bulk.modifiedCount,
      deletedCount: bulk.deletedCount,
      insertResults: mapToDocument(bulk.insertResults),
      updateResults: mapToDocument(bulk.updateResults),
      deleteResults: mapToDocument(bulk.deleteResults),
    };
  }
  return result;
}
