import { AlreadyExistsError, ListQuery } from '@kassa/common';
import { findPage, isDuplicateKey } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { normaliseCatalogName } from './catalog-name';
import { EntryName, NameCache } from './name-cache';
import { NamedEntry } from './named-entry';

/**
 * Storage of a uniquely named catalog entry (brand, category). The unique index on the lowercase
 * copy decides duplicates, so two concurrent creates of "Fender" and "fender" cannot both succeed.
 */
export abstract class NamedEntryRepository {
  private readonly names: NameCache;

  protected constructor(
    private readonly model: Model<NamedEntry>,
    private readonly resource: string,
    nameCacheMs: number,
  ) {
    this.names = new NameCache(nameCacheMs);
  }

  async create(name: string): Promise<NamedEntry> {
    try {
      const created = await this.model.create({ name, nameLower: normaliseCatalogName(name) });
      return created.toObject<NamedEntry>();
    } catch (error) {
      this.rethrowDuplicate(error);
    }
  }

  findById(id: string): Promise<NamedEntry | null> {
    return this.model.findById(id).lean<NamedEntry>().exec();
  }

  /** Id and name of each of these entries, from a short-lived cache where it holds them. */
  findNames(ids: string[]): Promise<EntryName[]> {
    return this.names.namesOf(ids, (missing) =>
      this.model
        .find({ _id: trusted({ $in: missing }) }, { name: 1 })
        .lean<EntryName[]>()
        .exec(),
    );
  }

  /** Ids of the entries with these names, compared case-insensitively. */
  async findIdsByNames(names: string[]): Promise<string[]> {
    const entries = await this.model
      .find({ nameLower: trusted({ $in: names.map(normaliseCatalogName) }) }, { _id: 1 })
      .lean<Pick<NamedEntry, '_id'>[]>()
      .exec();
    return entries.map((entry) => entry._id);
  }

  list(query: ListQuery) {
    return findPage<NamedEntry>(this.model, query);
  }

  async rename(id: string, name: string): Promise<NamedEntry | null> {
    try {
      const renamed = await this.model
        .findByIdAndUpdate(
          id,
          { $set: { name, nameLower: normaliseCatalogName(name) } },
          { new: true, runValidators: true },
        )
        .lean<NamedEntry>()
        .exec();
      this.names.forget(id);
      return renamed;
    } catch (error) {
      this.rethrowDuplicate(error);
    }
  }

  /** Deletes the entry only while no product uses it, in one conditional write. */
  async deleteUnused(id: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id, productCount: 0 }).exec();
    this.names.forget(id);
    return result.deletedCount === 1;
  }

  /**
   * Moves the product counter inside the caller's transaction and returns the entry, or null
   * when it does not exist (deleted meanwhile: the transaction must then abort).
   */
  adjustProductCount(id: string, delta: number): Promise<NamedEntry | null> {
    return this.model
      .findByIdAndUpdate(id, { $inc: { productCount: delta } }, { new: true })
      .lean<NamedEntry>()
      .exec();
  }

  private rethrowDuplicate(error: unknown): never {
    if (isDuplicateKey(error)) {
      throw new AlreadyExistsError(this.resource, 'name');
    }
    throw error;
  }
}
