import { EntryName, NameCache } from './name-cache';

function loaderOf(names: Record<string, string>) {
  const calls: string[][] = [];
  const load = (ids: string[]): Promise<EntryName[]> => {
    calls.push(ids);
    return Promise.resolve(
      ids.filter((id) => id in names).map((id) => ({ _id: id, name: names[id] })),
    );
  };
  return { load, calls };
}

describe('NameCache', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000;
  });

  it('loads only the ids it does not hold', async () => {
    const cache = new NameCache(5_000, clock);
    const { load, calls } = loaderOf({ a: 'Fender', b: 'Gibson' });
    await cache.namesOf(['a'], load);
    const names = await cache.namesOf(['a', 'b'], load);
    expect(names).toEqual([
      { _id: 'a', name: 'Fender' },
      { _id: 'b', name: 'Gibson' },
    ]);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('loads again once a name has expired', async () => {
    const cache = new NameCache(5_000, clock);
    const names = { a: 'Fender' };
    const { load, calls } = loaderOf(names);
    await cache.namesOf(['a'], load);
    names.a = 'Fender Musical';
    now += 4_999;
    expect(await cache.namesOf(['a'], load)).toEqual([{ _id: 'a', name: 'Fender' }]);
    now += 1;
    expect(await cache.namesOf(['a'], load)).toEqual([{ _id: 'a', name: 'Fender Musical' }]);
    expect(calls).toHaveLength(2);
  });

  it('loads a forgotten id at once', async () => {
    const cache = new NameCache(5_000, clock);
    const names = { a: 'Fender' };
    const { load } = loaderOf(names);
    await cache.namesOf(['a'], load);
    names.a = 'Squier';
    cache.forget('a');
    expect(await cache.namesOf(['a'], load)).toEqual([{ _id: 'a', name: 'Squier' }]);
  });

  it('does not keep a load that began before a forget', async () => {
    const cache = new NameCache(5_000, clock);
    let finish: (names: EntryName[]) => void = () => undefined;
    const pending = cache.namesOf(['a'], () => new Promise((resolve) => (finish = resolve)));
    cache.forget('a');
    finish([{ _id: 'a', name: 'Fender' }]);
    expect(await pending).toEqual([{ _id: 'a', name: 'Fender' }]);
    const { load, calls } = loaderOf({ a: 'Squier' });
    expect(await cache.namesOf(['a'], load)).toEqual([{ _id: 'a', name: 'Squier' }]);
    expect(calls).toEqual([['a']]);
  });

  it('never remembers ids it could not find', async () => {
    const cache = new NameCache(5_000, clock);
    const { load, calls } = loaderOf({});
    await cache.namesOf(['gone'], load);
    await cache.namesOf(['gone'], load);
    expect(calls).toEqual([['gone'], ['gone']]);
  });

  it('keeps nothing with a time to live of 0', async () => {
    const cache = new NameCache(0, clock);
    const { load, calls } = loaderOf({ a: 'Fender' });
    await cache.namesOf(['a'], load);
    await cache.namesOf(['a'], load);
    expect(calls).toHaveLength(2);
  });
});
