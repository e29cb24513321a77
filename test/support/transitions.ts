import { InvalidTransitionError, TransitionTable } from '@kassa/common';

/**
 * The spec of a resource's transition table: every pair of its states is tried, and exactly the
 * `allowed` moves (written `from→to`) pass; every other one is refused naming both states.
 */
export function describeTransitions<State extends string>(
  table: TransitionTable<State>,
  allowed: readonly `${State}→${State}`[],
): void {
  describe(`${table.resource} transitions`, () => {
    const pairs = table.states.flatMap((from) => table.states.map((to) => [from, to] as const));
    const moves = new Set<string>(allowed);

    it('lists only moves between its own states', () => {
      const known = new Set(pairs.map(([from, to]) => `${from}→${to}`));
      expect(allowed.filter((move) => !known.has(move))).toEqual([]);
    });

    it.each(pairs)('%s → %s', (from, to) => {
      const expected = moves.has(`${from}→${to}`);
      expect(table.allows(from, to)).toBe(expected);
      if (expected) expect(() => table.assert(from, to)).not.toThrow();
      else
        expect(() => table.assert(from, to)).toThrow(
          new InvalidTransitionError(table.resource, from, to),
        );
    });
  });
}
