/*
 * Pure helpers of the organisation pages: what the admin types (yuan, Shanghai wall times) to
 * what the API takes (fen, UTC instants), and back.
 */

/** '2.61' → 261; null for anything that is not a positive amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A power price as published: yuan with up to four decimals ('0.4883') → 0.01 fen (4883); null if not that. */
export function yuanToCentiFen(text: string): number | null {
  const m = /^\s*(\d{1,5})(?:\.(\d{1,4}))?\s*$/.exec(text);
  if (!m) return null;
  const centiFen = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return centiFen > 0 ? centiFen : null;
}

/** 4883 → '0.4883': four decimals, as power prices are published. */
export function centiFenToYuan(centiFen: number): string {
  return `${Math.floor(centiFen / 10_000)}.${String(centiFen % 10_000).padStart(4, '0')}`;
}

/** A tier limit: '' = no limit (last tier); otherwise a positive whole number. undefined = not a number. */
export function parseLimit(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return /^\s*\d{1,9}\s*$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** '2026-12-07' and '08:00' read on Shanghai's clocks → the UTC instant. */
export function shanghaiToIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The UTC instant as Shanghai's clocks show it: '12-07 08:00'. */
export function shanghaiLabel(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** Adds the id to a selection, or takes it out. */
export function toggleId(ids: readonly number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}
