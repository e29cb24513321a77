import { MongoClientOptions } from 'mongodb';
import { version as driverVersion } from 'mongodb/package.json';

/**
 * Places where the installed Node.js driver (6.x) departs from what the specification tests
 * expect of a driver. They are decided in the driver before anything reaches a server, so a real
 * MongoDB gives the same result; each is listed with its cause.
 */
interface Deviation {
  file: string;
  description?: string;
  reason: string;
}

interface ClientOptionWorkaround extends Deviation {
  options: MongoClientOptions;
}

const APPLIES = driverVersion.startsWith('6.');

const SKIPPED_TESTS: Deviation[] = [
  ...['reset session state commit', 'reset session state abort'].map((description) => ({
    file: 'transactions/commit.json',
    description,
    reason:
      'driver 6.x sends readConcern.afterClusterTime only on read commands (utils.commandSupportsReadConcern), ' +
      'the test expects it on an insert outside the transaction',
  })),
  ...[
    ['transactions/insert.json', 'collection writeConcern ignored for insert'],
    ['transactions/findOneAndUpdate.json', 'collection writeConcern ignored for findOneAndUpdate'],
  ].map(([file, description]) => ({
    file,
    description,
    reason:
      'driver 6.x adds wtimeout: 10000 to the first commitTransaction writeConcern ({ w: "majority" } expected)',
  })),
];

const CLIENT_OPTION_WORKAROUNDS: ClientOptionWorkaround[] = [
  {
    file: 'crud/create-null-ids.json',
    options: { forceServerObjectId: true },
    reason:
      'driver 6.x replaces an explicit _id: null with a new ObjectId unless forceServerObjectId is set; ' +
      'with it the document reaches the server unchanged, as the test intends',
  },
];

function matching<T extends Deviation>(
  list: T[],
  file: string,
  description?: string,
): T | undefined {
  if (!APPLIES) return undefined;
  return list.find(
    (item) =>
      item.file === file && (item.description === undefined || item.description === description),
  );
}

export function driverDeviationSkip(file: string, description: string): string | undefined {
  const deviation = matching(SKIPPED_TESTS, file, description);
  return deviation && `driver deviation, same on any server: ${deviation.reason}`;
}

/** Extra options for every client entity of a file, when the driver needs one to send what the test means. */
export function clientOptionWorkaround(file: string): MongoClientOptions {
  return matching(CLIENT_OPTION_WORKAROUNDS, file)?.options ?? {};
}
