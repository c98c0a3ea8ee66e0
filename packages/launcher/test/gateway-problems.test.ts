import { readFile } from 'node:fs/promises'
import { PROBLEM_TYPES } from '@labtrack/service-kit'
import t from 'tap'
import { GATEWAY_TEMPLATE } from '../src/stack/nginx-config.js'

// The problems nginx answers with itself are written out in the gateway
// template; their types, titles and statuses must be the registry's (service-kit
// problem.ts), so a client sees one vocabulary whoever answered.

const template = await readFile(GATEWAY_TEMPLATE, 'utf8')

interface ProblemLocation {
  name: string
  /** The location's text between its braces. */
  body: string
  returned: number
  problem: { type: string; title: string; status: number; detail: string }
}

// A sample value for each nginx variable a detail may quote (they are filled in per request).
const asText = (body: string) => body.replace(/\$\w+/g, 'x').replace(/\\n$/, '')

const problemLocations: ProblemLocation[] = [
  ...template.matchAll(
    /location (?:= )?(\S+) \{((?:[^{}]|\{ \})*?return (\d{3}) '(\{"type":"urn:labtrack:problem:[^']*)';\s*)\}/g,
  ),
].map(([, name, body, returned, json]) => ({
  name: name as string,
  body: body as string,
  returned: Number(returned),
  problem: JSON.parse(asText(json as string)),
}))

// error_page CODE... [=STATUS] TARGET, one per line.
const errorPages = [...template.matchAll(/^\s*error_page ([\d ]+?) (?:=(\d{3}) )?(\S+);$/gm)].flatMap(
  ([, codes, status, target]) =>
    (codes as string).split(' ').map((code) => ({ code: Number(code), status: status ? Number(status) : undefined, target })),
)

t.test('every problem body in the template is one of the registry, with its title and status', async (t) => {
  t.ok(problemLocations.length >= 15, `found the problem bodies (${problemLocations.length})`)
  for (const { name, returned, problem } of problemLocations) {
    const type = problem.type.replace('urn:labtrack:problem:', '') as keyof typeof PROBLEM_TYPES
    const registered = PROBLEM_TYPES[type]
    t.ok(registered, `${name}: ${problem.type} is in PROBLEM_TYPES`)
    t.equal(problem.title, registered?.title, `${name}: the registry's title`)
    t.equal(problem.status, registered?.status, `${name}: the registry's status`)
    t.equal(returned, problem.status, `${name}: answered with the status its body names`)
    t.same(Object.keys(problem), ['type', 'title', 'status', 'detail'], `${name}: RFC 9457 members`)
    t.ok(problem.detail.length > 0, `${name}: says what happened`)
  }
})

t.test('every problem location answers problem+json that no cache keeps', async (t) => {
  for (const { name, body } of problemLocations) {
    t.match(body, /^\s*types \{ \}\s*default_type application\/problem\+json;/m, `${name}: content type`)
    t.match(body, /set \$labtrack_cache_control "no-store";/, `${name}: no-store`)
    t.equal(name.startsWith('@') || /^\s*internal;/m.test(body), true, `${name}: not a URL a client can ask for`)
  }
})

t.test('every error nginx can make itself goes to a problem of its status', async (t) => {
  // What nginx 1.22 answers by itself in this configuration (494: a header too large).
  const own = [400, 403, 404, 405, 412, 413, 414, 429, 494, 500, 501, 502, 503, 504, 505]
  t.same(errorPages.map(({ code }) => code).sort(), [...own].sort(), 'one error_page for each, and no other')
  for (const { code, status, target } of errorPages) {
    const location = problemLocations.find(({ name }) => name === target)
    t.ok(location, `error_page ${code} goes to a problem location (${target})`)
    t.equal(location?.returned, status ?? code, `error_page ${code}: the status the client gets`)
  }
  t.same(
    errorPages.filter(({ status }) => status !== undefined).map(({ code, status }) => [code, status]),
    [[494, 431]],
    "nginx's own 494 is sent as 431",
  )
})

t.test('a 429 carries Retry-After, set where the problem is answered', async (t) => {
  const limited = problemLocations.find(({ returned }) => returned === 429)
  t.match(limited?.body, /set \$labtrack_retry_after \$labtrack_limit_retry_after;/)
  t.match(template, /^\s*add_header Retry-After \$labtrack_retry_after always;$/m)
  t.match(template, /^\s*set \$labtrack_retry_after "";$/m, 'empty (no header) for every other answer')
})
