import { Turns } from './turns';

describe(Turns.name, () => {
  it('gives a name to one taker at a time, in the order they asked', async () => {
    const turns = new Turns();
    const log: string[] = [];
    const holder = async (who: string) => {
      const release = await turns.take('shared');
      log.push(`${who} in`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${who} out`);
      release();
    };
    await Promise.all([holder('a'), holder('b'), holder('c')]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('keeps names apart', async () => {
    const turns = new Turns();
    const held = await turns.take('one');
    const other = await turns.take('two');
    other();
    held();
    const again = await turns.take('one');
    again();
  });
});
