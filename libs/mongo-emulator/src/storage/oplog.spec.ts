import { insertChange, Oplog, type CatalogChange } from './oplog';

function drop(coll: string): CatalogChange {
  return { op: 'drop', db: 'shop', coll };
}

function positions(entries: Iterable<{ tick: number; index: number }>): string[] {
  return [...entries].map(({ tick, index }) => `${tick}.${index}`);
}

describe(Oplog.name, () => {
  it('numbers the entries of one tick in order', () => {
    const oplog = new Oplog();
    oplog.append(1, drop('a'));
    oplog.append(2, drop('b'));
    oplog.append(2, drop('c'));
    oplog.append(3, drop('d'));

    expect(positions(oplog.from({ tick: 0, index: 0 }))).toEqual(['1.0', '2.0', '2.1', '3.0']);
  });

  it('reads from a position and finds an entry by its position', () => {
    const oplog = new Oplog();
    for (const tick of [1, 2, 3]) oplog.append(tick, drop(`c${tick}`));

    expect(positions(oplog.from({ tick: 2, index: 0 }))).toEqual(['2.0', '3.0']);
    expect(positions(oplog.from({ tick: 2, index: 1 }))).toEqual(['3.0']);
    expect(oplog.find({ tick: 2, index: 0 })).toMatchObject({ coll: 'c2' });
    expect(oplog.find({ tick: 2, index: 1 })).toBeUndefined();
  });

  it('keeps the latest entries up to its capacity and remembers the newest one dropped', () => {
    const oplog = new Oplog({ entries: 3, bytes: 1_000_000 });
    for (const tick of [1, 2, 3, 4, 5]) oplog.append(tick, drop(`c${tick}`));

    expect(oplog.size).toBe(3);
    expect(positions(oplog.from({ tick: 0, index: 0 }))).toEqual(['3.0', '4.0', '5.0']);
    expect(oplog.lastDropped).toEqual({ tick: 2, index: 0 });
    expect(oplog.find({ tick: 4, index: 0 })).toMatchObject({ coll: 'c4' });
  });

  it('drops the oldest entries once the documents they hold pass its byte limit', () => {
    const oplog = new Oplog({ entries: 100, bytes: 2_000 });
    const text = 'x'.repeat(500);
    for (const tick of [1, 2, 3, 4, 5])
      oplog.append(tick, insertChange('shop', 'notes', { _id: tick, text }));

    expect(positions(oplog.from({ tick: 0, index: 0 }))).toEqual(['4.0', '5.0']);
    expect(oplog.lastDropped).toEqual({ tick: 3, index: 0 });
  });

  it('keeps the newest entry even when it alone passes the byte limit', () => {
    const oplog = new Oplog({ entries: 100, bytes: 100 });
    oplog.append(1, drop('a'));
    oplog.append(2, insertChange('shop', 'notes', { _id: 2, text: 'x'.repeat(500) }));

    expect(positions(oplog.from({ tick: 0, index: 0 }))).toEqual(['2.0']);
  });

  it('tells its listeners of each append until they unsubscribe', () => {
    const oplog = new Oplog();
    let calls = 0;
    const unsubscribe = oplog.onAppend(() => (calls += 1));
    oplog.append(1, drop('a'));
    unsubscribe();
    oplog.append(2, drop('b'));

    expect(calls).toBe(1);
  });
});
