import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { ValidateFunction } from 'ajv'

// Fastify compiles every route's validators and serialisers when the app
// starts: for labtrack's routes that was 1.5 s of ajv and fast-json-stringify
// before a process could answer anything, and memory for routes a process
// may never serve. Compiled on first use instead, a start costs none of it;
// compileEveryRouteSchema() compiles what has not been yet, so a test (and
// anyone who prefers to pay at start) finds a broken schema without a request.

const pending = new Set<() => void>()

/** Compiles every route schema not compiled yet; the number compiled. Throws what a compiler throws. */
export function compileEveryRouteSchema(): number {
  const now = [...pending]
  for (const compile of now) compile()
  return now.length
}

function onFirstUse<F>(build: () => F): () => F {
  let built: F | undefined
  const get = () => {
    if (built === undefined) {
      built = build()
      pending.delete(get)
    }
    return built
  }
  pending.add(get)
  return get
}

// biome-ignore lint/suspicious/noExplicitAny: Fastify's factories take its own schema types, passed through untouched
type ValidatorFactory = (externalSchemas?: any) => (routeSchema: any) => ValidateFunction

/** Fastify's validator factory `factory`, its validators compiled on first use. Fastify reads a failed check's `errors` from the function it was given. */
export function lazyValidators(factory: ValidatorFactory) {
  return (externalSchemas?: Parameters<ValidatorFactory>[0]) => {
    const compile = factory(externalSchemas)
    return (routeSchema: Parameters<ReturnType<ValidatorFactory>>[0]) => {
      const validator = onFirstUse(() => compile(routeSchema))
      const check = (data: unknown) => {
        const validate = validator()
        const valid = validate(data)
        check.errors = validate.errors
        return valid
      }
      check.errors = null as ValidateFunction['errors']
      return check as unknown as ValidateFunction
    }
  }
}

type Serializer = (data: unknown) => string

/** Fastify's own serialiser factory (fast-json-stringify), its serialisers built on first use. */
export function lazySerializers() {
  const factory = SerializerSelector()
  return (externalSchemas: unknown, options: unknown) => {
    const compile = factory(externalSchemas as never, options as never) as (routeSchema: unknown) => Serializer
    return (routeSchema: unknown) => {
      const serializer = onFirstUse(() => compile(routeSchema))
      return (data: unknown) => serializer()(data)
    }
  }
}
