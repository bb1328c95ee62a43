import fc from 'fast-check';

/** What the fuzz needs of one OpenAPI operation. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }[];
  /** content type → schema */
  body: Record<string, JsonSchema> | null;
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
}

/** Every operation of the served OpenAPI document (so endpoints added on other branches are fuzzed too). */
export function operationsOf(document: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody
        ? Object.fromEntries(Object.entries(op.requestBody.content).map(([type, c]) => [type, c.schema]))
        : null,
    })),
  );
}

/** Values that break naive code: wrong types, extremes, unicode, nesting. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '0',
    '-1',
    'NaN',
    'Infinity',
    '1e400',
    'null',
    'undefined',
    'true',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\uFFFF',
    '\uD800',
    '😀'.repeat(50),
    '<script>',
    "' OR 1=1 --",
    'x'.repeat(70_000),
    '9'.repeat(400),
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '1970-01-01T00:00:00Z',
    [],
    {},
    [[[]]],
    { __proto__: { x: 1 } },
    { constructor: { prototype: {} } },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value for a schema: mostly what it asks for (so validation passes and deeper code runs), sometimes junk. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: validish(schema, depth) }, { weight: 1, arbitrary: junk });
}

function validish(schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern)
        return fc.oneof(
          { weight: 4, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) },
          { weight: 1, arbitrary: fc.string({ maxLength: schema.maxLength ?? 30 }) },
        );
      if (schema.format === 'date')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 300),
      });
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER);
      const bounded =
        type === 'integer' && Number.isInteger(min) && Number.isInteger(max)
          ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.max(min, max) })
          : fc.double({ min, max: Math.max(min, max), noNaN: true });
      // Small values find real rows (ids, districts); the bounds and just past them test the checks.
      const small =
        type === 'integer' && Number.isInteger(min)
          ? fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 60) })
          : bounded;
      return fc.oneof(small, bounded, fc.constantFrom(min, max, min - 1, max + 1));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 8) + 1,
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1)]));
      const clean = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validish(s, depth + 1)]));
      const required = (schema.required ?? []).filter((k) => k in model);
      return fc.oneof(
        // Well-formed throughout (gets past validation to the rules behind it), or with junk in some fields.
        { weight: 3, arbitrary: fc.record(clean, { requiredKeys: required }) },
        { weight: 3, arbitrary: fc.record(model, { requiredKeys: required }) },
        // Required fields missing, or an unknown one added.
        { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.record(model, { requiredKeys: required }), fc.string({ maxLength: 10 }), junk)
            .map(([o, k, v]) => ({ ...o, [k]: v })),
        },
      );
    }
    default:
      return junk;
  }
}

/** Ids that must be refused cleanly, next to real ones (demo ids are small). */
export const idValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '9007199254740992',
      '9007199254740993',
      '1e3',
      '1.5',
      '0x10',
      '00001',
      ' 1',
      'abc',
      'NaN',
      'Infinity',
      '..',
      '../',
      '..%2F..%2Fetc',
      '%00',
      '%',
      'null',
      '9'.repeat(40),
      '😀',
      '1;DROP TABLE ticket',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
);

/** The value of a path or query parameter as it goes in the URL. */
export function parameterValue(parameter: Operation['parameters'][number]): fc.Arbitrary<string> {
  if (/(^id$|Id$)/.test(parameter.name)) return idValue;
  return fc
    .oneof(fromSchema(parameter.schema), idValue)
    .map((v) => urlPart(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
}

/** Percent-encoded; a lone surrogate (which cannot be encoded) goes as U+FFFD, as a browser sends it. */
const urlPart = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
};
