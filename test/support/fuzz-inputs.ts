import fc from 'fast-check';

// Input that has broken web applications before: wrong types, huge and deeply nested structure,
// ill-formed Unicode, NUL, SQL and markup, impossible dates and numbers. Used to fuzz every route.

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00y',
      '\ufeff',
      '\u202eevil',
      '\r\n',
      "'; drop table person; --",
      '<script>alert(1)</script>',
      '{{ 7 * 7 }}',
      '../../../etc/passwd',
      '%00',
      '%ED%A0%80',
      'NaN',
      'Infinity',
      '-1',
      '0',
      '1e309',
      '9007199254740993',
      '2026-02-30',
      '0000-00-00',
      '275760-09-14',
      '-000001-01-01',
      'true',
      'null',
      '[]',
      '{}',
      '00000000-0000-0000-0000-000000000000',
      '019a0000-0000-7000-8000-000000000000',
      'CMP-2026-9999',
      'GH-9999-9999',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: fc.string({
      maxLength: 12,
      unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(70_000), 'é'.repeat(10_001), `${'a '.repeat(5000)}`) },
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const nastyScalar = fc.oneof(fc.constant(null), fc.boolean(), nastyNumber, nastyText);

// Any JSON value, built of the scalars above, a few levels deep.
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    nastyScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

// Bodies no route should ever see as valid, each with the content type it claims.
const multipartFile = [
  '--b',
  'Content-Disposition: form-data; name="file"; filename="../../evil.pdf"',
  'Content-Type: application/pdf',
  '',
  '%PDF-1.4 %\u0000',
  '--b--',
  '',
].join('\r\n');

export const rawBodies: readonly (readonly [string, string | Buffer])[] = [
  ['application/json', `${'['.repeat(3000)}${']'.repeat(3000)}`],
  ['application/json', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`],
  ['application/json', '{"a":'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"\\ud800"'],
  ['application/json', '{"name":"\\udfff\\ud800"}'],
  ['application/json', '{"__proto__":{"isAdmin":true}}'],
  ['application/json', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['application/json', `[${'0,'.repeat(100_000)}0]`],
  ['application/json', ''],
  ['application/json; charset=utf-16', '{}'],
  ['text/plain', 'hello'],
  ['application/xml', '<?xml version="1.0"?><a/>'],
  ['application/octet-stream', Buffer.from([0xff, 0xfe, 0x00, 0xd8])],
  ['application/x-www-form-urlencoded', '%'],
  ['application/x-www-form-urlencoded', 'a=%ED%A0%80&a=%00&b[]=1&__proto__=1&%zz=%zz'],
  ['application/x-www-form-urlencoded', `a=${'x'.repeat(1_100_000)}`],
  ['multipart/form-data', multipartFile],
  ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'],
  ['multipart/form-data; boundary=b', multipartFile],
  ['multipart/form-data; boundary=b', 'garbage'],
  ['', 'no content type'],
];

// A plausible value for a JSON schema from the OpenAPI document, with some parts swapped for
// nasty ones: near enough to valid to reach the code behind the validation.
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export function fromSchema(schema: JsonSchema | undefined, ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: plausible(schema, ids) }, { weight: 1, arbitrary: nastyJson });
}

function plausible(schema: JsonSchema | undefined, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (!schema) return nastyJson;
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => fromSchema(choice, ids)));
  const type = [schema.type].flat()[0];
  if (type === 'object') return plausibleObject(schema, ids);
  if (type === 'array') return fc.array(fromSchema(schema.items, ids), { maxLength: 3 });
  if (type === 'integer' || type === 'number') {
    return fc.integer({
      min: Math.max(schema.minimum ?? 0, -1e6),
      max: Math.min(schema.maximum ?? 1000, 1e7),
    });
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'null') return fc.constant(null);
  return plausibleText(schema.format, ids);
}

function plausibleObject(schema: JsonSchema, ids: readonly string[]) {
  const properties = Object.entries(schema.properties ?? {});
  const record = Object.fromEntries(properties.map(([name, property]) => [name, fromSchema(property, ids)]));
  return fc.record(record, { requiredKeys: schema.required?.filter((name) => name in record) ?? [] });
}

function plausibleText(format: string | undefined, ids: readonly string[]) {
  if (format === 'uuid' && ids.length) return fc.constantFrom(...ids);
  if (format === 'date') return fc.constantFrom('2026-11-20', '2026-12-31', '2027-03-31', '2024-02-29');
  if (format === 'date-time') return fc.constantFrom('2026-11-20T10:00:00Z', '2026-11-23T09:00:00.000Z');
  if (format === 'email') return fc.constantFrom('someone@demo.probity.test', 'new.person@example.test');
  return fc.constantFrom('Fuzz', 'A longer piece of text, as a person might type', '123', 'yes', 'no');
}
