import { Double, Int32, Long, ObjectId } from 'bson';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findJsonFiles, loadFile, parseExtendedJson } from './loader';

describe('loader', () => {
  describe('parseExtendedJson', () => {
    it('keeps explicit BSON types and leaves bare numbers as JS numbers', () => {
      const parsed = parseExtendedJson(
        '{"n": 1, "f": 1.5, "l": {"$numberLong": "7"}, "d": {"$numberDouble": "1.0"},' +
          ' "i": {"$numberInt": "3"}, "o": {"$oid": "5f1f1f1f1f1f1f1f1f1f1f1f"}}',
      ) as Record<string, unknown>;
      expect(parsed.n).toBe(1);
      expect(parsed.f).toBe(1.5);
      expect(parsed.l).toBeInstanceOf(Long);
      expect(parsed.d).toBeInstanceOf(Double);
      expect(parsed.i).toBeInstanceOf(Int32);
      expect(parsed.o).toBeInstanceOf(ObjectId);
    });

    it('leaves query operators and $$ operators as documents', () => {
      const parsed = parseExtendedJson(
        '{"filter": {"x": {"$gt": 1}}, "e": {"$$exists": true}, "t": {"$type": "string"}}',
      );
      expect(parsed).toEqual({
        filter: { x: { $gt: 1 } },
        e: { $$exists: true },
        t: { $type: 'string' },
      });
    });

    it('revives values inside arrays', () => {
      const parsed = parseExtendedJson(
        '[{"$numberLong": "1"}, [{"$date": "2020-01-01T00:00:00Z"}]]',
      );
      expect((parsed as unknown[])[0]).toBeInstanceOf(Long);
      expect(((parsed as unknown[][])[1] as unknown[])[0]).toBeInstanceOf(Date);
    });
  });

  describe('files', () => {
    let directory: string;

    beforeEach(() => {
      directory = mkdtempSync(join(tmpdir(), 'conformance-loader-'));
      mkdirSync(join(directory, 'crud'));
    });

    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it('finds every JSON file recursively in path order', () => {
      writeFileSync(join(directory, 'crud', 'b.json'), '{}');
      writeFileSync(join(directory, 'crud', 'a.json'), '{}');
      writeFileSync(join(directory, 'notes.md'), '#');
      writeFileSync(join(directory, 'top.json'), '{}');
      const names = findJsonFiles(directory).map((path) => path.slice(directory.length + 1));
      expect(names).toEqual([join('crud', 'a.json'), join('crud', 'b.json'), 'top.json']);
    });

    it('loads a unified file and names it relative to the root', () => {
      const path = join(directory, 'crud', 'ok.json');
      writeFileSync(path, JSON.stringify({ description: 'd', schemaVersion: '1.0', tests: [] }));
      const loaded = loadFile(path, directory);
      expect(loaded.name).toBe('crud/ok.json');
      expect(loaded.loadError).toBeUndefined();
      expect(loaded.content?.schemaVersion).toBe('1.0');
    });

    it('refuses a newer schema version but keeps its tests for counting', () => {
      const path = join(directory, 'crud', 'new.json');
      const tests = [{ description: 't', operations: [] }];
      writeFileSync(path, JSON.stringify({ description: 'd', schemaVersion: '2.0', tests }));
      const loaded = loadFile(path, directory);
      expect(loaded.loadError).toMatch(/schemaVersion 2.0/);
      expect(loaded.content?.tests).toHaveLength(1);
    });

    it('reports a file that is not in the unified format', () => {
      const path = join(directory, 'crud', 'legacy.json');
      writeFileSync(path, JSON.stringify({ data: [], tests: [] }));
      expect(loadFile(path, directory).loadError).toMatch(/no schemaVersion/);
    });

    it('reports malformed JSON', () => {
      const path = join(directory, 'crud', 'broken.json');
      writeFileSync(path, '{');
      expect(loadFile(path, directory).loadError).toMatch(/cannot parse/);
    });
  });
});
