import { readdirSync } from 'node:fs';
import { migrationListProblems } from '@kassa/database';
import { API_MIGRATIONS } from './migrations';

describe('API_MIGRATIONS', () => {
  it('has well-formed ids, unique and in order', () => {
    expect(migrationListProblems(API_MIGRATIONS)).toEqual([]);
  });

  it('lists every migration file of this folder, each under its own id', () => {
    const files = readdirSync(__dirname)
      .filter((name) => /^\d{12}-.*\.ts$/.test(name) && !name.endsWith('.spec.ts'))
      .map((name) => name.replace(/\.ts$/, ''));
    expect(API_MIGRATIONS.map((migration) => migration.id)).toEqual(files.sort());
  });
});
