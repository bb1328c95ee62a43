import fc from 'fast-check';
import { Operation, fromSchema, junk, parameterValue } from './openapi-arbitraries';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  /** For the failure message: what was sent, without 70 KB strings. */
  summary: string;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/csv',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'application/x-www-form-urlencoded',
  'application/xml',
  '*/*',
  'application/json; charset=latin1',
  '',
];
const RAW_BODIES = [
  '',
  '{',
  '}',
  'null',
  '[]',
  '"x"',
  '0',
  '{"a":NaN}',
  '{"a":1e999}',
  '{"__proto__":{"admin":true}}',
  '['.repeat(5000),
  'x'.repeat(2 * 1024 * 1024),
];

const short = (v: unknown) => {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 200 ? `${text.slice(0, 200)}…(${text.length} chars)` : text;
};

/** One request to an operation: its path, query, headers and body drawn from boundary and random values. */
export function requestFor(operation: Operation, tokens: fc.Arbitrary<string | undefined>): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map(parameterValue))
    .map((values) => pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]), operation.path));
  const query = fc.tuple(...queryParams.map((p) => fc.option(parameterValue(p), { nil: undefined }))).map((values) =>
    queryParams
      .map((p, i) => (values[i] === undefined ? '' : `${p.name}=${values[i]}`))
      .filter(Boolean)
      .join('&'),
  );
  const idempotencyKey = fc.option(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_.:-]{8,100}$/),
      fc.constantFrom('', 'short', 'x'.repeat(101), 'has space in it', 'ключ-12345678'),
      fc.string({ maxLength: 30 }),
    ),
    { nil: undefined },
  );
  const canHaveBody = !['GET', 'HEAD'].includes(operation.method);
  const schemaBody = operation.body ? Object.entries(operation.body) : [];
  const body: fc.Arbitrary<{ contentType?: string; body?: string | FormData; shown: string }> = canHaveBody
    ? fc.oneof(
        ...schemaBody.map(([type, schema]) => ({
          weight: 6,
          arbitrary: type.startsWith('multipart/')
            ? fc
                .tuple(
                  fc.uint8Array({ maxLength: 2048 }),
                  fc.constantFrom('image/jpeg', 'image/png', 'text/plain', 'application/octet-stream'),
                  fc.constantFrom('file', 'photo', ''),
                )
                .map(([bytes, mime, field]) => {
                  const form = new FormData();
                  if (field) form.append(field, new Blob([bytes], { type: mime }), 'p.jpg');
                  return { body: form, shown: `multipart ${field}:${mime} ${bytes.length} bytes` };
                })
            : fromSchema(schema).map((value) => {
                const text = type === 'text/csv' && typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
                return { contentType: type, body: text, shown: `${type} ${short(text)}` };
              }),
        })),
        {
          weight: 2,
          arbitrary: fc
            .tuple(junk, fc.constantFrom(...CONTENT_TYPES))
            .map(([v, type]) => ({ contentType: type, body: JSON.stringify(v) ?? '', shown: `${type} ${short(v)}` })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom(...CONTENT_TYPES))
            .map(([raw, type]) => ({ contentType: type, body: raw, shown: `${type} raw ${short(raw)}` })),
        },
        { weight: 1, arbitrary: fc.constant({ shown: 'no body' }) },
      )
    : fc.constant({ shown: 'no body' });

  // WeChat Pay's signature headers, as a forger would send them (the notify endpoint checks them first).
  const wechatpay = fc.option(
    fc.record({
      'wechatpay-serial': fc.oneof(fc.string({ maxLength: 40 }), fc.constant('PUB_KEY_ID_0000000000000000000000')),
      'wechatpay-timestamp': fc.oneof(
        fc.integer().map(String),
        fc.constant(String(Math.floor(Date.now() / 1000))),
        fc.string({ maxLength: 15 }),
      ),
      'wechatpay-nonce': fc.string({ maxLength: 40 }),
      'wechatpay-signature': fc.base64String({ maxLength: 400 }),
    }),
    { nil: undefined },
  );
  return fc
    .record({ path, query, token: tokens, idempotencyKey, body, wechatpay })
    .map(({ path, query, token, idempotencyKey, body, wechatpay }) => {
      const headers: Record<string, string> = {};
      // As a careless client sends them: UTF-8 bytes on the wire (fetch only takes ISO-8859-1 strings).
      const wire = (v: string) => Buffer.from(v, 'utf8').toString('latin1');
      if (token !== undefined) headers.authorization = wire(token);
      if (idempotencyKey !== undefined) headers['idempotency-key'] = wire(idempotencyKey);
      if (body.contentType) headers['content-type'] = body.contentType;
      for (const [name, value] of Object.entries(wechatpay ?? {})) headers[name] = wire(value);
      const url = path + (query ? `?${query}` : '');
      return {
        method: operation.method,
        url,
        headers,
        body: body.body,
        summary: `${operation.method} ${short(url)} auth=${short(token ?? '-')} key=${short(idempotencyKey ?? '-')} body=${body.shown}`,
      };
    });
}
