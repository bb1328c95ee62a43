import { Faker, base, en, zh_CN } from '@faker-js/faker';
import * as shared from '@utility/shared';
import { z } from 'zod';
import { custom, fake, seed, setFaker } from 'zod-schema-faker/v4';
import { JsonSchema } from './openapi-arbitraries';

/**
 * Valid request bodies from the shared zod schemas the server validates with (zod-schema-faker),
 * and single-field mutations of them: the fuzz then reaches the business rules behind validation.
 */
const faker = new Faker({ locale: [zh_CN, en, base] });
setFaker(faker);

const DAY_MS = 86_400_000;
const shanghaiDay = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * DAY_MS).toISOString().slice(0, 10);
// Dates and periods the schemas bound to "2000 to next year's end" (docs/domain.md#edge-dates): near today.
const nearDate = () => shanghaiDay(faker.number.int({ min: -60, max: 60 }));
custom(shared.ShanghaiDate, nearDate);
custom(shared.DateParam, nearDate);
custom(shared.ReportPeriod, () => shanghaiDay(-31 * faker.number.int({ min: 1, max: 6 })).slice(0, 7));
custom(shared.MeterValue, () => faker.number.int({ min: 0, max: 99_999 }));

/** Seeds the generator: the same seed gives the same bodies. */
export const seedBodies = (value: number) => seed(value);

/** The key of a JSON schema, for finding which shared zod schema a documented body came from. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => k !== '$schema')
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Every exported zod schema of `@utility/shared`, by the JSON schema `@ApiZodBody` documents for it. */
export function sharedSchemasByDocument(): Map<string, { name: string; schema: z.ZodType }> {
  const found = new Map<string, { name: string; schema: z.ZodType }>();
  for (const [name, value] of Object.entries(shared)) {
    if (!(value instanceof z.ZodType)) continue;
    try {
      const key = canonical(z.toJSONSchema(value, { io: 'input' }));
      if (!found.has(key)) found.set(key, { name, schema: value });
    } catch {
      // Not representable as JSON Schema (e.g. a transform-only helper): no endpoint documents it.
    }
  }
  return found;
}

/** A path parameter's value: one of its enum, a date or month near today, or a small (existing) id. */
export function pathValue(
  parameter: { name: string; schema?: JsonSchema },
  pick: (n: number) => number,
  id: () => number,
): string {
  const options = parameter.schema?.enum;
  if (options?.length) return String(options[pick(options.length)]);
  if (/date/i.test(parameter.name)) return shanghaiDay(pick(60) - 30);
  if (/period/i.test(parameter.name)) return shanghaiDay(-31 * (1 + pick(6))).slice(0, 7);
  return String(id());
}

export const documentKey = (schema: JsonSchema): string => canonical(schema);

const ID_FIELD = /(^id$|Id$)/;
const IDS_FIELD = /Ids$/;

/**
 * Ids that exist: the demo's rows are numbered from 1 (districts, stations, queues, staff, accounts), so
 * small ids name real ones where the faker's huge integers name none and stop at the first lookup.
 */
function withRealIds(body: Record<string, unknown>, id: () => number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      if (ID_FIELD.test(key) && typeof value === 'number') return [key, id()];
      if (IDS_FIELD.test(key) && Array.isArray(value)) return [key, [...new Set(value.slice(0, 3).map(() => id()))]];
      return [key, value];
    }),
  );
}

/** A body the schema accepts, or null when none was found in `attempts` draws (refinements across fields). */
export function validBody(schema: z.ZodType, id: () => number, attempts = 40): Record<string, unknown> | null {
  for (let i = 0; i < attempts; i++) {
    let value: unknown;
    try {
      value = fake(schema);
    } catch {
      continue;
    }
    // Undefined keys would vanish in JSON anyway; dropping them keeps "the field" mutations honest.
    if (!value || typeof value !== 'object' || Array.isArray(value) || !schema.safeParse(value).success) continue;
    const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    const real = withRealIds(plain, id);
    return schema.safeParse(real).success ? real : plain;
  }
  return null;
}

/** What one field is replaced with: wrong types, boundaries, oversized and hostile values, or nothing. */
const REPLACEMENTS: { shown: string; value: unknown }[] = [
  { shown: 'removed', value: undefined },
  { shown: 'null', value: null },
  { shown: 'empty string', value: '' },
  { shown: 'blank string', value: '   ' },
  { shown: '10,000 characters', value: 'x'.repeat(10_000) },
  { shown: '-1', value: -1 },
  { shown: '0', value: 0 },
  { shown: '1.5', value: 1.5 },
  { shown: '2^53', value: 2 ** 53 },
  { shown: '1e308', value: 1e308 },
  { shown: 'true', value: true },
  { shown: 'object', value: { $gt: '' } },
  { shown: 'array', value: [] },
  { shown: 'date 0000-01-01', value: '0000-01-01' },
  { shown: 'date 9999-12-31', value: '9999-12-31' },
  { shown: 'lone surrogate', value: '\uD800' },
  { shown: 'NUL', value: 'a\u0000b' },
];

export interface FieldMutation {
  field: string;
  shown: string;
  body: Record<string, unknown>;
}

/**
 * The body with one field changed at a time: each of the schema's fields (present or not) gets one
 * replacement drawn by `pick`, plus one unknown field added.
 */
export function mutations(
  schema: z.ZodType,
  body: Record<string, unknown>,
  pick: (n: number) => number,
): FieldMutation[] {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : Object.keys(body);
  const out: FieldMutation[] = shape.map((field) => {
    const replacement = REPLACEMENTS[pick(REPLACEMENTS.length)];
    const next = { ...body };
    if (replacement.value === undefined) delete next[field];
    else next[field] = replacement.value;
    return { field, shown: replacement.shown, body: next };
  });
  out.push({
    field: '(extra)',
    shown: 'unknown fields added',
    body: { ...body, isAdmin: true, constructor: { x: 1 } },
  });
  return out;
}
