/*
 * Exact integer arithmetic for fen. Products such as volume × price are done in BigInt so
 * they never pass through a float.
 */

type Integer = number | bigint;

function exact(n: Integer, what: string): bigint {
  if (typeof n === 'bigint') return n;
  // An unsafe number may already have lost digits: refuse it rather than round a rounded value.
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
  return BigInt(n);
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * numerator / denominator rounded half up (四舍五入): an exact half goes away from zero, so a
 * refund rounds like the charge it reverses (−2.5 → −3, where Math.round gives −2).
 */
export function roundHalfUpDiv(numerator: Integer, denominator: Integer): number {
  const n = exact(numerator, 'numerator');
  const d = exact(denominator, 'denominator');
  if (d === 0n) throw new RangeError('roundHalfUpDiv: division by zero');
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const q = (2n * absN + absD) / (2n * absD); // floor(|n/d| + 1/2)
  if (q > MAX) throw new RangeError(`roundHalfUpDiv: result exceeds Number.MAX_SAFE_INTEGER`);
  return Number(n < 0n !== d < 0n ? -q : q);
}

/** 123456 → '1,234.56': fen as yuan, centiM3 as m³, centiM2 as m². */
export function formatHundredths(n: number): string {
  const v = exact(n, 'value');
  const abs = v < 0n ? -v : v;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0n ? '-' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 123456 → '¥1,234.56'; −5 → '-¥0.05' (the sign goes before the currency sign). */
export function formatYuan(fen: number): string {
  const text = formatHundredths(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}
