import { BTree } from './btree';
import { seededRandom } from '../../test/fixtures/seeded-random';

const byNumber = (a: number, b: number) => a - b;

function sortedReference(values: Iterable<number>): number[] {
  return [...values].sort(byNumber);
}

describe(BTree.name, () => {
  it('keeps items ordered, ranked and counted through random inserts and removals', () => {
    const random = seededRandom(7);
    const tree = new BTree<number>(byNumber);
    const present = new Set<number>();
    for (let step = 0; step < 20_000; step++) {
      const value = random.below(5_000);
      if (random.below(3) === 0) {
        expect(tree.remove(value)).toBe(present.delete(value));
      } else if (!present.has(value)) {
        tree.insert(value);
        present.add(value);
      }
      if (step % 997 === 0) {
        const reference = sortedReference(present);
        expect([...tree.ascending(-1)]).toEqual(reference);
        expect([...tree.descending(Infinity)]).toEqual([...reference].reverse());
        expect(tree.size).toBe(reference.length);
        const probe = random.below(5_000) + 0.5;
        expect(tree.rank(probe)).toBe(reference.filter((item) => item < probe).length);
      }
    }
  });

  it('walks bounded ranges in both directions', () => {
    const tree = new BTree<number>(byNumber);
    for (let value = 0; value < 1_000; value += 2) tree.insert(value);
    expect([...tree.ascending(101, 111)]).toEqual([102, 104, 106, 108, 110]);
    expect([...tree.descending(111, 101)]).toEqual([110, 108, 106, 104, 102]);
    expect([...tree.descending(1)]).toEqual([0]);
    expect([...tree.ascending(997)]).toEqual([998]);
    expect(tree.countBetween(101, 111)).toBe(5);
    expect(tree.countBetween(111, 101)).toBe(0);
  });

  it('shrinks back to an empty tree', () => {
    const tree = new BTree<number>(byNumber);
    for (let value = 0; value < 10_000; value++) tree.insert(value);
    for (let value = 0; value < 10_000; value += 1) expect(tree.remove(value)).toBe(true);
    expect(tree.size).toBe(0);
    expect([...tree.ascending(0)]).toEqual([]);
    tree.insert(3);
    expect(tree.has(3)).toBe(true);
    expect(tree.has(4)).toBe(false);
  });
});
