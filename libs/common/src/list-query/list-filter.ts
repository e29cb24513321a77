import { ErrorDetail } from '../errors';
import {
  castListValue,
  FILTER_OPERATORS,
  FilterOperator,
  isFilterOperator,
  operatorsFor,
} from './list-field-value';
import { ListField, ListSpec } from './list-query.types';

const MAX_IN_VALUES = 50;

type Conditions = Record<string, Record<string, unknown>>;

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whitelisted field by its API name; never a prototype property or a `$`-name. */
export function specField(spec: ListSpec, name: string): ListField | undefined {
  if (name.startsWith('$') || !Object.prototype.hasOwnProperty.call(spec.fields, name)) {
    return undefined;
  }
  return spec.fields[name];
}

/**
 * `filter[price][gte]=10&filter[brandId]=…` (already nested by `qs`) → MongoDB conditions on the
 * whitelisted paths. Operators come from a fixed table; client text only ever becomes a value.
 */
export function parseListFilter(raw: unknown, spec: ListSpec, problems: ErrorDetail[]): Conditions {
  const conditions: Conditions = {};
  if (raw === undefined) return conditions;
  if (!isPlainRecord(raw)) {
    problems.push({ field: 'filter', message: 'filter must be given as filter[field]=value' });
    return conditions;
  }
  for (const [name, value] of Object.entries(raw)) {
    const label = `filter[${name}]`;
    const field = specField(spec, name);
    if (!field || field.filter === false) {
      problems.push({ field: label, message: `${name} is not a filterable field` });
      continue;
    }
    const operands: [string, unknown, string][] = isPlainRecord(value)
      ? Object.entries(value).map(([op, operand]) => [op, operand, `${label}[${op}]`])
      : [['eq', value, label]];
    for (const [op, operand, operandLabel] of operands) {
      const condition = parseCondition(field, op, operand, operandLabel, problems);
      if (condition) {
        const path = field.path ?? name;
        conditions[path] = {
          ...conditions[path],
          [FILTER_OPERATORS[condition.op]]: condition.value,
        };
      }
    }
  }
  return conditions;
}

function parseCondition(
  field: ListField,
  op: string,
  operand: unknown,
  label: string,
  problems: ErrorDetail[],
): { op: FilterOperator; value: unknown } | undefined {
  const allowed = operatorsFor(field);
  if (!isFilterOperator(op) || !allowed.includes(op)) {
    problems.push({ field: label, message: `operator must be one of: ${allowed.join(', ')}` });
    return undefined;
  }
  if (typeof operand !== 'string') {
    problems.push({ field: label, message: `${label} must be a single value` });
    return undefined;
  }
  if (op === 'in') return parseInList(field, operand, label, problems);
  const cast = castListValue(field, operand, label);
  if (!cast.ok) {
    problems.push({ field: label, message: cast.message });
    return undefined;
  }
  return { op, value: cast.value };
}

function parseInList(
  field: ListField,
  operand: string,
  label: string,
  problems: ErrorDetail[],
): { op: FilterOperator; value: unknown[] } | undefined {
  const items = operand.split(',');
  if (items.length > MAX_IN_VALUES) {
    problems.push({ field: label, message: `${label} takes at most ${MAX_IN_VALUES} values` });
    return undefined;
  }
  const values: unknown[] = [];
  for (const item of items) {
    const cast = castListValue(field, item, label);
    if (!cast.ok) {
      problems.push({ field: label, message: cast.message });
      return undefined;
    }
    values.push(cast.value);
  }
  return { op: 'in', value: values };
}
