import { type TSchema, Type } from '@sinclair/typebox'
import { Problem } from './problem.js'

/** The error statuses a route can answer with, each described by the Problem schema. */
export function problems(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((status) => [status, Problem]))
}

/** A 204 with no body. */
export const NoContent = Type.Null({ description: 'No Content' })

export const ListOf = <T extends TSchema>(item: T) => Type.Array(item)
