import { MongoCommandError } from '../errors';
import { isPlainObject, setOwnField, type Doc, type Value } from '../query/values';

/** A filter's `$text` clause apart from the rest of it. */
export interface TextFilter {
  operand: Value;
  /** The other conditions (undefined: none). */
  rest?: Doc;
}

/** Where a `$text` sits: at the top (or under `$and`s), or under an `$or` or a `$nor`. */
function textPlaces(filter: Doc, under: 'top' | '$or' | '$nor', found: string[]): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$text') found.push(under);
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      const inner = key === '$and' ? under : under === '$nor' ? '$nor' : key;
      for (const clause of value) if (isPlainObject(clause)) textPlaces(clause, inner, found);
    }
  }
}

/** Whether a filter holds a `$text` at any level a query may have one. */
export function holdsText(filter: unknown): boolean {
  if (!isPlainObject(filter)) return false;
  const found: string[] = [];
  textPlaces(filter, 'top', found);
  return found.length > 0;
}

/**
 * Takes the `$text` clause out of a filter, with MongoDB's rules: one at most, never under
 * `$nor`. Under `$or` MongoDB runs it only when every other branch has an index of its own; the
 * emulator always refuses it there, with MongoDB's planner error.
 */
export function splitTextFilter(filter: Doc | undefined): TextFilter | undefined {
  if (!filter) return undefined;
  const found: string[] = [];
  textPlaces(filter, 'top', found);
  if (found.length === 0) return undefined;
  if (found.length > 1) throw new MongoCommandError('BadValue', 'Too many text expressions');
  if (found[0] === '$nor')
    throw new MongoCommandError('BadValue', 'text expression not allowed in nor');
  if (found[0] === '$or')
    throw new MongoCommandError(
      'NoQueryExecutionPlans',
      'error processing query: planner returned error :: caused by :: Failed to produce a solution for TEXT under OR - other non-TEXT clauses under OR have to be indexed as well.',
    );
  let operand: Value = undefined;
  const rest = without(filter, (value) => (operand = value));
  return { operand, rest: rest && Object.keys(rest).length > 0 ? rest : undefined };
}

/** The filter without its `$text` (handed to `take`); empty `$and` clauses drop out. */
function without(filter: Doc, take: (operand: Value) => void): Doc | undefined {
  const out: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$text') take(value);
    else if (key === '$and' && Array.isArray(value)) {
      const clauses = value
        .map((clause) => (isPlainObject(clause) ? without(clause, take) : clause))
        .filter((clause) => !isPlainObject(clause) || Object.keys(clause).length > 0);
      if (clauses.length > 0) out[key] = clauses;
    } else setOwnField(out, key, value);
  }
  return out;
}
