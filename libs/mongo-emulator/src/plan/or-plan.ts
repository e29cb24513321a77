import { isPlainObject, type Doc } from '../query/values';
import type { SortSpec } from '../query/sort';
import type { CollectionAccess } from '../storage/access';
import {
  costOf,
  indexCandidates,
  isFiltered,
  keysOf,
  type Candidate,
  type CandidateRequest,
  type CostRequest,
} from './candidates';
import type { OrBranch, OrScan, QueryPlan, Residual } from './plan';
import { analyzeFilter, type FilterAnalysis } from './predicates';
import { residualOf } from './residual';

/** One way to run a filter's `$or` on indexes: a scan per branch, the rest checked above. */
export interface OrOption {
  access: OrScan;
  /** The conditions beside the `$or`, checked on the union's documents. */
  left: Residual;
  sortProvided: boolean;
  /** The keys the branches walk: at least the number of documents the filter matches. */
  keys: number;
  /** Whether a count needs no documents: the branches' keys cover the whole filter. */
  countable: boolean;
  cost: number;
}

/** The position of the filter's only top-level `$or` among its conjuncts, if it has one. */
export function orConjunctOf(analysis: FilterAnalysis): number | undefined {
  const positions = analysis.conjuncts.flatMap((conjunct, i) =>
    orBranchesOf(conjunct.filter) ? [i] : [],
  );
  return positions.length === 1 ? positions[0] : undefined;
}

/** The branches of a conjunct `{$or: [...]}`, a branch that is itself one `$or` spliced in. */
function orBranchesOf(filter: Doc): Doc[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '$or') return undefined;
  const members = filter.$or;
  if (!Array.isArray(members) || members.length === 0 || !members.every(isPlainObject))
    return undefined;
  return members.flatMap((member) => orBranchesOf(member) ?? [member]);
}

/**
 * The plans that serve the filter's `$or` with one index scan per branch, as MongoDB does when
 * every branch can use an index (else none: the `$or` needs a scan). Each branch takes the
 * index with the fewest keys for its own conditions; with a sort, a second plan takes in each
 * branch the best index that yields the order, and merges the branches (SORT_MERGE).
 */
export function orOptions(
  access: CollectionAccess,
  analysis: FilterAnalysis,
  request: CostRequest & { sort?: SortSpec; collation?: CandidateRequest['collation'] },
  delta: QueryPlan['delta'],
): OrOption[] {
  const position = orConjunctOf(analysis);
  if (position === undefined) return [];
  const branches = orBranchesOf(analysis.conjuncts[position].filter)!;
  const analyses = branches.map((branch) => analyzeFilter(branch, request.collation));
  const { collation, sort } = request;
  const unordered = analyses.map((branch) =>
    fewestKeys(indexCandidates(access, branch, { collation, delta })),
  );
  if (unordered.some((choice) => !choice)) return [];
  const left = residualOf(analysis, new Set([position]));
  const option = (choices: Candidate[], merged: boolean): OrOption => {
    const orBranches: OrBranch[] = choices.map((choice) => ({
      scan: choice.scan,
      left: choice.residual,
    }));
    const keys = choices.reduce((sum, choice) => sum + keysOf(choice), 0);
    const covered = choices.every((choice) => choice.residual.residual === undefined);
    const countable = covered && left.residual === undefined;
    const filtered = left.residual !== undefined || choices.some(isFiltered);
    const sortProvided = sort === undefined || merged;
    return {
      access: { kind: 'or', branches: orBranches, merged },
      left,
      sortProvided,
      keys,
      countable,
      cost: request.countOnly
        ? keys * (countable ? 1 : 2)
        : costOf(keys, filtered, sortProvided, request),
    };
  };
  const options = [option(unordered as Candidate[], false)];
  if (sort) {
    const ordered = analyses.map((branch) =>
      fewestKeys(
        indexCandidates(access, branch, { sort, collation, delta }).filter(
          (candidate) => candidate.narrows && candidate.sortProvided,
        ),
      ),
    );
    if (ordered.every(Boolean)) options.push(option(ordered as Candidate[], true));
  }
  return options.sort((a, b) => a.cost - b.cost);
}

/** The candidate with the fewest keys to walk (then fewer left to check, tighter bounds). */
function fewestKeys(candidates: Candidate[]): Candidate | undefined {
  const weighed = candidates.map((candidate) => ({ candidate, keys: keysOf(candidate) }));
  weighed.sort(
    (a, b) =>
      a.keys - b.keys ||
      Number(isFiltered(a.candidate)) - Number(isFiltered(b.candidate)) ||
      b.candidate.boundedFields - a.candidate.boundedFields ||
      a.candidate.scan.index.fields.length - b.candidate.scan.index.fields.length,
  );
  return weighed[0]?.candidate;
}
