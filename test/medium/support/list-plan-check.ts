import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inspect } from 'node:util';
import { ListSpec, parseListQuery } from '@kassa/common';
import { Document } from 'mongodb';
import { Connection } from 'mongoose';
import { ListCase, listCases, ListUnderTest, queryText } from './list-cases';
import {
  boundedPaths,
  describePlan,
  explainListReads,
  isIndexScan,
  ListPlans,
  ListReadRecorder,
  ListReads,
  winningStages,
} from './list-plans';

/**
 * Serves every case of a list through its real service, explains the page and the count that
 * the service sent, and returns what falls short, one line per problem (none: all on indexes).
 */
export async function listPlanFailures(
  connection: Connection,
  recorder: ListReadRecorder,
  list: ListUnderTest,
): Promise<string[]> {
  const serve = (query: Record<string, unknown>) =>
    recorder.record(list.collection, () => list.serve(parseListQuery(query, list.spec)));
  const unfiltered = await serve({});
  const samples = await sampleValues(connection, list, unfiltered.count.filter);
  const failures: string[] = [];
  for (const listCase of listCases(list, samples)) {
    const reads = await serve(listCase.query);
    const plans = await explainListReads(connection, list.collection, reads);
    for (const problem of planProblems(listCase, reads, plans)) {
      failures.push(`${listCase.title}: ${problem} (${describeReads(reads)})`);
    }
  }
  return failures;
}

function planProblems(listCase: ListCase, reads: ListReads, plans: ListPlans): string[] {
  const problems: string[] = [];
  const page = winningStages(plans.find);
  const pagePlan = describePlan(plans.find);
  if (!page.some(isIndexScan) || page.some((stage) => stage.stage === 'COLLSCAN')) {
    problems.push(`the page scans the collection: ${pagePlan}`);
  }
  if (listCase.ordered && page.some((stage) => stage.stage === 'SORT')) {
    problems.push(`the page is sorted in memory: ${pagePlan}`);
  }
  if (listCase.pageBounds && !narrows(page, listCase.pageBounds)) {
    problems.push(`no index scan of the page narrows ${listCase.pageBounds}: ${pagePlan}`);
  }
  if (!listCase.counted || Object.keys(reads.count.filter).length === 0) return problems;
  const count = winningStages(plans.count);
  const countPlan = describePlan(plans.count);
  if (!count.some(isIndexScan) || count.some((stage) => stage.stage === 'COLLSCAN')) {
    problems.push(`the count scans the collection: ${countPlan}`);
  }
  if (listCase.countBounds && !narrows(count, listCase.countBounds)) {
    problems.push(`no index scan of the count narrows ${listCase.countBounds}: ${countPlan}`);
  }
  return problems;
}

function narrows(stages: Document[], paths: string | readonly string[]): boolean {
  const wanted = typeof paths === 'string' ? [paths] : paths;
  return stages.some(
    (stage) => isIndexScan(stage) && wanted.every((path) => boundedPaths(stage).includes(path)),
  );
}

function describeReads(reads: ListReads): string {
  const { filter, options } = reads.find;
  const compact = (value: unknown) =>
    inspect(structuredClone(value), { depth: 8, breakLength: Infinity, compact: true });
  return `find ${compact(filter)} sort ${compact(options.sort)}`;
}

/**
 * A value for each filter, taken from the seeded documents the list shows: the middle one of
 * the field's values in order, so that a range (`gte`) holds for about half of them and an
 * equality for a good share.
 */
async function sampleValues(
  connection: Connection,
  list: ListUnderTest,
  scope: Document,
): Promise<Record<string, string>> {
  const samples: Record<string, string> = { ...list.samples };
  for (const [name, field] of Object.entries(list.spec.fields)) {
    if (field.filter === false || samples[name] !== undefined) continue;
    const path = field.path ?? name;
    const documents = await connection
      .db!.collection(list.collection)
      .find({ $and: [scope, { [path]: { $ne: null } }] }, { projection: { [path]: 1 } })
      .sort({ [path]: 1 })
      .toArray();
    const values = documents.map((document) => valueAt(document, path));
    if (values.length > 0) samples[name] = queryText(field, values[values.length >> 1]);
  }
  return samples;
}

function valueAt(document: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Document)?.[key], document);
}

/** Every list whitelist the API declares: `export const NAME: ListSpec` in its sources. */
export async function declaredListSpecs(root: string): Promise<{ name: string; spec: ListSpec }[]> {
  const declared: { name: string; spec: ListSpec }[] = [];
  for (const file of sourceFiles(join(root, 'apps/api/src'))) {
    const source = readFileSync(file, 'utf8');
    for (const [, constant] of source.matchAll(/export const (\w+): ListSpec\b/g)) {
      const exported = (await import(file)) as Record<string, ListSpec>;
      declared.push({ name: `${relative(root, file)}: ${constant}`, spec: exported[constant] });
    }
  }
  return declared;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}
