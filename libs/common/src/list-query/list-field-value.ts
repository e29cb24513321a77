import { ValidationError } from '../errors';
import { parseMoney } from '../money';
import { ListField, ListFieldType } from './list-query.types';

/** The comparison operators a client may name in `filter[field][op]`, and their MongoDB twins. */
export const FILTER_OPERATORS = {
  eq: '$eq',
  ne: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
} as const;

export type FilterOperator = keyof typeof FILTER_OPERATORS;

const ORDERED: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'];
const EQUALITY: readonly FilterOperator[] = ['eq', 'ne', 'in'];

const OPERATORS_BY_TYPE: Record<ListFieldType, readonly FilterOperator[]> = {
  string: ORDERED,
  number: ORDERED,
  money: ORDERED,
  date: ORDERED,
  boolean: ['eq', 'ne'],
  uuid: EQUALITY,
  enum: EQUALITY,
};

const MAX_VALUE_LENGTH = 200;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CastResult = { ok: true; value: unknown } | { ok: false; message: string };

const valid = (value: unknown): CastResult => ({ ok: true, value });
const invalid = (message: string): CastResult => ({ ok: false, message });

export function operatorsFor(field: ListField): readonly FilterOperator[] {
  return OPERATORS_BY_TYPE[field.type];
}

export function isFilterOperator(name: string): name is FilterOperator {
  return Object.prototype.hasOwnProperty.call(FILTER_OPERATORS, name);
}

/** Casts one query-string value to the field's type; `label` names it in messages. */
export function castListValue(field: ListField, raw: string, label: string): CastResult {
  if (raw.length > MAX_VALUE_LENGTH) {
    return invalid(`${label} must be at most ${MAX_VALUE_LENGTH} characters`);
  }
  switch (field.type) {
    case 'string':
      return valid(field.normalise ? field.normalise(raw) : raw);
    case 'number':
      return NUMBER.test(raw) ? valid(Number(raw)) : invalid(`${label} must be a number`);
    case 'money':
      return field.signed && raw.startsWith('-')
        ? negate(castMoney(raw.slice(1), label))
        : castMoney(raw, label);
    case 'boolean':
      return raw === 'true' || raw === 'false'
        ? valid(raw === 'true')
        : invalid(`${label} must be true or false`);
    case 'date':
      return castDate(raw, label);
    case 'uuid':
      return UUID.test(raw) ? valid(raw.toLowerCase()) : invalid(`${label} must be a UUID`);
    case 'enum':
      return field.values?.includes(raw)
        ? valid(raw)
        : invalid(`${label} must be one of: ${(field.values ?? []).join(', ')}`);
  }
}

function castMoney(raw: string, label: string): CastResult {
  try {
    return valid(parseMoney(raw, label));
  } catch (error) {
    if (error instanceof ValidationError) return invalid(error.message);
    throw error;
  }
}

function negate(result: CastResult): CastResult {
  return result.ok && result.value !== 0 ? valid(-(result.value as number)) : result;
}

function castDate(raw: string, label: string): CastResult {
  const date = new Date(raw);
  return ISO_DATE.test(raw) && !Number.isNaN(date.getTime())
    ? valid(date)
    : invalid(`${label} must be an ISO-8601 date such as 2024-05-01T12:00:00Z`);
}
