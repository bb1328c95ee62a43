/** Top-up amounts offered as one tap, in fen (30, 50, 100, 200 元). */
export const TOP_UP_PRESETS_FEN = [3_000, 5_000, 10_000, 20_000];

/** Yuan as typed ("50", "12.5") → fen, or null when it is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
