import { type Static, Type } from '@sinclair/typebox'
import { ACCOUNT_NAME_PATTERN, Id, Nullable } from '../schemas/common.js'
import { RoleSchema } from './roles.js'

export const AccountName = Type.String({
  pattern: ACCOUNT_NAME_PATTERN,
  description: 'letters, digits and _ . @ - (not first), at most 64',
})
export const Password = Type.String({ minLength: 12, maxLength: 1024, description: 'at least 12 characters' })
const Timestamp = Type.String({ format: 'date-time' })

export const User = Type.Object({ id: Id, name: AccountName, role: RoleSchema, created_at: Timestamp }, { title: 'User' })
export type User = Static<typeof User>

export const UserInput = Type.Object(
  { name: AccountName, role: RoleSchema, password: Password },
  { additionalProperties: false, title: 'UserInput' },
)
export type UserInput = Static<typeof UserInput>

export const UserPatch = Type.Object(
  { role: Type.Optional(RoleSchema), password: Type.Optional(Password) },
  { additionalProperties: false, minProperties: 1, title: 'UserPatch' },
)
export type UserPatch = Static<typeof UserPatch>

export const ApiToken = Type.Object(
  {
    id: Id,
    name: AccountName,
    user: Type.String({ description: 'the user the token acts for' }),
    role: RoleSchema,
    created_at: Timestamp,
    expires_at: Nullable(Timestamp),
    last_used_at: Nullable(Timestamp),
    revoked_at: Nullable(Timestamp),
  },
  { title: 'ApiToken' },
)
export type ApiToken = Static<typeof ApiToken>

export const ApiTokenInput = Type.Object(
  {
    name: AccountName,
    role: RoleSchema,
    user: Type.Optional({ ...AccountName, description: 'the user the token acts for; default: whoever creates it' }),
    expires_at: Type.Optional(Timestamp),
  },
  { additionalProperties: false, title: 'ApiTokenInput' },
)
export type ApiTokenInput = Static<typeof ApiTokenInput>

export const NewApiToken = Type.Composite(
  [
    ApiToken,
    Type.Object({ token: Type.String({ description: 'the secret, shown this once: send it as Authorization: Bearer <token>' }) }),
  ],
  { title: 'NewApiToken' },
)
export type NewApiToken = Static<typeof NewApiToken>

/** Who a request is made by: a signed-in user or an API token (and the user it acts for). */
export const Me = Type.Object(
  {
    name: Type.String({ description: 'the user' }),
    role: RoleSchema,
    via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
    token: Type.Optional(Type.String({ description: 'the name of the API token, when via is token' })),
    csrf_token: Type.Optional(
      Type.String({ description: 'with a session: send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE' }),
    ),
  },
  { title: 'Me' },
)
export type Me = Static<typeof Me>

export const SignIn = Type.Object(
  { name: AccountName, password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false, title: 'SignIn' },
)
export type SignIn = Static<typeof SignIn>
