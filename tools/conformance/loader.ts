import { EJSON } from 'bson';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { isDocument } from './bson-values';
import { UnifiedTestFile } from './schema';
import { compareVersions } from './versions';

/** The newest schema version whose tests this runner interprets (major 1 only). */
export const SUPPORTED_SCHEMA_VERSION = '1.28';

export interface LoadedFile {
  /** Path relative to the spec directory, with forward slashes (`crud/find.json`). */
  name: string;
  content?: UnifiedTestFile;
  /** Why the file cannot be run; every test in it then counts as failed. */
  loadError?: string;
}

/** Every `.json` file below `directory`, sorted by path. */
export function findJsonFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) found.push(...findJsonFiles(path));
    else if (entry.endsWith('.json')) found.push(path);
  }
  return found;
}

const TYPE_WRAPPER_KEYS = new Set([
  '$oid',
  '$date',
  '$numberInt',
  '$numberLong',
  '$numberDouble',
  '$numberDecimal',
  '$binary',
  '$uuid',
  '$regularExpression',
  '$timestamp',
  '$symbol',
  '$code',
  '$minKey',
  '$maxKey',
  '$undefined',
  '$dbPointer',
]);

function isTypeWrapper(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.length <= 2 && TYPE_WRAPPER_KEYS.has(keys[0]);
}

function reviveExtendedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveExtendedJson);
  if (!isDocument(value)) return value;
  if (isTypeWrapper(value)) return EJSON.deserialize(value, { relaxed: false });
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, reviveExtendedJson(item)]),
  );
}

/**
 * Parses Extended JSON (relaxed or canonical). Explicit type wrappers keep their BSON type
 * (`$numberLong` stays a Long, `$numberDouble` a Double); bare JSON numbers stay JS numbers, which
 * the driver sends as int32 when integral and in range, else as double, as the format intends.
 */
export function parseExtendedJson(text: string): unknown {
  return reviveExtendedJson(JSON.parse(text));
}

function schemaProblem(content: unknown): string | undefined {
  if (!isDocument(content)) return 'not a JSON object';
  const version = content.schemaVersion;
  if (typeof version !== 'string') return 'not a unified-format test file (no schemaVersion)';
  if (!Array.isArray(content.tests)) return 'no tests array';
  const [major] = version.split('.');
  const [supportedMajor] = SUPPORTED_SCHEMA_VERSION.split('.');
  if (major !== supportedMajor || compareVersions(version, SUPPORTED_SCHEMA_VERSION) > 0) {
    return `schemaVersion ${version} is newer than the supported ${SUPPORTED_SCHEMA_VERSION}`;
  }
  return undefined;
}

export function loadFile(path: string, root: string): LoadedFile {
  const name = relative(root, path).split(sep).join('/');
  let content: unknown;
  try {
    content = parseExtendedJson(readFileSync(path, 'utf8'));
  } catch (error) {
    return { name, loadError: `cannot parse: ${(error as Error).message}` };
  }
  const problem = schemaProblem(content);
  if (problem) {
    const tests = isDocument(content) && Array.isArray(content.tests) ? content.tests : [];
    return { name, content: { tests } as UnifiedTestFile, loadError: problem };
  }
  return { name, content: content as unknown as UnifiedTestFile };
}
