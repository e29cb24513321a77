import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

type EnvironmentClass<T extends object> = new () => T;

/**
 * Validates the variables an env DTO declares (blank values count as unset) and fails fast with
 * one readable message listing every problem, so a misconfigured instance never starts.
 */
export function validateEnvironment<T extends object>(
  environmentClass: EnvironmentClass<T>,
  source: Record<string, string | undefined>,
): T {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const environment = plainToInstance(environmentClass, present);
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return environment;
}

/** What {@link parseDurationMs} accepts, for class-validator's `@Matches`. */
export const DURATION = /^(\d+)(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"900"` (seconds), `"90s"`, `"15m"`, `"48h"`, `"30d"`, `"250ms"` → milliseconds. */
export function parseDurationMs(value: string): number {
  const match = DURATION.exec(value.trim());
  if (!match) throw new Error(`Invalid duration "${value}": use e.g. 90s, 15m, 48h, 30d`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 's'];
}
