import type { Collation } from '../query/collation';
import type { SortSpec } from '../query/sort';
import type { Doc, Value } from '../query/values';
import type { Index, KeyBox } from '../storage/index';
import type { TextQuery } from '../text/text-query';
import type { ReaderDelta } from '../storage/reader-delta';
import type { Interval } from './intervals';
import type { FilterAnalysis, PathPredicate } from './predicates';

/** Read the collection in natural order (backwards for `$natural: -1`). */
export interface CollectionScan {
  kind: 'collscan';
  direction: 1 | -1;
}

/** Look one document up by `_id` (a query that is exactly an `_id` equality). */
export interface IdLookup {
  kind: 'idhack';
  id: Value;
}

/** Walk index keys within bounds, in index order or backwards. */
export interface IndexScan {
  kind: 'ixscan';
  index: Index;
  /** Per index field, the allowed values (ascending). */
  bounds: Interval[][];
  boxes: KeyBox[];
  direction: 1 | -1;
  /** Whether a document may own several keys in the walked range (then walks drop repeats). */
  multikey: boolean;
  /** Leading fields whose separate point ranges are merged to keep sort order (SORT_MERGE). */
  mergePrefix?: number;
}

/** Look a `$text` search's terms up in the text index (one key range per term), scoring. */
export interface TextScan {
  kind: 'text';
  index: Index;
  query: TextQuery;
  boxes: KeyBox[];
}

/** One branch of an `$or` served by an index: its scan and what its bounds leave unchecked. */
export interface OrBranch {
  scan: IndexScan;
  /** The branch's own conditions its bounds do not enforce (checked before the union). */
  left: Residual;
}

/**
 * The union of one index scan per `$or` branch, documents de-duplicated by record id (OR), or
 * merged in sort order when every branch's index yields it (SORT_MERGE).
 */
export interface OrScan {
  kind: 'or';
  branches: OrBranch[];
  merged: boolean;
}

export type AccessPath = CollectionScan | IdLookup | IndexScan | TextScan | OrScan;

/** What an access path leaves unenforced, as a filter and split for evaluation. */
export type Residual = Pick<QueryPlan, 'residual' | 'keyChecks' | 'matcherFilter'>;

/** How a query runs: where documents come from, what filters them, how they are ordered. */
export interface QueryPlan {
  access: AccessPath;
  /** The part of the filter the access path does not enforce, as a filter (stored form). */
  residual?: Doc;
  /**
   * The same part split for evaluation: conditions checked on the document's key values
   * (exact ones: equality, `$in`, ranges on plain values), and the rest, for the matcher.
   */
  keyChecks?: PathPredicate[];
  matcherFilter?: Doc;
  variables?: Doc;
  /** The query's collation: the matcher, key checks and sorts compare strings by it. */
  collation?: Collation;
  sort?: SortSpec;
  /** Whether the access path already yields documents in sort order. */
  sortProvided: boolean;
  /** Whether documents tying in that order already come in natural order. */
  tiesInOrder: boolean;
  skip: number;
  /** 0 = no limit. */
  limit: number;
  /** The filter split into conjuncts, when planning needed it (explain reads it too). */
  analysis?: FilterAnalysis;
  /** The filter as given (stored form). */
  filter?: Doc;
  /**
   * Whether a count needs no documents: keys within bounds that cover the filter (no repeated
   * documents), or a collection scan without filter (the number of documents).
   */
  countable: boolean;
  /** The transaction's differences from the committed state the indexes hold. */
  delta?: ReaderDelta;
  /** Whether the filter is one `$or` whose branches were planned one by one (SUBPLAN). */
  subplanned?: boolean;
  /** The other index plans the planner weighed (explain's `rejectedPlans`). */
  rejected?: QueryPlan[];
}
