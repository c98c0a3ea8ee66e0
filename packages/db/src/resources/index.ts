import type { ResourceDefinition, ServiceName } from '../resource/definition.js'
import type { RowOf } from '../resource/schemas.js'
import { computer } from './computer.js'
import { container } from './container.js'
import { freezer } from './freezer.js'
import { site } from './site.js'

export { computer, container, freezer, site }

/** Every resource, in the order of the API's documentation. */
export const RESOURCES = [site, freezer, container, computer] as const

/** The resources a service serves, in that order. */
export const resourcesOf = (service: ServiceName): ResourceDefinition[] =>
  RESOURCES.filter((resource) => resource.service === service)

export type Site = RowOf<typeof site>
export type Freezer = RowOf<typeof freezer>
export type Container = RowOf<typeof container>
export type Computer = RowOf<typeof computer>
