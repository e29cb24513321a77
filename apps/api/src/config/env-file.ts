import { existsSync } from 'node:fs';

/**
 * Loads `.env` from the working directory when there is one; variables already set win. Only
 * `main.ts` calls this: tests configure themselves and never read a machine's `.env`.
 */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
