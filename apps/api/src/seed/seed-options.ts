import { parseArgs } from 'node:util';

export const SEED_USAGE =
  'usage: npm run seed [-- --customers N]  (N load-test customers, also SEED_CUSTOMERS=N)';

/**
 * The variables `npm run seed` arguments stand for: `--customers N` is `SEED_CUSTOMERS=N`, so the
 * value is validated like the variable. An unknown argument throws the usage.
 */
export function seedVariablesFrom(argv: string[]): Record<string, string> {
  let values: { customers?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { customers: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    throw new Error(SEED_USAGE);
  }
  return values.customers === undefined ? {} : { SEED_CUSTOMERS: values.customers };
}
