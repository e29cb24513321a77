/**
 * Splits `totalCents` over `weights` in proportion, in whole cents, by the largest-remainder
 * method: every share is the floor of its exact part, and the cents left over go one each to the
 * largest remainders (ties to the earlier weight). The shares always add up to `totalCents`
 * exactly. All-zero weights split nothing (every share 0) unless the total is 0 too.
 */
export function allocateLargestRemainder(totalCents: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`totalCents must be a non-negative safe integer, got ${totalCents}`);
  }
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) {
    throw new RangeError('weights must be non-negative safe integers');
  }
  const sum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
  if (sum === 0n) {
    if (totalCents !== 0) throw new RangeError('cannot split a positive total over zero weights');
    return weights.map(() => 0);
  }
  const total = BigInt(totalCents);
  const parts = weights.map((weight, index) => {
    const exact = total * BigInt(weight);
    return { index, share: exact / sum, remainder: exact % sum };
  });
  let left = total - parts.reduce((acc, part) => acc + part.share, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0n) break;
    part.share += 1n;
    left -= 1n;
  }
  return parts.map((part) => Number(part.share));
}
