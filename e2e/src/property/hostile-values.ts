import fc from 'fast-check'

// What a careless or hostile client sends. Each list is data: add a case
// where it belongs and every operation gets it.

const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE site; --',
  "1' UNION SELECT password_hash FROM account --",
  "'; SELECT pg_sleep(3); --",
  '$1',
  '%',
  '_',
  '\\',
  "E'\\x00'",
  '"',
  "')",
]
const MARKUP_AND_FORMATS = [
  '<script>alert(1)</script>',
  '%s%s%s%n',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, sent as text on purpose
  '${7*7}',
  '../../../../etc/passwd',
  '\r\nX-Injected: 1',
]
const UNICODE = [
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\uFEFFname',
  '\u202Eevil',
  'zero\u200Bwidth',
  'e\u0301',
  '🧪🧬',
  '\uFFFF\uFFFE',
  '\u{10FFFF}',
  '١٢٣',
]
const BLANK = ['', ' ', '\t\n', '\u00A0', '\u3000']
const NUMERIC_LOOKING = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x1F', '1_000', '9'.repeat(40), '-1', '0', '1.5']
const JSON_LOOKING = ['null', 'true', '[]', '{}', '__proto__', 'constructor', 'prototype', 'toString']

/** Strings that are wrong somewhere: control and lone surrogate code units, SQL, huge ones, look-alikes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL, ...MARKUP_AND_FORMATS, ...UNICODE, ...BLANK, ...NUMERIC_LOOKING, ...JSON_LOOKING),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Any UTF-16 code unit, lone surrogates included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.constantFrom(201, 2001, 10_000, 100_000).map((length) => 'x'.repeat(length)),
)

/** JSON values of the wrong type or size for wherever they are put. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(0, -1, 1.5, -0, 2147483648, 2 ** 53 + 1, 1e308, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], [1, 2], {}, { nested: { deeper: [null] } }),
  fc.jsonValue({ maxDepth: 3 }),
  // Deeper nesting goes as bytes (HOSTILE_BODY_BYTES): fast-check prints the values of a failed run.
  fc.constant(JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`) as unknown),
  fc.constant(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
)

// Path segments as they go on the wire: bad and odd percent-encodings, dot
// segments, an encoded slash, raw bytes, one too long for the router.
const SEGMENT_JUNK = [
  '%00',
  '%ZZ',
  '%',
  '%C3%28',
  '%FF%FE',
  '%ED%A0%80',
  '%C0%AF',
  '%2F',
  '%5C',
  '..',
  '%2e%2e',
  '',
  '%C3%A9',
  '%F0%9F%A7%AA',
  '1%20OR%201=1',
  "1'--",
  '1;',
  '%3Cscript%3E',
  '\u00e9',
  '1'.repeat(101),
  '1'.repeat(5000),
]

/** Path segments of every wrong kind (wire text); numeric look-alikes of `n`. */
export function hostileSegment(n: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...SEGMENT_JUNK),
    n.chain((value) =>
      fc.constantFrom(
        `0${value}`,
        `${value}.0`,
        `+${value}`,
        `${value}e0`,
        `-${value}`,
        `${value}abc`,
        `0x${value.toString(16)}`,
      ),
    ),
    fc.constantFrom('0', '-1', '2147483648', '9007199254740993', '1e3', 'abc', 'null', 'true'),
    hostileString.map((text) => encodeURIComponent(toWellFormed(text))),
  )
}

/** encodeURIComponent refuses lone surrogates; they go as U+FFFD, as a browser would send them. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Header values Node lets through (no CR, LF or NUL; bytes up to 0xFF): garbage, long ones, look-alikes. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((code) => code !== 0x7f)
      .map((code) => String.fromCharCode(code)),
    maxLength: 60,
  }),
  fc.constantFrom('', ' ', '*, "1"', 'W/', '"', '""', '"unterminated', 'W/"1", *', '\t', 'a'.repeat(3000), "' OR 1=1 --"),
)

/** Bodies no JSON parser should accept as they are, or only after thought: bytes, not text. */
export const HOSTILE_BODY_BYTES: { label: string; bytes: Buffer }[] = [
  { label: 'empty body', bytes: Buffer.alloc(0) },
  {
    label: 'invalid UTF-8 (0xFF) in a string',
    bytes: Buffer.from([...Buffer.from('{"name":"a'), 0xff, 0xfe, ...Buffer.from('"}')]),
  },
  { label: 'overlong UTF-8 (0xC0 0xAF)', bytes: Buffer.from([...Buffer.from('{"name":"'), 0xc0, 0xaf, ...Buffer.from('"}')]) },
  {
    label: 'CESU-8 surrogate (0xED 0xA0 0x80)',
    bytes: Buffer.from([...Buffer.from('{"name":"'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]),
  },
  { label: 'truncated UTF-8 (0xE2 0x82)', bytes: Buffer.from([...Buffer.from('{"name":"'), 0xe2, 0x82]) },
  { label: 'UTF-16LE JSON', bytes: Buffer.from('{"name":"utf16"}', 'utf16le') },
  { label: 'UTF-16 BOM', bytes: Buffer.from([0xff, 0xfe, ...Buffer.from('{"name":"x"}', 'utf16le')]) },
  { label: 'truncated JSON', bytes: Buffer.from('{"name": "trunc') },
  { label: 'trailing garbage', bytes: Buffer.from('{"name":"x"} trailing') },
  { label: 'two JSON documents', bytes: Buffer.from('{"name":"x"}{"name":"y"}') },
  { label: 'duplicate keys', bytes: Buffer.from('{"name":"x","name":7}') },
  { label: '__proto__ key', bytes: Buffer.from('{"__proto__":{"admin":true},"name":"proto"}') },
  { label: 'constructor.prototype', bytes: Buffer.from('{"constructor":{"prototype":{"admin":true}},"name":"c"}') },
  { label: 'NUL byte outside a string', bytes: Buffer.from('{"name":"x"}\u0000') },
  { label: 'JSON with comments', bytes: Buffer.from('{/* c */"name":"x"}') },
  { label: 'single quotes', bytes: Buffer.from("{'name':'x'}") },
  { label: 'NaN literal', bytes: Buffer.from('{"name":"x","site_id":NaN}') },
  { label: 'number past double', bytes: Buffer.from('{"name":"x","site_id":1e400}') },
  { label: 'deep nesting', bytes: Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) },
  { label: 'form encoding', bytes: Buffer.from('name=x&site_id=1') },
  { label: 'over 1 MiB', bytes: Buffer.from(`{"name":"${'x'.repeat(1_100_000)}"}`) },
]

/** Content types for a body: those a JSON route takes, and the wrong ones. */
export const VALID_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8']
export const HOSTILE_CONTENT_TYPES: (string | undefined)[] = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/problem+json',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'application/jsonx',
  'application/json, text/plain',
  ';',
  '',
  `application/json; ${'x=1; '.repeat(400)}`,
]
