// The API's answers about where containers are (layout, place, history,
// occupancy, search), one call each; their types are what the OpenAPI
// document says these routes answer.

import { api, call, keysetPage } from './api.js'

export const getLayout = (id: number, signal?: AbortSignal) =>
  call(api.GET('/api/containers/{id}/layout', { params: { path: { id } }, signal }))
export const getPlace = (id: number, signal?: AbortSignal) =>
  call(api.GET('/api/containers/{id}/place', { params: { path: { id } }, signal }))
export const getOccupancy = (id: number, signal?: AbortSignal) =>
  call(api.GET('/api/freezers/{id}/occupancy', { params: { path: { id } }, signal }))
/** Newest first; `after` is the cursor of the page before (the Link header's). */
export const containerHistory = (id: number, after?: number, signal?: AbortSignal) =>
  keysetPage(api.GET('/api/containers/{id}/history', { params: { path: { id }, query: { limit: 100, after } }, signal }))
export const freezerHistory = (id: number, after?: number, signal?: AbortSignal) =>
  keysetPage(api.GET('/api/freezers/{id}/history', { params: { path: { id }, query: { limit: 100, after } }, signal }))
export const search = (q: string, limit: number, signal?: AbortSignal) =>
  call(api.GET('/api/search', { params: { query: { q, limit } }, signal }))

export type Layout = Awaited<ReturnType<typeof getLayout>>
export type Place = Awaited<ReturnType<typeof getPlace>>
export type Occupancy = Awaited<ReturnType<typeof getOccupancy>>
export type ContainerEvent = Awaited<ReturnType<typeof containerHistory>>['rows'][number]
export type SearchHit = Awaited<ReturnType<typeof search>>[number]
