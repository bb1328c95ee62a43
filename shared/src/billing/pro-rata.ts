/**
 * Splits an integer total in proportion to integer weights so that the parts add up to the
 * total exactly (largest remainder): each part gets floor(total × w / Σw), and the units left
 * over go to the largest remainders, the earlier part first on a tie so the answer is stable.
 */
export function allocateLargestRemainder(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) throw new RangeError('weights must not all be zero');

  const parts = weights.map((w, i) => {
    const share = BigInt(total) * BigInt(w);
    return { i, base: Number(share / sum), remainder: share % sum };
  });
  let left = total - parts.reduce((a, p) => a + p.base, 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of byRemainder) {
    if (left === 0) break;
    p.base += 1;
    left -= 1;
  }
  return parts.map((p) => p.base);
}
