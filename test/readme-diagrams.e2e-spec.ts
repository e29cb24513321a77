import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIGRATION_LOCK_COLLECTION, MIGRATIONS_COLLECTION } from '@kassa/database';
import { createTestApp, TestApp } from './support';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const NAME = '("[^"]+"|[A-Za-z_][\\w-]*)';
const RELATIONSHIP = new RegExp(`^\\s*${NAME}\\s+[|}][|o]--[|o][|{]\\s+${NAME}\\s*:`);
const ENTITY = new RegExp(`^\\s*${NAME}\\s*\\{\\s*$`);

function mermaidBlocks(kind: string): string[] {
  return [...README.matchAll(/```mermaid\n([\s\S]*?)```/g)]
    .map(([, body]) => body)
    .filter((body) => body.trimStart().startsWith(kind));
}

const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1');

/** Every non-spec TypeScript file below `directory`. */
function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !/spec\.ts$/.test(path) ? [path] : [];
  });
}

/**
 * Collections named in the sources: a schema's literal `collection` option, and the driver's
 * `db.collection('…')`. Migrations are left out: they name collections that are gone.
 */
function collectionsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].filter(
    (file) => !file.includes('mongo-emulator') && !file.includes(join('src', 'migrations', '2')),
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const named = [
      ...text.matchAll(/@Schema\(\{[^)]*?collection:\s*'([^']+)'/g),
      ...text.matchAll(/\.collection(?:<[^>]*>)?\(\s*'([^']+)'\s*\)/g),
    ];
    for (const [, name] of named) found.set(name, relative(ROOT, file));
  }
  return found;
}

describe('the README diagrams (e2e)', () => {
  const [erDiagram] = mermaidBlocks('erDiagram');
  const [flowchart] = mermaidBlocks('flowchart');
  let testApp: TestApp;
  let codeCollections: string[];

  beforeAll(async () => {
    testApp = await createTestApp();
    const { connection } = testApp;
    const models = Object.values(connection.models).map((model) => model.collection.collectionName);
    const stored = (await connection.db!.listCollections({}, { nameOnly: true }).toArray())
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith('system.'));
    codeCollections = [
      ...new Set([
        ...models,
        ...stored,
        ...collectionsInSources().keys(),
        MIGRATIONS_COLLECTION,
        MIGRATION_LOCK_COLLECTION,
      ]),
    ].sort();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const entities = () =>
    erDiagram
      .split('\n')
      .map((line) => ENTITY.exec(line)?.[1])
      .filter((name): name is string => name !== undefined)
      .map(unquote);

  it('has one ER diagram and one architecture flowchart', () => {
    expect([mermaidBlocks('erDiagram').length, mermaidBlocks('flowchart').length]).toEqual([1, 1]);
  });

  it('shows every collection of the code in the ER diagram', () => {
    expect(codeCollections.length).toBeGreaterThanOrEqual(15);
    expect(codeCollections.filter((name) => !entities().includes(name))).toEqual([]);
  });

  it('shows no collection the code no longer has', () => {
    expect(entities().filter((name) => !codeCollections.includes(name))).toEqual([]);
  });

  it('draws every reference between collections it shows', () => {
    const relationships = erDiagram
      .split('\n')
      .map((line) => RELATIONSHIP.exec(line))
      .filter((match): match is RegExpExecArray => match !== null);
    expect(relationships.length).toBeGreaterThanOrEqual(9);
    const ends = relationships.flatMap(([, from, to]) => [unquote(from), unquote(to)]);
    expect(ends.filter((name) => !entities().includes(name))).toEqual([]);
  });

  it('names every app, library and API module in the architecture diagram', () => {
    const apiSource = join(ROOT, 'apps', 'api', 'src');
    const folders = readdirSync(apiSource).filter(
      (entry) =>
        statSync(join(apiSource, entry)).isDirectory() &&
        readdirSync(join(apiSource, entry)).some(
          (file) => file.endsWith('.module.ts') || file === 'migrations.ts',
        ),
    );
    expect(folders.length).toBeGreaterThanOrEqual(10);
    const libraries = readdirSync(join(ROOT, 'libs'));
    const missing = [
      ...folders.filter((folder) => !flowchart.includes(`${folder}/`)),
      ...libraries.filter((library) => !flowchart.includes(`${library}: `)),
      ...['apps/api', 'apps/payment-gateway', 'nginx/', 'MongoDB'].filter(
        (part) => !flowchart.includes(part),
      ),
    ];
    expect(missing).toEqual([]);
  });
});
