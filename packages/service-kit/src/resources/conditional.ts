// Conditional requests on one row (RFC 9110 §13): its ETag, If-None-Match on
// reads, If-Match on reads and writes.
import { Type } from '@sinclair/typebox'
import { ProblemError, problem } from '../problem.js'

/** The ETag of a row version: strong, the version in quotes. */
export const etagOf = (version: string) => `"${version}"`

/** The ETag header, as a response documents it. */
export const ETAG_HEADER = {
  etag: {
    type: 'string',
    description: "the row's version: send it back in If-Match to write only if nobody changed the row since",
  },
}

const IF_MATCH_WRITE = 'the ETag the row was read with (or `*`): 412, and nothing written, when the row has changed since'

/** The conditional headers of GET one: If-None-Match for a 304, If-Match as on writes. */
export const ReadConditions = Type.Object({
  'if-none-match': Type.Optional(
    Type.String({ description: 'ETags the client holds (or `*`): 304 without a body while the row still has one of them' }),
  ),
  'if-match': Type.Optional(Type.String({ description: 'ETags (or `*`): 412 when the row has none of them' })),
})

/** The conditional header of PUT, PATCH and DELETE. */
export const WriteConditions = Type.Object({ 'if-match': Type.Optional(Type.String({ description: IF_MATCH_WRITE })) })

type ConditionalHeaders = { 'if-match'?: string; 'if-none-match'?: string }

/** `*` (any row), or the opaque-tags of a list of entity-tags. */
type Tags = '*' | string[]

// One element of an entity-tag list and the comma after it: empty elements are allowed (RFC 9110 §5.6.1).
const ELEMENT = /[ \t]*(?:(?:W\/)?"([!#-~\u0080-\u00ff]*)")?[ \t]*(?:,|$)/y

/** The tags of an If-Match or If-None-Match value; anything else is a 400 naming the header. */
function tagsOf(header: keyof ConditionalHeaders, value: string): Tags {
  if (value === '*') return '*'
  const tags: string[] = []
  ELEMENT.lastIndex = 0
  // Each match ends at a comma or at the end, so it always moves on; a failed one resets lastIndex to 0.
  while (ELEMENT.lastIndex < value.length) {
    const element = ELEMENT.exec(value)
    if (!element) break
    if (element[1] !== undefined) tags.push(element[1])
  }
  if (ELEMENT.lastIndex === value.length && tags.length > 0) return tags
  throw new ProblemError(
    problem('validation', 'the request headers is not valid', {
      errors: [{ in: 'headers', pointer: `/${header}`, detail: 'is not * or a list of entity-tags such as "12", W/"12"' }],
    }),
  )
}

// Every ETag this API sends is strong; a weak one (W/"12") is one of them that
// a compressing proxy weakened (nginx's gzip does, on rows over its
// gzip_min_length). So If-Match compares the opaque-tags, as If-None-Match
// does: a strict strong comparison would refuse every write of such a row.
const holds = (tags: Tags, version: string) => tags === '*' || tags.includes(version)

/**
 * The versions a write may happen on, from its If-Match: undefined for any
 * (no header, or `*`: the row only has to exist).
 */
export function writeVersions(headers: ConditionalHeaders): string[] | undefined {
  const value = headers['if-match']
  if (value === undefined) return undefined
  const tags = tagsOf('if-match', value)
  return tags === '*' ? undefined : tags
}

/** What GET one answers, by RFC 9110 §13.2.2's order: If-Match first (412), then If-None-Match (304). */
export function readOutcome(headers: ConditionalHeaders, version: string): 'send' | 'not-modified' | 'changed' {
  const match = headers['if-match']
  if (match !== undefined && !holds(tagsOf('if-match', match), version)) return 'changed'
  const noneMatch = headers['if-none-match']
  if (noneMatch !== undefined && holds(tagsOf('if-none-match', noneMatch), version)) return 'not-modified'
  return 'send'
}

/** The 412 of a request whose If-Match names a version the row no longer has. */
export function versionChanged(name: string, id: number): ProblemError {
  return new ProblemError(
    problem(
      'precondition-failed',
      `${name} ${id} has changed since the version in If-Match; GET it again for its current values and ETag`,
    ),
  )
}
