import fc from 'fast-check';

/**
 * Request bodies generated from the OpenAPI document's schemas: "valid-ish" ones that follow the
 * schema with real ids where a field names a resource (so some pass and exercise the whole
 * pipeline), plus hostile mutations of them and plain garbage. Used by the property test over every
 * write endpoint; nothing here knows a particular endpoint, so a new one is covered by its schema.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  additionalProperties?: boolean | Schema;
}

export type Components = Record<string, Schema>;

/** Real ids for a field or path parameter by name, or undefined if the name names no known resource. */
export type IdsFor = (name: string) => readonly string[] | undefined;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const resolve = (schema: Schema, components: Components): Schema =>
  schema.$ref ? resolve(components[schema.$ref.replace('#/components/schemas/', '')]!, components) : schema;

const GERMAN = ['Sprachförderung', 'Übergang Schule/Beruf', 'Inklusion', 'Ganztag', 'Fachgremium Übergang', 'Frau Schneider', 'Beschluss des Lenkungskreises', 'Kammerstatistik'];

/** Texts that broke something somewhere once: controls, surrogates, blanks, right-to-left, BOM, SQL, HTML, NFC/NFD, emoji, very long. */
export const HOSTILE_TEXTS = [
  '',
  ' ',
  '   \t ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d\ude00',
  '\u0007\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028\u2029',
  '\u202eevil',
  '\ufeffBOM',
  '\u00a0',
  'Zeile 1\nZeile 2',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  '../../etc/passwd',
  'Übergang',
  'U\u0308bergang',
  '%00',
  '\\u0000',
  'null',
  '9223372036854775808',
  'x'.repeat(301),
  'ä'.repeat(20_001),
];

const day = fc
  .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

function textArbitrary(name: string, schema: Schema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 300;
  if (schema.format === 'date') return fc.oneof({ weight: 30, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '12.03.2026', '2026-1-1', '0000-00-00', '+275760-09-13') });
  if (schema.format === 'password') return fc.oneof(fc.constant('Sehr-geheimes-Passwort-2026'), fc.string({ maxLength: 40 }));
  if (name === 'email') return fc.oneof(fc.emailAddress(), fc.constantFrom('neu@beispiel.de', 'buero.test@beispiel.de'), fc.string({ maxLength: 30 }));
  if (name === 'url') return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://x', 'https://'));
  return fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...GERMAN) },
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  );
}

function idArbitrary(name: string, idsFor: IdsFor): fc.Arbitrary<string> {
  const singular = name.replace(/Ids$/, 'Id');
  const real = idsFor(singular) ?? idsFor('any')!;
  return fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('kein-uuid', real[0]!.toUpperCase()) });
}

/** A body following `schema` (every required field, optional ones at random), with real ids. */
export function validishArbitrary(schemaOrRef: Schema, components: Components, idsFor: IdsFor, name = ''): fc.Arbitrary<Json> {
  const schema = resolve(schemaOrRef, components);
  if (schema.enum) return fc.constantFrom(...(schema.enum as Json[]));
  if (schema.type === 'object' || schema.properties) {
    const properties = schema.properties ?? {};
    if (Object.keys(properties).length === 0) {
      // A free-form object (a correction's fields): some field names of the domain with texts and dates.
      return fc.dictionary(fc.constantFrom('title', 'reference', 'reportedOn', 'summary', 'adoptedOn', 'progressPercent', 'status'), fc.oneof(day, fc.constantFrom(...GERMAN), fc.integer({ min: -5, max: 120 })), { maxKeys: 3 });
    }
    const required = new Set(schema.required ?? []);
    const fields = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validishArbitrary(value, components, idsFor, key)]));
    return fc.record(fields, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) }) as fc.Arbitrary<Json>;
  }
  if (schema.type === 'array') {
    const items = schema.items ?? { type: 'string' };
    return fc.array(validishArbitrary(items, components, idsFor, name), { maxLength: Math.min(schema.maxItems ?? 5, 3) });
  }
  if (schema.type === 'string') return schema.format === 'uuid' ? idArbitrary(name, idsFor) : textArbitrary(name, schema);
  if (schema.type === 'number' || schema.type === 'integer') {
    const min = schema.minimum ?? -1e6;
    const max = schema.maximum ?? 1e6;
    return fc.oneof(
      { weight: 30, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
      { weight: 5, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
      { weight: 1, arbitrary: fc.constantFrom(-1, max + 1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -0) },
    );
  }
  if (schema.type === 'boolean') return fc.boolean();
  return fc.jsonValue() as fc.Arbitrary<Json>;
}

/** A request body as bytes on the wire, with the headers that go with it. */
export interface RawBody {
  text: string | undefined;
  contentType: string | undefined;
  /** What was done to the valid-ish body, for the failure report. */
  mutation: string;
}

const json = (value: unknown) => JSON.stringify(value);

/** Inserts `member` as the first member of the outermost object of a JSON text (or wraps it). */
const withMember = (text: string, member: string) => (text.startsWith('{') ? `{${member}${text === '{}' ? '' : ','}${text.slice(1)}` : `{${member}}`);

/** The valid-ish body, sent as is or mutated; or garbage. Weights keep most requests near the schema. */
export function rawBodyArbitrary(validish: fc.Arbitrary<Json>): fc.Arbitrary<RawBody> {
  const asJson = (mutation: string, text: string): RawBody => ({ text, contentType: 'application/json', mutation });
  const fieldValue = fc.oneof(fc.jsonValue(), fc.constantFrom(...HOSTILE_TEXTS), fc.constantFrom(null, true, 0, -1, 1e308, [], {}, [[[]]]));
  return fc.oneof(
    { weight: 6, arbitrary: validish.map((body) => asJson('valid-ish', json(body))) },
    {
      weight: 3,
      arbitrary: fc.tuple(validish, fc.nat(), fieldValue).map(([body, pick, value]) => {
        if (!body || typeof body !== 'object' || Array.isArray(body)) return asJson('valid-ish (no object)', json(body));
        const keys = Object.keys(body);
        if (keys.length === 0) return asJson('empty', '{}');
        const key = keys[pick % keys.length]!;
        return asJson(`${key} := ${json(value)?.slice(0, 60)}`, json({ ...body, [key]: value }));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(validish, fc.nat()).map(([body, pick]) => {
        if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) return asJson('as is', json(body));
        const keys = Object.keys(body);
        const { [keys[pick % keys.length]!]: dropped, ...rest } = body;
        return asJson(`without ${keys[pick % keys.length]} (${json(dropped)?.slice(0, 30)})`, json(rest));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(validish, fc.constantFrom('"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"x":1}}', '"prototype":1', '"unbekannt":"x"', '"a\\u0000b":1', '"x":1e999')).map(([body, member]) =>
        asJson(`+ ${member}`, withMember(json(body), member)),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(validish, fc.integer({ min: 15, max: 20_000 }), fc.boolean()).map(([body, depth, lists]) => {
        const deep = lists ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        return asJson(`+ ${depth} levels of ${lists ? 'lists' : 'objects'}`, withMember(json(body), `"tief":${deep}`));
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.jsonValue().map((value) => asJson('any JSON value', json(value))),
        fc.string({ maxLength: 60 }).map((text) => asJson('any text as JSON', text)),
        fc.constantFrom('', '{', '{"a":}', '[', 'null', '"text"', '[{}]', '\ufeff{}', '{"a":1}{"b":2}', '{"a":"\\ud800"}', '{"a":"\\u0000"}').map((text) => asJson('malformed or not an object', text)),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(validish, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/merge-patch+json', 'APPLICATION/JSON', undefined)).map(([body, contentType]) => ({
        text: json(body),
        contentType,
        mutation: `Content-Type ${contentType ?? '(none)'}`,
      })),
    },
    { weight: 1, arbitrary: fc.constant<RawBody>({ text: undefined, contentType: undefined, mutation: 'no body' }) },
  );
}

/** Header values a client can send (visible ASCII and Latin-1), some of them well-formed. */
const someHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'If-Match': fc.oneof(fc.constantFrom('"0"', '"1"', '"999"', 'W/"2"', '*', '"-1"', '"9223372036854775808"', '""'), fc.string({ unit: 'binary-ascii', maxLength: 20 })),
      'Idempotency-Key': fc.oneof(fc.uuid(), fc.string({ minLength: 0, maxLength: 210 }), fc.constant('k'.repeat(201))),
      'X-Correlation-Id': fc.oneof(fc.uuid(), fc.string({ maxLength: 210 })),
    },
    { requiredKeys: [] },
  )
  .map((headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace(/[^\x20-\x7e\xa0-\xff]/g, '')])));

/** Most requests carry none of the command headers (a malformed one alone decides the answer). */
export const commandHeadersArbitrary = fc.oneof({ weight: 3, arbitrary: fc.constant<Record<string, string>>({}) }, { weight: 1, arbitrary: someHeaders });
