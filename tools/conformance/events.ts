import { describe } from './bson-values';
import { EntityMap, ObservedEvent } from './entities';
import { AssertionFailure } from './errors';
import { assertMatches, MatchError } from './matcher';
import { Document, ExpectedEventsForClient } from './schema';

function summary(observed: ObservedEvent[]): string {
  return (
    observed
      .map(({ type, event }) => `${type.replace('Event', '')}:${event.commandName}`)
      .join(', ') || 'none'
  );
}

function checkEvent(
  expected: Document,
  observed: ObservedEvent,
  index: number,
  entities: EntityMap,
) {
  const keys = Object.keys(expected);
  if (keys.length !== 1)
    throw new Error(`an expected event needs exactly one type, got ${keys.join(', ')}`);
  const type = keys[0];
  const where = `event ${index} (${observed.type} ${observed.event.commandName})`;
  if (observed.type !== type) throw new AssertionFailure(`${where}: expected a ${type}`);
  const assertions: Document = expected[type];
  const event = observed.event as unknown as Document;
  for (const field of ['commandName', 'databaseName'] as const) {
    if (assertions[field] !== undefined && assertions[field] !== event[field]) {
      throw new AssertionFailure(
        `${where}: ${field} should be ${assertions[field]} but is ${describe(event[field])}`,
      );
    }
  }
  for (const field of ['command', 'reply'] as const) {
    if (assertions[field] === undefined) continue;
    try {
      assertMatches(assertions[field], event[field], { root: true, entities });
    } catch (error) {
      if (!(error instanceof MatchError)) throw error;
      throw new AssertionFailure(`${where}: ${field}${error.path.slice(1)}: ${error.detail}`);
    }
  }
  if (
    assertions.hasServiceId !== undefined &&
    assertions.hasServiceId !== (event.serviceId != null)
  ) {
    throw new AssertionFailure(`${where}: hasServiceId should be ${assertions.hasServiceId}`);
  }
  if (
    assertions.hasServerConnectionId !== undefined &&
    assertions.hasServerConnectionId !== (event.serverConnectionId != null)
  ) {
    throw new AssertionFailure(
      `${where}: hasServerConnectionId should be ${assertions.hasServerConnectionId}`,
    );
  }
}

/** Asserts the number, order and contents of the command events each client observed. */
export function checkExpectedEvents(
  expectations: ExpectedEventsForClient[],
  entities: EntityMap,
): void {
  for (const expectation of expectations) {
    const eventType = expectation.eventType ?? 'command';
    if (eventType !== 'command') throw new Error(`unsupported eventType ${eventType}`);
    const observed = entities.get(expectation.client, 'client').events;
    const expected = expectation.events;
    const countOk = expectation.ignoreExtraEvents
      ? observed.length >= expected.length
      : observed.length === expected.length;
    if (!countOk) {
      throw new AssertionFailure(
        `client ${expectation.client}: expected ${expected.length} event(s) but observed ${observed.length}: ${summary(observed)}`,
      );
    }
    expected.forEach((event, index) => checkEvent(event, observed[index], index, entities));
  }
}
