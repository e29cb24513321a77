/** How a list field's query-string value is read: `money` takes `"12.50"` and yields cents. */
export type ListFieldType = 'string' | 'number' | 'money' | 'boolean' | 'date' | 'uuid' | 'enum';

/** One field a list resource lets clients filter and/or sort on. */
export interface ListField {
  type: ListFieldType;
  /** MongoDB path; defaults to the field name. */
  path?: string;
  /** A `money` field that holds signed amounts (ledger postings): `-12.50` is accepted too. */
  signed?: boolean;
  /** Allowed values of an `enum` field. */
  values?: readonly string[];
  /** Whether `filter[field]` is accepted (default true). */
  filter?: boolean;
  /** Whether `sort=field` is accepted (default true). */
  sort?: boolean;
  /**
   * Applied to a `string` field's filter values before they are compared, so a field stored as
   * a normalised copy (e.g. lowercase) matches what a client types in any case.
   */
  normalise?: (value: string) => string;
}

/** The whitelist of a list resource: its fields, searched paths and default order. */
export interface ListSpec {
  fields: Record<string, ListField>;
  /** MongoDB paths matched by `search=text`. */
  search?: readonly string[];
  /**
   * Whether `sort=relevance` is offered (with `search` only): the search becomes a word search
   * on the collection's text index (`$text`: stemmed words, any of them, `"phrases"`,
   * `-exclusions`) ranked by relevance, best first, ties in the default order. Without it,
   * `search` is a case-insensitive substring match over the `search` paths.
   */
  relevance?: boolean;
  /** e.g. `'-createdAt'`; `_id` is appended as the tie-break, in the last key's direction. */
  defaultSort?: string;
  /**
   * Paths whose values are unique within every list of this resource (a per-account sequence
   * number): a sort that ends on one is already total, so no `_id` tie-break follows it and the
   * unique index alone serves the sort.
   */
  uniquePaths?: readonly string[];
}

/** A sort key's order: ascending, descending, or a text search's relevance (best first). */
export type ListSortOrder = 1 | -1 | { $meta: 'textScore' };

/** A parsed, type-cast list request, safe to hand to MongoDB. */
export interface ListQuery {
  filter: Record<string, unknown>;
  sort: Record<string, ListSortOrder>;
  skip: number;
  limit: number;
  page: number;
}

/** The answer of every list route. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}
