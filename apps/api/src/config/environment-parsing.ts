import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

type EnvironmentClass<T extends object> = new () => T;

/** The variables that are set: blank values count as unset. */
export function presentVariables(
  source: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}

/**
 * Validates the variables an env DTO declares and adds a readable line per problem to
 * `problems`, so that one start-up reports every misconfiguration at once.
 */
export function readEnvironment<T extends object>(
  environmentClass: EnvironmentClass<T>,
  present: Record<string, string>,
  problems: string[],
): T {
  const environment = plainToInstance(environmentClass, present);
  const errors = validateSync(environment, { skipMissingProperties: false });
  problems.push(...errors.flatMap((error) => Object.values(error.constraints ?? {})));
  return environment;
}

/** What {@link parseDurationMs} accepts, for class-validator's `@Matches`. */
export const DURATION = /^(\d+)(ms|s|m|h|d)?$/;

export const DURATION_MESSAGE = '$property must be a duration such as 90s, 15m, 48h or 30d';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"900"` (seconds), `"90s"`, `"15m"`, `"48h"`, `"30d"`, `"250ms"` → milliseconds. */
export function parseDurationMs(value: string): number {
  const match = DURATION.exec(value.trim());
  if (!match) throw new Error(`Invalid duration "${value}": use e.g. 90s, 15m, 48h, 30d`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 's'];
}
