import { commandError } from '../errors';
import { Collection, type CollectionOptions, type VersionHorizon } from './collection';
import { Oplog, type CatalogChange, type OplogLimits } from './oplog';

export interface ServerParameters {
  ttlMonitorSleepSecs: number;
}

/**
 * All databases of the server, the logical clock that stamps every committed write, the oplog
 * of those writes, and the snapshot horizon of running transactions (which decides how much
 * history collections keep).
 */
export class Engine implements VersionHorizon {
  readonly databases = new Map<string, Map<string, Collection>>();
  readonly parameters: ServerParameters;
  readonly oplog: Oplog;
  private clock = 0;
  private readonly snapshots = new Map<object, number>();

  constructor(parameters: ServerParameters, oplogLimits?: OplogLimits) {
    this.parameters = parameters;
    this.oplog = new Oplog(oplogLimits);
  }

  now(): number {
    return this.clock;
  }

  tick(): number {
    this.clock += 1;
    return this.clock;
  }

  oldestSnapshot(): number | undefined {
    let oldest: number | undefined;
    for (const ts of this.snapshots.values()) if (oldest === undefined || ts < oldest) oldest = ts;
    return oldest;
  }

  openSnapshot(owner: object): number {
    const ts = this.clock;
    this.snapshots.set(owner, ts);
    return ts;
  }

  closeSnapshot(owner: object): void {
    const before = this.oldestSnapshot();
    if (!this.snapshots.delete(owner)) return;
    const oldest = this.oldestSnapshot();
    if (oldest !== undefined && oldest === before) return;
    for (const collections of this.databases.values())
      for (const collection of collections.values()) collection.prune(oldest);
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Returns the collection, creating it (as an implicit create does) when missing. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: CollectionOptions): Collection {
    validateCollectionName(db, name);
    if (this.collection(db, name))
      throw commandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(db, name, options, this);
    collections.set(name, collection);
    return collection;
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.databases.delete(db);
    return true;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  /** Records a drop or rename in the oplog, at a tick of its own. */
  logCatalogChange(change: CatalogChange): void {
    this.oplog.append(this.tick(), change);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }
}

export function validateCollectionName(db: string, name: string): void {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.includes('\0') ||
    name.startsWith('.') ||
    name.includes('$')
  ) {
    throw commandError('InvalidNamespace', `Invalid collection name: ${db}.${String(name)}`);
  }
}
