import { InUseError, ListQuery, ListSpec, NotFoundError, Page, toPage } from '@kassa/common';
import { normaliseCatalogName } from './catalog-name';
import { NamedEntry } from './named-entry';
import { NamedEntryRepository } from './named-entry.repository';

/**
 * Filters, sorts and search offered on brand and category lists, each backed by an index; `name`
 * filters and sorts on the lowercase copy, so it ignores case.
 */
export const NAMED_ENTRY_LIST_SPEC: ListSpec = {
  fields: {
    name: { type: 'string', path: 'nameLower', normalise: normaliseCatalogName },
    productCount: { type: 'number' },
    createdAt: { type: 'date' },
  },
  search: ['name'],
  defaultSort: 'name',
  uniquePaths: ['nameLower'],
};

/** The rules of a uniquely named catalog entry: brands and categories behave the same. */
export abstract class NamedEntryService {
  protected constructor(
    private readonly repository: NamedEntryRepository,
    private readonly resource: string,
  ) {}

  create(name: string): Promise<NamedEntry> {
    return this.repository.create(name);
  }

  get(id: string): Promise<NamedEntry> {
    return this.require(id);
  }

  async list(query: ListQuery): Promise<Page<NamedEntry>> {
    const page = await this.repository.list(query);
    return toPage(page.items, page.total, query);
  }

  /** PUT and PATCH: a name is the only field; a PATCH without one returns the entry unchanged. */
  async update(id: string, name: string | undefined): Promise<NamedEntry> {
    const updated =
      name === undefined ? await this.require(id) : await this.repository.rename(id, name);
    if (!updated) {
      throw new NotFoundError(this.resource, id);
    }
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (await this.repository.deleteUnused(id)) {
      return;
    }
    await this.require(id);
    throw new InUseError(this.resource, id);
  }

  private async require(id: string): Promise<NamedEntry> {
    const entry = await this.repository.findById(id);
    if (!entry) {
      throw new NotFoundError(this.resource, id);
    }
    return entry;
  }
}
