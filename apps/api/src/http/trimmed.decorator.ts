import { Transform } from 'class-transformer';

/** Trims a string field before it is validated (other values pass as they are). */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}
