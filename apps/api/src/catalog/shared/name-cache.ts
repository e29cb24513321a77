/** A brand's or category's id and name: what a product response shows of it. */
export interface EntryName {
  _id: string;
  name: string;
}

interface CachedName {
  name: string;
  expiresAt: number;
}

/** Beyond this many names the cache starts over rather than grow (catalogs have far fewer). */
const MAX_NAMES = 10_000;

/**
 * Names by id, kept for `ttlMs` so that product reads do not fetch the same few brands and
 * categories on every request. A rename or delete on this instance forgets the id at once, and a
 * load that began before it is not kept (the generation moved on); other instances see the change
 * when their copy expires. A `ttlMs` of 0 keeps nothing.
 */
export class NameCache {
  private readonly names = new Map<string, CachedName>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The names of these ids: cached ones as they are, the others through `load`. */
  async namesOf(
    ids: string[],
    load: (ids: string[]) => Promise<EntryName[]>,
  ): Promise<EntryName[]> {
    const now = this.now();
    const found: EntryName[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.names.get(id);
      if (cached && cached.expiresAt > now) found.push({ _id: id, name: cached.name });
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const generation = this.generation;
    const loaded = await load(missing);
    if (this.ttlMs > 0 && generation === this.generation) this.keep(loaded, now + this.ttlMs);
    return [...found, ...loaded];
  }

  forget(id: string): void {
    this.generation += 1;
    this.names.delete(id);
  }

  private keep(entries: EntryName[], expiresAt: number): void {
    if (this.names.size + entries.length > MAX_NAMES) this.names.clear();
    for (const entry of entries) this.names.set(entry._id, { name: entry.name, expiresAt });
  }
}
