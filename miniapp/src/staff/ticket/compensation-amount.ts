/**
 * Yuan as typed (`12`, `12.5`, `12.50`) to integer fen, by the digits rather than by float
 * arithmetic (12.35 × 100 is 1234.9999…); null when it is not an amount of money.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}
