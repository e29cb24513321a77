import { MongoClient } from 'mongodb';
import { resolve } from 'path';
import { findJsonFiles, loadFile } from './loader';
import { countByStatus, fileLine, summaryLines } from './report';
import { FileResult, killAllSessions, runFile } from './runner';
import { discoverFacts, startTarget } from './target';

/**
 * Runs MongoDB's unified-format specification tests against `MONGODB_URI`, or an in-process
 * emulator when it is unset.
 * Usage: run.ts [spec directory, default ../shared/mongo-spec] [--grep text]
 */
const DEFAULT_SPEC_DIRECTORY = resolve(__dirname, '..', '..', '..', 'shared', 'mongo-spec');
const TEST_TIMEOUT_MS = 30_000;

function parseArguments(argv: string[]): { directory: string; grep?: string } {
  const grepAt = argv.indexOf('--grep');
  const grep = grepAt >= 0 ? argv[grepAt + 1] : undefined;
  const positional =
    grepAt < 0 ? argv : argv.filter((_, index) => index !== grepAt && index !== grepAt + 1);
  return { directory: resolve(positional[0] ?? DEFAULT_SPEC_DIRECTORY), grep };
}

async function main(): Promise<number> {
  const { directory, grep } = parseArguments(process.argv.slice(2));
  const files = findJsonFiles(directory).map((path) => loadFile(path, directory));
  const target = await startTarget(process.env.MONGODB_URI);
  const internalClient = new MongoClient(target.uri, { serverSelectionTimeoutMS: 10_000 });
  const results: FileResult[] = [];
  try {
    await internalClient.connect();
    const facts = await discoverFacts(internalClient, target.uri);
    console.log(
      `Spec tests in ${directory} against ${target.label} (MongoDB ${facts.version}, ${facts.topology})`,
    );
    await killAllSessions(internalClient);
    const env = { uri: target.uri, internalClient, facts, testTimeoutMs: TEST_TIMEOUT_MS, grep };
    for (const file of files) {
      const result = await runFile(file, env);
      if (result.tests.length === 0) continue;
      results.push(result);
      console.log(fileLine(result));
    }
  } finally {
    await internalClient.close();
    await target.stop();
  }
  summaryLines(results).forEach((line) => console.log(line));
  return countByStatus(results).failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
