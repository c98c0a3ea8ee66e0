import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { PROBLEM_CONTENT_TYPE, ProblemRef, statusTitle } from './problem.js'

const PROBLEM_MEDIA_TYPE = PROBLEM_CONTENT_TYPE.split(';')[0] as string

/** The error statuses a route can answer with, each an application/problem+json body of the shared Problem schema. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: statusTitle(status), content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemRef } } },
    ]),
  )
}

/** A 204 with no body. */
export const NoContent = Type.Null({ description: 'No Content' })

export const ListOf = <T extends TSchema>(item: T) => Type.Array(item)

/** A reference to a schema a service registered with addSchema, typed as that schema. */
export const refTo = <T extends TSchema>(id: string, _schema?: T) => Type.Unsafe<Static<T>>(Type.Ref(id))
