import type { Doc } from '../query/values';
import type { Residual } from './plan';
import type { FilterAnalysis } from './predicates';

/** What bounds covering the conjuncts `covered` leave unenforced, as a filter and split. */
export function residualOf(analysis: FilterAnalysis, covered: Set<number>): Residual {
  const left = analysis.conjuncts.filter((_, i) => !covered.has(i));
  if (left.length === 0) return {};
  const checked = left.filter((c) => c.complete && c.predicates.every((p) => p.exact));
  const matched = left.filter((c) => !checked.includes(c));
  return {
    residual: filterOf(left.map((c) => c.filter)),
    keyChecks: checked.length > 0 ? checked.flatMap((c) => c.predicates) : undefined,
    matcherFilter: filterOf(matched.map((c) => c.filter)),
  };
}

/** Conjuncts as one filter: merged when their paths differ, else under `$and`. */
function filterOf(conjuncts: Doc[]): Doc | undefined {
  if (conjuncts.length === 0) return undefined;
  if (conjuncts.length === 1) return conjuncts[0];
  const paths = conjuncts.map((filter) => Object.keys(filter)[0]);
  if (new Set(paths).size === paths.length && !paths.includes('$and'))
    return Object.assign({}, ...conjuncts) as Doc;
  return { $and: conjuncts };
}
