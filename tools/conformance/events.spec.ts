import { Long, MongoClient, UUID } from 'mongodb';
import { EntityMap, ObservedEvent, TestClient } from './entities';
import { checkExpectedEvents } from './events';

function started(
  commandName: string,
  command: Record<string, unknown>,
  databaseName = 'db',
): ObservedEvent {
  return { type: 'commandStartedEvent', event: { commandName, databaseName, command } as never };
}

describe('checkExpectedEvents', () => {
  const lsid = { id: new UUID().toBinary() };
  let entities: EntityMap;
  let client: TestClient;

  beforeEach(() => {
    entities = new EntityMap('mongodb://127.0.0.1:1');
    const driverClient = new MongoClient('mongodb://127.0.0.1:1');
    client = new TestClient('client0', driverClient, {
      id: 'client0',
      observeEvents: ['commandStartedEvent'],
    });
    entities.set('client0', 'client', client);
    entities.set('session0', 'session', { id: lsid } as never);
    client.events.push(
      started('insert', {
        insert: 'coll',
        documents: [{ _id: 1 }],
        lsid,
        txnNumber: Long.fromNumber(1),
        $db: 'db',
      }),
      started('commitTransaction', { commitTransaction: 1, lsid, $db: 'admin' }, 'admin'),
    );
  });

  const insertEvent = {
    commandStartedEvent: {
      command: {
        insert: 'coll',
        documents: [{ _id: 1 }],
        lsid: { $$sessionLsid: 'session0' },
        txnNumber: 1,
      },
      commandName: 'insert',
      databaseName: 'db',
    },
  };
  const commitEvent = {
    commandStartedEvent: { commandName: 'commitTransaction', databaseName: 'admin' },
  };
  const check = (events: unknown[], ignoreExtraEvents?: boolean) => () =>
    checkExpectedEvents(
      [{ client: 'client0', events: events as never, ignoreExtraEvents }],
      entities,
    );

  it('accepts the observed sequence, with extra command fields at the root', () => {
    expect(check([insertEvent, commitEvent])).not.toThrow();
  });

  it('rejects missing or extra events unless extra ones are ignored', () => {
    expect(check([insertEvent])).toThrow(/expected 1 event\(s\) but observed 2/);
    expect(check([insertEvent], true)).not.toThrow();
    expect(check([insertEvent, commitEvent, commitEvent], true)).toThrow(/observed 2/);
  });

  it('rejects events in another order', () => {
    expect(check([commitEvent, insertEvent])).toThrow(/commandName should be commitTransaction/);
  });

  it('rejects a wrong database name or command field', () => {
    const wrongDatabase = {
      commandStartedEvent: { ...commitEvent.commandStartedEvent, databaseName: 'db' },
    };
    expect(check([insertEvent, wrongDatabase])).toThrow(/databaseName/);
    const wrongDocument = {
      commandStartedEvent: { command: { insert: 'coll', documents: [{ _id: 2 }] } },
    };
    expect(check([wrongDocument, commitEvent])).toThrow(/command.documents\[0\]._id/);
  });

  it('rejects an event of another type', () => {
    const succeeded = { commandSucceededEvent: { commandName: 'insert' } };
    expect(check([succeeded, commitEvent])).toThrow(/expected a commandSucceededEvent/);
  });

  it('asserts that no events were observed for an empty list', () => {
    expect(check([])).toThrow(/expected 0 event/);
    client.events.length = 0;
    expect(check([])).not.toThrow();
  });
});
