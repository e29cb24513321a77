import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as errors from './index';
import { DomainError } from './domain-error';
import { ERROR_CATALOGUE, ERROR_CODES, isErrorCode } from './error-catalogue';

const ROOT = join(__dirname, '../../../..');
const SOURCE_FOLDERS = ['apps/api/src', 'libs/common/src', 'libs/database/src'];

/** Every domain error class the library exports, by its static `code`. */
const ERROR_CLASSES = Object.values(errors).filter(
  (value): value is typeof DomainError & { code: string } =>
    typeof value === 'function' && value.prototype instanceof DomainError,
);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Error-code-shaped literals where the code of an error is set or compared (not Fastify's or Node's HTTP parser's). */
const CODE_LITERAL =
  /(?:\bcode\s*[:=]\s*|\bcode\s*===\s*|super\(\s*|new \w+Error\(\s*)'(?!FST_|HPE_)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g;

/** The README's table of codes: one row per status, `| 409 | \`ALREADY_EXISTS\`, … |`. */
function readmeCodeTable(): Map<number, string[]> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = new Map<number, string[]>();
  for (const [, status, codes] of readme.matchAll(/^\s*\| (\d{3}) \| (.*) \|$/gm)) {
    table.set(
      Number(status),
      [...codes.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map(([, code]) => code),
    );
  }
  return table;
}

describe('the error catalogue', () => {
  it('has a class for every code, and every class has a catalogued code', () => {
    const classCodes = ERROR_CLASSES.map((errorClass) => errorClass.code);
    expect(classCodes.filter((code) => !isErrorCode(code))).toEqual([]);
    expect(ERROR_CODES.filter((code) => !classCodes.includes(code))).toEqual([]);
  });

  it('gives client errors a 4xx and faults a 5xx', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect([code, entry.status >= 400 && entry.status < 600]).toEqual([code, true]);
    }
  });

  it('knows every error code the code base sets or compares', () => {
    const unknown: string[] = [];
    for (const folder of SOURCE_FOLDERS) {
      for (const file of sourceFiles(join(ROOT, folder))) {
        for (const [, code] of readFileSync(file, 'utf8').matchAll(CODE_LITERAL)) {
          if (!isErrorCode(code)) unknown.push(`${relative(ROOT, file)}: ${code}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('matches the table of codes in the README', () => {
    const documented = readmeCodeTable();
    const expected = new Map<number, string[]>();
    for (const code of ERROR_CODES) {
      const { status } = ERROR_CATALOGUE[code];
      expected.set(status, [...(expected.get(status) ?? []), code]);
    }
    const sorted = (table: Map<number, string[]>) =>
      [...table].map(([status, codes]) => [status, [...codes].sort()]).sort();
    expect(sorted(documented)).toEqual(sorted(expected));
  });
});
