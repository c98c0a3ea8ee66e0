/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`packages/launcher/test/openapi.test.ts > TAP > the document as it stands: a change to the contract shows up in review > openapi.json 1`] = `
Object {
  "components": Object {
    "schemas": Object {
      "ApiToken": Object {
        "properties": Object {
          "created_at": Object {
            "format": "date-time",
            "type": "string",
          },
          "expires_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "last_used_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "revoked_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
          "user": Object {
            "description": "the user the token acts for",
            "type": "string",
          },
        },
        "required": Array [
          "id",
          "name",
          "user",
          "role",
          "created_at",
          "expires_at",
          "last_used_at",
          "revoked_at",
        ],
        "title": "ApiToken",
        "type": "object",
      },
      "ApiTokenInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "expires_at": Object {
            "format": "date-time",
            "type": "string",
          },
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
          "user": Object {
            "description": "the user the token acts for; default: whoever creates it",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
        },
        "required": Array [
          "name",
          "role",
        ],
        "title": "ApiTokenInput",
        "type": "object",
      },
      "Computer": Object {
        "properties": Object {
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "mac": Object {
            "anyOf": Array [
              Object {
                "description": "MAC address, stored and returned as lower-case aa:bb:cc:dd:ee:ff",
                "pattern": "^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "required": Array [
          "id",
          "name",
          "mac",
          "site_id",
        ],
        "title": "Computer",
        "type": "object",
      },
      "ComputerInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "mac": Object {
            "anyOf": Array [
              Object {
                "description": "MAC address, stored and returned as lower-case aa:bb:cc:dd:ee:ff",
                "pattern": "^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "required": Array [
          "name",
          "site_id",
        ],
        "title": "ComputerInput",
        "type": "object",
      },
      "ComputerPatch": Object {
        "additionalProperties": false,
        "minProperties": 1,
        "properties": Object {
          "mac": Object {
            "anyOf": Array [
              Object {
                "description": "MAC address, stored and returned as lower-case aa:bb:cc:dd:ee:ff",
                "pattern": "^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "title": "ComputerPatch",
        "type": "object",
      },
      "Container": Object {
        "properties": Object {
          "description": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "freezer_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "grid_cols": Object {
            "anyOf": Array [
              Object {
                "description": "columns 1–99",
                "maximum": 99,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "grid_rows": Object {
            "anyOf": Array [
              Object {
                "description": "rows A–Z",
                "maximum": 26,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "location": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "parent_id": Object {
            "anyOf": Array [
              Object {
                "maximum": 2147483647,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "position": Object {
            "anyOf": Array [
              Object {
                "description": "the cell of the parent’s grid, e.g. A1 or H12",
                "pattern": "^[A-Z][1-9][0-9]?$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "uuid": Object {
            "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
            "type": "string",
          },
        },
        "required": Array [
          "id",
          "uuid",
          "description",
          "freezer_id",
          "parent_id",
          "grid_rows",
          "grid_cols",
          "position",
          "location",
        ],
        "title": "Container",
        "type": "object",
      },
      "ContainerInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "description": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "freezer_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "grid_cols": Object {
            "anyOf": Array [
              Object {
                "description": "columns 1–99",
                "maximum": 99,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "grid_rows": Object {
            "anyOf": Array [
              Object {
                "description": "rows A–Z",
                "maximum": 26,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "location": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "parent_id": Object {
            "anyOf": Array [
              Object {
                "maximum": 2147483647,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "position": Object {
            "anyOf": Array [
              Object {
                "description": "the cell of the parent’s grid, e.g. A1 or H12",
                "pattern": "^[A-Z][1-9][0-9]?$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "uuid": Object {
            "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
            "type": "string",
          },
        },
        "title": "ContainerInput",
        "type": "object",
      },
      "ContainerPatch": Object {
        "additionalProperties": false,
        "minProperties": 1,
        "properties": Object {
          "description": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "freezer_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "grid_cols": Object {
            "anyOf": Array [
              Object {
                "description": "columns 1–99",
                "maximum": 99,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "grid_rows": Object {
            "anyOf": Array [
              Object {
                "description": "rows A–Z",
                "maximum": 26,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "location": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "parent_id": Object {
            "anyOf": Array [
              Object {
                "maximum": 2147483647,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "position": Object {
            "anyOf": Array [
              Object {
                "description": "the cell of the parent’s grid, e.g. A1 or H12",
                "pattern": "^[A-Z][1-9][0-9]?$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "uuid": Object {
            "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
            "type": "string",
          },
        },
        "title": "ContainerPatch",
        "type": "object",
      },
      "Freezer": Object {
        "properties": Object {
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "required": Array [
          "id",
          "name",
          "site_id",
        ],
        "title": "Freezer",
        "type": "object",
      },
      "FreezerInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "required": Array [
          "name",
          "site_id",
        ],
        "title": "FreezerInput",
        "type": "object",
      },
      "FreezerPatch": Object {
        "additionalProperties": false,
        "minProperties": 1,
        "properties": Object {
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
        },
        "title": "FreezerPatch",
        "type": "object",
      },
      "Instrument": Object {
        "properties": Object {
          "computer_id": Object {
            "anyOf": Array [
              Object {
                "maximum": 2147483647,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "freezer_id": Object {
            "anyOf": Array [
              Object {
                "maximum": 2147483647,
                "minimum": 1,
                "type": "integer",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "type": "string",
          },
          "site_id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "site_name": Object {
            "type": "string",
          },
        },
        "required": Array [
          "site_id",
          "site_name",
          "computer_id",
          "freezer_id",
          "name",
        ],
        "title": "Instrument",
        "type": "object",
      },
      "Me": Object {
        "properties": Object {
          "csrf_token": Object {
            "description": "with a session: send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE",
            "type": "string",
          },
          "name": Object {
            "description": "the user",
            "type": "string",
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
          "token": Object {
            "description": "the name of the API token, when via is token",
            "type": "string",
          },
          "via": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "session",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "token",
                ],
                "type": "string",
              },
            ],
          },
        },
        "required": Array [
          "name",
          "role",
          "via",
        ],
        "title": "Me",
        "type": "object",
      },
      "NewApiToken": Object {
        "properties": Object {
          "created_at": Object {
            "format": "date-time",
            "type": "string",
          },
          "expires_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "last_used_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "revoked_at": Object {
            "anyOf": Array [
              Object {
                "format": "date-time",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
          "token": Object {
            "description": "the secret, shown this once: send it as Authorization: Bearer <token>",
            "type": "string",
          },
          "user": Object {
            "description": "the user the token acts for",
            "type": "string",
          },
        },
        "required": Array [
          "id",
          "name",
          "user",
          "role",
          "created_at",
          "expires_at",
          "last_used_at",
          "revoked_at",
          "token",
        ],
        "title": "NewApiToken",
        "type": "object",
      },
      "Problem": Object {
        "properties": Object {
          "detail": Object {
            "type": "string",
          },
          "errors": Object {
            "items": Object {
              "properties": Object {
                "detail": Object {
                  "type": "string",
                },
                "in": Object {
                  "description": "body, querystring or params",
                  "type": "string",
                },
                "pointer": Object {
                  "description": "JSON pointer to the invalid field, e.g. /name",
                  "type": "string",
                },
              },
              "required": Array [
                "in",
                "pointer",
                "detail",
              ],
              "type": "object",
            },
            "type": "array",
          },
          "instance": Object {
            "type": "string",
          },
          "required_role": Object {
            "description": "with 403: the role the action needs",
            "type": "string",
          },
          "status": Object {
            "type": "integer",
          },
          "title": Object {
            "type": "string",
          },
          "type": Object {
            "type": "string",
          },
        },
        "required": Array [
          "type",
          "title",
          "status",
          "detail",
        ],
        "title": "Problem",
        "type": "object",
      },
      "SignIn": Object {
        "additionalProperties": false,
        "properties": Object {
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "password": Object {
            "maxLength": 1024,
            "minLength": 1,
            "type": "string",
          },
        },
        "required": Array [
          "name",
          "password",
        ],
        "title": "SignIn",
        "type": "object",
      },
      "Site": Object {
        "properties": Object {
          "address": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "contact": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "country": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "postcode_or_zip": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "state_or_region": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
        },
        "required": Array [
          "id",
          "name",
          "contact",
          "address",
          "state_or_region",
          "country",
          "postcode_or_zip",
        ],
        "title": "Site",
        "type": "object",
      },
      "SiteInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "address": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "contact": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "country": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "postcode_or_zip": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "state_or_region": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
        },
        "required": Array [
          "name",
        ],
        "title": "SiteInput",
        "type": "object",
      },
      "SitePatch": Object {
        "additionalProperties": false,
        "minProperties": 1,
        "properties": Object {
          "address": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "contact": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "country": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "name": Object {
            "maxLength": 200,
            "minLength": 1,
            "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
            "type": "string",
          },
          "postcode_or_zip": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
          "state_or_region": Object {
            "anyOf": Array [
              Object {
                "maxLength": 2000,
                "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                "type": "string",
              },
              Object {
                "type": "null",
              },
            ],
          },
        },
        "title": "SitePatch",
        "type": "object",
      },
      "User": Object {
        "properties": Object {
          "created_at": Object {
            "format": "date-time",
            "type": "string",
          },
          "id": Object {
            "maximum": 2147483647,
            "minimum": 1,
            "type": "integer",
          },
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
        },
        "required": Array [
          "id",
          "name",
          "role",
          "created_at",
        ],
        "title": "User",
        "type": "object",
      },
      "UserInput": Object {
        "additionalProperties": false,
        "properties": Object {
          "name": Object {
            "description": "letters, digits and _ . @ - (not first), at most 64",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$",
            "type": "string",
          },
          "password": Object {
            "description": "at least 12 characters",
            "maxLength": 1024,
            "minLength": 12,
            "type": "string",
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
        },
        "required": Array [
          "name",
          "role",
          "password",
        ],
        "title": "UserInput",
        "type": "object",
      },
      "UserPatch": Object {
        "additionalProperties": false,
        "minProperties": 1,
        "properties": Object {
          "password": Object {
            "description": "at least 12 characters",
            "maxLength": 1024,
            "minLength": 12,
            "type": "string",
          },
          "role": Object {
            "anyOf": Array [
              Object {
                "enum": Array [
                  "viewer",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "editor",
                ],
                "type": "string",
              },
              Object {
                "enum": Array [
                  "admin",
                ],
                "type": "string",
              },
            ],
            "description": "viewer reads; editor also writes sites, freezers, containers and computers; admin also manages users and tokens",
          },
        },
        "title": "UserPatch",
        "type": "object",
      },
    },
    "securitySchemes": Object {
      "bearer": Object {
        "description": "An API token (\`pnpm labtrack token create\`, or the admin pages): \`Authorization: Bearer lt_…\`",
        "scheme": "bearer",
        "type": "http",
      },
      "session": Object {
        "description": "The UI's session, from POST /api/session; writes also need the x-csrf-token header",
        "in": "cookie",
        "name": "labtrack_session",
        "type": "apiKey",
      },
    },
  },
  "info": Object {
    "description": "Sites, freezers, containers and computers of a laboratory.",
    "title": "labtrack API",
    "version": "0.1.0",
  },
  "openapi": "3.1.0",
  "paths": Object {
    "/api/computers": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listComputers",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "continue after the last row of the previous page (from the Link header)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "maxLength": 4000,
              "type": "string",
            },
          },
          Object {
            "description": "comma-separated fields among id, name, mac, site_id; a leading minus sorts descending; the id always ends the order",
            "in": "query",
            "name": "sort",
            "required": false,
            "schema": Object {
              "maxLength": 500,
              "type": "string",
            },
          },
          Object {
            "description": "id equals",
            "in": "query",
            "name": "id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id differs from",
            "in": "query",
            "name": "id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is less than",
            "in": "query",
            "name": "id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at most",
            "in": "query",
            "name": "id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is greater than",
            "in": "query",
            "name": "id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at least",
            "in": "query",
            "name": "id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is one of these comma-separated values",
            "in": "query",
            "name": "id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name equals",
            "in": "query",
            "name": "name",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name differs from",
            "in": "query",
            "name": "name[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is less than",
            "in": "query",
            "name": "name[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at most",
            "in": "query",
            "name": "name[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is greater than",
            "in": "query",
            "name": "name[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at least",
            "in": "query",
            "name": "name[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is one of these comma-separated values",
            "in": "query",
            "name": "name[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name contains this text, ignoring case",
            "in": "query",
            "name": "name[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "mac equals",
            "in": "query",
            "name": "mac",
            "required": false,
            "schema": Object {
              "pattern": "^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$",
              "type": "string",
            },
          },
          Object {
            "description": "mac differs from",
            "in": "query",
            "name": "mac[ne]",
            "required": false,
            "schema": Object {
              "pattern": "^(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}\\\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})$",
              "type": "string",
            },
          },
          Object {
            "description": "mac is one of these comma-separated values",
            "in": "query",
            "name": "mac[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "mac is null (true) or is not (false)",
            "in": "query",
            "name": "mac[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "site_id equals",
            "in": "query",
            "name": "site_id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id differs from",
            "in": "query",
            "name": "site_id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is less than",
            "in": "query",
            "name": "site_id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is at most",
            "in": "query",
            "name": "site_id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is greater than",
            "in": "query",
            "name": "site_id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is at least",
            "in": "query",
            "name": "site_id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is one of these comma-separated values",
            "in": "query",
            "name": "site_id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "\`count=exact\` adds X-Total-Count: every row the filters match",
            "in": "header",
            "name": "prefer",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "One page of computers",
                  "items": Object {
                    "$ref": "#/components/schemas/Computer",
                  },
                  "type": "array",
                },
              },
            },
            "description": "One page of computers",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while more rows exist",
                "schema": Object {
                  "type": "string",
                },
              },
              "preference-applied": Object {
                "description": "\`count=exact\` when the count was made",
                "schema": Object {
                  "type": "string",
                },
              },
              "x-total-count": Object {
                "description": "every row the filters match, with \`Prefer: count=exact\`",
                "schema": Object {
                  "type": "integer",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List computers: filter, sort and page",
        "tags": Array [
          "computers",
        ],
      },
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "createComputer",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ComputerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Computer",
                },
              },
            },
            "description": "The computer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
              "location": Object {
                "description": "the new computer's URL",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create a computer (mac unique, compared case-insensitively)",
        "tags": Array [
          "computers",
        ],
      },
    },
    "/api/computers/{id}": Object {
      "delete": Object {
        "description": "Needs the editor role.",
        "operationId": "deleteComputer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a computer",
        "tags": Array [
          "computers",
        ],
      },
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getComputer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "ETags the client holds (or \`*\`): 304 without a body while the row still has one of them",
            "in": "header",
            "name": "if-none-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
          Object {
            "description": "ETags (or \`*\`): 412 when the row has none of them",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Computer",
                },
              },
            },
            "description": "The computer",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "304": Object {
            "description": "Not Modified: the row still has a version If-None-Match names; no body",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Get a computer",
        "tags": Array [
          "computers",
        ],
      },
      "patch": Object {
        "description": "Needs the editor role.",
        "operationId": "updateComputer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ComputerPatch",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Computer",
                },
              },
            },
            "description": "The computer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Change the named fields of a computer (null clears an optional one)",
        "tags": Array [
          "computers",
        ],
      },
      "put": Object {
        "description": "Needs the editor role.",
        "operationId": "replaceComputer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ComputerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Computer",
                },
              },
            },
            "description": "The computer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Replace a computer (optional fields left out become null)",
        "tags": Array [
          "computers",
        ],
      },
    },
    "/api/containers": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listContainers",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "continue after the last row of the previous page (from the Link header)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "maxLength": 4000,
              "type": "string",
            },
          },
          Object {
            "description": "comma-separated fields among id, uuid, description, freezer_id; a leading minus sorts descending; the id always ends the order",
            "in": "query",
            "name": "sort",
            "required": false,
            "schema": Object {
              "maxLength": 500,
              "type": "string",
            },
          },
          Object {
            "description": "id equals",
            "in": "query",
            "name": "id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id differs from",
            "in": "query",
            "name": "id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is less than",
            "in": "query",
            "name": "id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at most",
            "in": "query",
            "name": "id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is greater than",
            "in": "query",
            "name": "id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at least",
            "in": "query",
            "name": "id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is one of these comma-separated values",
            "in": "query",
            "name": "id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "uuid equals",
            "in": "query",
            "name": "uuid",
            "required": false,
            "schema": Object {
              "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
              "type": "string",
            },
          },
          Object {
            "description": "uuid differs from",
            "in": "query",
            "name": "uuid[ne]",
            "required": false,
            "schema": Object {
              "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
              "type": "string",
            },
          },
          Object {
            "description": "uuid is one of these comma-separated values",
            "in": "query",
            "name": "uuid[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "description equals",
            "in": "query",
            "name": "description",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description differs from",
            "in": "query",
            "name": "description[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is less than",
            "in": "query",
            "name": "description[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is at most",
            "in": "query",
            "name": "description[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is greater than",
            "in": "query",
            "name": "description[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is at least",
            "in": "query",
            "name": "description[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is one of these comma-separated values",
            "in": "query",
            "name": "description[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "description contains this text, ignoring case",
            "in": "query",
            "name": "description[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "description is null (true) or is not (false)",
            "in": "query",
            "name": "description[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "freezer_id equals",
            "in": "query",
            "name": "freezer_id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id differs from",
            "in": "query",
            "name": "freezer_id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id is less than",
            "in": "query",
            "name": "freezer_id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id is at most",
            "in": "query",
            "name": "freezer_id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id is greater than",
            "in": "query",
            "name": "freezer_id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id is at least",
            "in": "query",
            "name": "freezer_id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "freezer_id is one of these comma-separated values",
            "in": "query",
            "name": "freezer_id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "\`csv\`: every row the filters match as CSV, like \`Accept: text/csv\`; limit, offset and after do not apply",
            "in": "query",
            "name": "format",
            "required": false,
            "schema": Object {
              "anyOf": Array [
                Object {
                  "enum": Array [
                    "json",
                  ],
                  "type": "string",
                },
                Object {
                  "enum": Array [
                    "csv",
                  ],
                  "type": "string",
                },
              ],
            },
          },
          Object {
            "description": "\`count=exact\` adds X-Total-Count: every row the filters match",
            "in": "header",
            "name": "prefer",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "One page of containers",
                  "items": Object {
                    "$ref": "#/components/schemas/Container",
                  },
                  "type": "array",
                },
              },
            },
            "description": "One page of containers",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while more rows exist",
                "schema": Object {
                  "type": "string",
                },
              },
              "preference-applied": Object {
                "description": "\`count=exact\` when the count was made",
                "schema": Object {
                  "type": "string",
                },
              },
              "x-total-count": Object {
                "description": "every row the filters match, with \`Prefer: count=exact\`",
                "schema": Object {
                  "type": "integer",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List containers: filter, sort and page; as CSV with Accept: text/csv or format=csv",
        "tags": Array [
          "containers",
        ],
      },
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "createContainer",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ContainerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Container",
                },
              },
            },
            "description": "The container as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
              "location": Object {
                "description": "the new container's URL",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create a container",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/containers/{id}": Object {
      "delete": Object {
        "description": "Needs the editor role.",
        "operationId": "deleteContainer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a container that has no containers",
        "tags": Array [
          "containers",
        ],
      },
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getContainer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "ETags the client holds (or \`*\`): 304 without a body while the row still has one of them",
            "in": "header",
            "name": "if-none-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
          Object {
            "description": "ETags (or \`*\`): 412 when the row has none of them",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Container",
                },
              },
            },
            "description": "The container",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "304": Object {
            "description": "Not Modified: the row still has a version If-None-Match names; no body",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Get a container",
        "tags": Array [
          "containers",
        ],
      },
      "patch": Object {
        "description": "Needs the editor role.",
        "operationId": "updateContainer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ContainerPatch",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Container",
                },
              },
            },
            "description": "The container as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Change the named fields of a container (null clears an optional one)",
        "tags": Array [
          "containers",
        ],
      },
      "put": Object {
        "description": "Needs the editor role.",
        "operationId": "replaceContainer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ContainerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Container",
                },
              },
            },
            "description": "The container as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Replace a container (optional fields left out become null; a uuid, parent_id, grid, position and location left out are kept)",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/containers/{id}/history": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getContainerHistory",
        "parameters": Array [
          Object {
            "description": "events per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "only events older than this one (from the Link header of the previous page)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "Events, newest first",
                  "items": Object {
                    "properties": Object {
                      "action": Object {
                        "anyOf": Array [
                          Object {
                            "enum": Array [
                              "created",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "updated",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "moved",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "deleted",
                            ],
                            "type": "string",
                          },
                        ],
                      },
                      "actor": Object {
                        "description": "the user, \`token:<name>\`, or \`sql:<role>\` for a change made by direct SQL",
                        "type": "string",
                      },
                      "at": Object {
                        "format": "date-time",
                        "type": "string",
                      },
                      "changes": Object {
                        "additionalProperties": Object {
                          "properties": Object {
                            "from": Object {},
                            "to": Object {},
                          },
                          "required": Array [
                            "from",
                            "to",
                          ],
                          "type": "object",
                        },
                        "description": "every field that changed: { field: { from, to } }",
                        "type": "object",
                      },
                      "container_id": Object {
                        "maximum": 2147483647,
                        "minimum": 1,
                        "type": "integer",
                      },
                      "container_uuid": Object {
                        "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
                        "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                        "type": "string",
                      },
                      "id": Object {
                        "minimum": 1,
                        "type": "integer",
                      },
                      "request_id": Object {
                        "anyOf": Array [
                          Object {
                            "type": "string",
                          },
                          Object {
                            "type": "null",
                          },
                        ],
                      },
                    },
                    "required": Array [
                      "id",
                      "at",
                      "actor",
                      "action",
                      "changes",
                      "request_id",
                      "container_id",
                      "container_uuid",
                    ],
                    "title": "ContainerEvent",
                    "type": "object",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Events, newest first",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while older events exist",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "A container's history: every creation, change, move and delete, who made it and in which request; also after its delete",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/containers/{id}/layout": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getContainerLayout",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "The grid",
                  "properties": Object {
                    "cells": Object {
                      "description": "every cell of the grid, row by row (A1, A2, …, B1, …)",
                      "items": Object {
                        "properties": Object {
                          "container": Object {
                            "anyOf": Array [
                              Object {
                                "properties": Object {
                                  "description": Object {
                                    "anyOf": Array [
                                      Object {
                                        "type": "string",
                                      },
                                      Object {
                                        "type": "null",
                                      },
                                    ],
                                  },
                                  "id": Object {
                                    "maximum": 2147483647,
                                    "minimum": 1,
                                    "type": "integer",
                                  },
                                  "uuid": Object {
                                    "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
                                    "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                                    "type": "string",
                                  },
                                },
                                "required": Array [
                                  "id",
                                  "uuid",
                                  "description",
                                ],
                                "title": "ContainerRef",
                                "type": "object",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "position": Object {
                            "description": "a cell such as A1 or H12",
                            "pattern": "^[A-Z][1-9][0-9]?$",
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "position",
                          "container",
                        ],
                        "type": "object",
                      },
                      "type": "array",
                    },
                    "cols": Object {
                      "maximum": 99,
                      "minimum": 1,
                      "type": "integer",
                    },
                    "first_free": Object {
                      "anyOf": Array [
                        Object {
                          "description": "a cell such as A1 or H12",
                          "pattern": "^[A-Z][1-9][0-9]?$",
                          "type": "string",
                        },
                        Object {
                          "type": "null",
                        },
                      ],
                    },
                    "free": Object {
                      "minimum": 0,
                      "type": "integer",
                    },
                    "occupied": Object {
                      "minimum": 0,
                      "type": "integer",
                    },
                    "rows": Object {
                      "maximum": 26,
                      "minimum": 1,
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "rows",
                    "cols",
                    "occupied",
                    "free",
                    "first_free",
                    "cells",
                  ],
                  "title": "Layout",
                  "type": "object",
                },
              },
            },
            "description": "The grid",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "A container's grid: every cell, row by row, with its occupant or null",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/containers/{id}/place": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getContainerPlace",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "The place",
                  "properties": Object {
                    "freezer": Object {
                      "properties": Object {
                        "id": Object {
                          "maximum": 2147483647,
                          "minimum": 1,
                          "type": "integer",
                        },
                        "name": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "id",
                        "name",
                      ],
                      "type": "object",
                    },
                    "label": Object {
                      "description": "e.g. \\"Site 1 › -20C › Box 3 › A1\\"",
                      "type": "string",
                    },
                    "path": Object {
                      "description": "the containers it is inside, outermost first",
                      "items": Object {
                        "properties": Object {
                          "description": Object {
                            "anyOf": Array [
                              Object {
                                "type": "string",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "id": Object {
                            "maximum": 2147483647,
                            "minimum": 1,
                            "type": "integer",
                          },
                          "position": Object {
                            "anyOf": Array [
                              Object {
                                "description": "a cell such as A1 or H12",
                                "pattern": "^[A-Z][1-9][0-9]?$",
                                "type": "string",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "uuid": Object {
                            "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
                            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "id",
                          "uuid",
                          "description",
                          "position",
                        ],
                        "type": "object",
                      },
                      "type": "array",
                    },
                    "position": Object {
                      "anyOf": Array [
                        Object {
                          "description": "a cell such as A1 or H12",
                          "pattern": "^[A-Z][1-9][0-9]?$",
                          "type": "string",
                        },
                        Object {
                          "type": "null",
                        },
                      ],
                    },
                    "site": Object {
                      "properties": Object {
                        "id": Object {
                          "maximum": 2147483647,
                          "minimum": 1,
                          "type": "integer",
                        },
                        "name": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "id",
                        "name",
                      ],
                      "type": "object",
                    },
                  },
                  "required": Array [
                    "site",
                    "freezer",
                    "path",
                    "position",
                    "label",
                  ],
                  "title": "Place",
                  "type": "object",
                },
              },
            },
            "description": "The place",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Where a container is: its site, freezer, the containers it is inside and its position, and all of it as one label",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/containers/import": Object {
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "importContainers",
        "parameters": Array [
          Object {
            "description": "true: answer what the file would do, and change nothing",
            "in": "query",
            "name": "dry_run",
            "required": false,
            "schema": Object {
              "default": false,
              "type": "boolean",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "text/csv": Object {
              "schema": Object {
                "description": "a header row naming some of uuid, description, freezer_id, parent_uuid, position, location (id, site, freezer are ignored), then one container a row",
                "type": "string",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "additionalProperties": false,
                  "description": "what every row did (or, on a dry run, would do)",
                  "properties": Object {
                    "applied": Object {
                      "description": "rows that changed a container and were stored (0 on a dry run)",
                      "type": "integer",
                    },
                    "dry_run": Object {
                      "type": "boolean",
                    },
                    "rows": Object {
                      "items": Object {
                        "properties": Object {
                          "action": Object {
                            "anyOf": Array [
                              Object {
                                "enum": Array [
                                  "created",
                                ],
                                "type": "string",
                              },
                              Object {
                                "enum": Array [
                                  "moved",
                                ],
                                "type": "string",
                              },
                              Object {
                                "enum": Array [
                                  "updated",
                                ],
                                "type": "string",
                              },
                              Object {
                                "enum": Array [
                                  "unchanged",
                                ],
                                "type": "string",
                              },
                            ],
                          },
                          "changes": Object {
                            "additionalProperties": Object {
                              "properties": Object {
                                "from": Object {},
                                "to": Object {},
                              },
                              "required": Array [
                                "from",
                                "to",
                              ],
                              "type": "object",
                            },
                            "description": "{ field: { from, to } }, as the history records it",
                            "type": "object",
                          },
                          "id": Object {
                            "anyOf": Array [
                              Object {
                                "description": "null for a container a dry run would create",
                                "type": "integer",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "row": Object {
                            "description": "the data row, from 1 (the header is not counted)",
                            "minimum": 1,
                            "type": "integer",
                          },
                          "uuid": Object {
                            "anyOf": Array [
                              Object {
                                "description": "null for a container a dry run would create without a uuid given",
                                "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                                "type": "string",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                        },
                        "required": Array [
                          "row",
                          "action",
                          "id",
                          "uuid",
                          "changes",
                        ],
                        "type": "object",
                      },
                      "type": "array",
                    },
                  },
                  "required": Array [
                    "dry_run",
                    "applied",
                    "rows",
                  ],
                  "type": "object",
                },
              },
            },
            "description": "what every row did (or, on a dry run, would do)",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create, change and move containers from a CSV file (at most 5 MiB and 50000 rows): all rows or none",
        "tags": Array [
          "containers",
        ],
      },
    },
    "/api/freezers": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listFreezers",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "continue after the last row of the previous page (from the Link header)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "maxLength": 4000,
              "type": "string",
            },
          },
          Object {
            "description": "comma-separated fields among id, name, site_id; a leading minus sorts descending; the id always ends the order",
            "in": "query",
            "name": "sort",
            "required": false,
            "schema": Object {
              "maxLength": 500,
              "type": "string",
            },
          },
          Object {
            "description": "id equals",
            "in": "query",
            "name": "id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id differs from",
            "in": "query",
            "name": "id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is less than",
            "in": "query",
            "name": "id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at most",
            "in": "query",
            "name": "id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is greater than",
            "in": "query",
            "name": "id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at least",
            "in": "query",
            "name": "id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is one of these comma-separated values",
            "in": "query",
            "name": "id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name equals",
            "in": "query",
            "name": "name",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name differs from",
            "in": "query",
            "name": "name[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is less than",
            "in": "query",
            "name": "name[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at most",
            "in": "query",
            "name": "name[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is greater than",
            "in": "query",
            "name": "name[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at least",
            "in": "query",
            "name": "name[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is one of these comma-separated values",
            "in": "query",
            "name": "name[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name contains this text, ignoring case",
            "in": "query",
            "name": "name[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "site_id equals",
            "in": "query",
            "name": "site_id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id differs from",
            "in": "query",
            "name": "site_id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is less than",
            "in": "query",
            "name": "site_id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is at most",
            "in": "query",
            "name": "site_id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is greater than",
            "in": "query",
            "name": "site_id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is at least",
            "in": "query",
            "name": "site_id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "site_id is one of these comma-separated values",
            "in": "query",
            "name": "site_id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "\`count=exact\` adds X-Total-Count: every row the filters match",
            "in": "header",
            "name": "prefer",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "One page of freezers",
                  "items": Object {
                    "$ref": "#/components/schemas/Freezer",
                  },
                  "type": "array",
                },
              },
            },
            "description": "One page of freezers",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while more rows exist",
                "schema": Object {
                  "type": "string",
                },
              },
              "preference-applied": Object {
                "description": "\`count=exact\` when the count was made",
                "schema": Object {
                  "type": "string",
                },
              },
              "x-total-count": Object {
                "description": "every row the filters match, with \`Prefer: count=exact\`",
                "schema": Object {
                  "type": "integer",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List freezers: filter, sort and page",
        "tags": Array [
          "freezers",
        ],
      },
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "createFreezer",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/FreezerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Freezer",
                },
              },
            },
            "description": "The freezer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
              "location": Object {
                "description": "the new freezer's URL",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create a freezer",
        "tags": Array [
          "freezers",
        ],
      },
    },
    "/api/freezers/{id}": Object {
      "delete": Object {
        "description": "Needs the editor role.",
        "operationId": "deleteFreezer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a freezer that has no containers",
        "tags": Array [
          "freezers",
        ],
      },
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getFreezer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "ETags the client holds (or \`*\`): 304 without a body while the row still has one of them",
            "in": "header",
            "name": "if-none-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
          Object {
            "description": "ETags (or \`*\`): 412 when the row has none of them",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Freezer",
                },
              },
            },
            "description": "The freezer",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "304": Object {
            "description": "Not Modified: the row still has a version If-None-Match names; no body",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Get a freezer",
        "tags": Array [
          "freezers",
        ],
      },
      "patch": Object {
        "description": "Needs the editor role.",
        "operationId": "updateFreezer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/FreezerPatch",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Freezer",
                },
              },
            },
            "description": "The freezer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Change the named fields of a freezer (null clears an optional one)",
        "tags": Array [
          "freezers",
        ],
      },
      "put": Object {
        "description": "Needs the editor role.",
        "operationId": "replaceFreezer",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/FreezerInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Freezer",
                },
              },
            },
            "description": "The freezer as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Replace a freezer (optional fields left out become null)",
        "tags": Array [
          "freezers",
        ],
      },
    },
    "/api/freezers/{id}/history": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getFreezerHistory",
        "parameters": Array [
          Object {
            "description": "events per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "only events older than this one (from the Link header of the previous page)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "Events, newest first",
                  "items": Object {
                    "properties": Object {
                      "action": Object {
                        "anyOf": Array [
                          Object {
                            "enum": Array [
                              "created",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "updated",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "moved",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "deleted",
                            ],
                            "type": "string",
                          },
                        ],
                      },
                      "actor": Object {
                        "description": "the user, \`token:<name>\`, or \`sql:<role>\` for a change made by direct SQL",
                        "type": "string",
                      },
                      "at": Object {
                        "format": "date-time",
                        "type": "string",
                      },
                      "changes": Object {
                        "additionalProperties": Object {
                          "properties": Object {
                            "from": Object {},
                            "to": Object {},
                          },
                          "required": Array [
                            "from",
                            "to",
                          ],
                          "type": "object",
                        },
                        "description": "every field that changed: { field: { from, to } }",
                        "type": "object",
                      },
                      "container_id": Object {
                        "maximum": 2147483647,
                        "minimum": 1,
                        "type": "integer",
                      },
                      "container_uuid": Object {
                        "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
                        "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                        "type": "string",
                      },
                      "id": Object {
                        "minimum": 1,
                        "type": "integer",
                      },
                      "request_id": Object {
                        "anyOf": Array [
                          Object {
                            "type": "string",
                          },
                          Object {
                            "type": "null",
                          },
                        ],
                      },
                    },
                    "required": Array [
                      "id",
                      "at",
                      "actor",
                      "action",
                      "changes",
                      "request_id",
                      "container_id",
                      "container_uuid",
                    ],
                    "title": "ContainerEvent",
                    "type": "object",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Events, newest first",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while older events exist",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "What entered and left a freezer: containers created or moved into it, moved out of it or deleted there",
        "tags": Array [
          "freezers",
        ],
      },
    },
    "/api/freezers/{id}/occupancy": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getFreezerOccupancy",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "The occupancy",
                  "properties": Object {
                    "boxes": Object {
                      "description": "the containers of the freezer that have a grid, by id",
                      "items": Object {
                        "properties": Object {
                          "capacity": Object {
                            "minimum": 1,
                            "type": "integer",
                          },
                          "cols": Object {
                            "minimum": 1,
                            "type": "integer",
                          },
                          "description": Object {
                            "anyOf": Array [
                              Object {
                                "type": "string",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "id": Object {
                            "maximum": 2147483647,
                            "minimum": 1,
                            "type": "integer",
                          },
                          "occupied": Object {
                            "minimum": 0,
                            "type": "integer",
                          },
                          "parent_id": Object {
                            "anyOf": Array [
                              Object {
                                "maximum": 2147483647,
                                "minimum": 1,
                                "type": "integer",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "position": Object {
                            "anyOf": Array [
                              Object {
                                "description": "a cell such as A1 or H12",
                                "pattern": "^[A-Z][1-9][0-9]?$",
                                "type": "string",
                              },
                              Object {
                                "type": "null",
                              },
                            ],
                          },
                          "rows": Object {
                            "minimum": 1,
                            "type": "integer",
                          },
                          "uuid": Object {
                            "description": "UUID, e.g. 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01",
                            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "id",
                          "uuid",
                          "description",
                          "parent_id",
                          "position",
                          "rows",
                          "cols",
                          "capacity",
                          "occupied",
                        ],
                        "type": "object",
                      },
                      "type": "array",
                    },
                    "containers": Object {
                      "description": "every container in the freezer, at any depth",
                      "minimum": 0,
                      "type": "integer",
                    },
                    "freezer_id": Object {
                      "maximum": 2147483647,
                      "minimum": 1,
                      "type": "integer",
                    },
                    "levels": Object {
                      "description": "how many sit directly in the freezer (depth 1), inside those (depth 2), and so on",
                      "items": Object {
                        "properties": Object {
                          "containers": Object {
                            "minimum": 1,
                            "type": "integer",
                          },
                          "depth": Object {
                            "minimum": 1,
                            "type": "integer",
                          },
                        },
                        "required": Array [
                          "depth",
                          "containers",
                        ],
                        "type": "object",
                      },
                      "type": "array",
                    },
                  },
                  "required": Array [
                    "freezer_id",
                    "containers",
                    "levels",
                    "boxes",
                  ],
                  "title": "Occupancy",
                  "type": "object",
                },
              },
            },
            "description": "The occupancy",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "How full a freezer is: its containers at every depth, and each box with its capacity and occupied cells",
        "tags": Array [
          "freezers",
        ],
      },
    },
    "/api/instruments": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listInstruments",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Instrument",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Every site's computers and freezers, by site, then kind, then id",
        "tags": Array [
          "instruments",
        ],
      },
    },
    "/api/me": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getMe",
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Me",
                },
              },
            },
            "description": "The user or token making the request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Who is signed in (or whose token this is), with the CSRF token for a session",
        "tags": Array [
          "session",
        ],
      },
    },
    "/api/search": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "search",
        "parameters": Array [
          Object {
            "description": "a piece of a name or description, a whole uuid, or its first 8 hex digits (none: no hits)",
            "in": "query",
            "name": "q",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "hits at most",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 20,
              "maximum": 100,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "uuid matches first, then sites, freezers, computers and containers",
                  "items": Object {
                    "additionalProperties": false,
                    "properties": Object {
                      "id": Object {
                        "maximum": 2147483647,
                        "minimum": 1,
                        "type": "integer",
                      },
                      "kind": Object {
                        "anyOf": Array [
                          Object {
                            "enum": Array [
                              "site",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "freezer",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "computer",
                            ],
                            "type": "string",
                          },
                          Object {
                            "enum": Array [
                              "container",
                            ],
                            "type": "string",
                          },
                        ],
                        "description": "which collection the row is in: /api/<kind>s/<id>",
                      },
                      "label": Object {
                        "description": "a site's, freezer's or computer's name; a container's description, or its uuid's first 8 hex digits",
                        "type": "string",
                      },
                      "place": Object {
                        "anyOf": Array [
                          Object {
                            "description": "where it is: a container's site › freezer › boxes › position, a freezer's or computer's site, a site's address",
                            "type": "string",
                          },
                          Object {
                            "type": "null",
                          },
                        ],
                      },
                    },
                    "required": Array [
                      "kind",
                      "id",
                      "label",
                      "place",
                    ],
                    "type": "object",
                  },
                  "type": "array",
                },
              },
            },
            "description": "uuid matches first, then sites, freezers, computers and containers",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Find sites, freezers and computers by name, containers by description or uuid (whole, or its first 8 hex digits)",
        "tags": Array [
          "search",
        ],
      },
    },
    "/api/session": Object {
      "delete": Object {
        "operationId": "signOut",
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [],
        "summary": "Sign out: the session ends at once, for every service",
        "tags": Array [
          "session",
        ],
      },
      "post": Object {
        "operationId": "signIn",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/SignIn",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Me",
                },
              },
            },
            "description": "Signed in",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "429": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Too Many Requests",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [],
        "summary": "Sign in: starts a session (cookie labtrack_session) and answers who you are, with the CSRF token",
        "tags": Array [
          "session",
        ],
      },
    },
    "/api/sites": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listSites",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "continue after the last row of the previous page (from the Link header)",
            "in": "query",
            "name": "after",
            "required": false,
            "schema": Object {
              "maxLength": 4000,
              "type": "string",
            },
          },
          Object {
            "description": "comma-separated fields among id, name, contact, address, state_or_region, country, postcode_or_zip; a leading minus sorts descending; the id always ends the order",
            "in": "query",
            "name": "sort",
            "required": false,
            "schema": Object {
              "maxLength": 500,
              "type": "string",
            },
          },
          Object {
            "description": "id equals",
            "in": "query",
            "name": "id",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id differs from",
            "in": "query",
            "name": "id[ne]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is less than",
            "in": "query",
            "name": "id[lt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at most",
            "in": "query",
            "name": "id[lte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is greater than",
            "in": "query",
            "name": "id[gt]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is at least",
            "in": "query",
            "name": "id[gte]",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "id is one of these comma-separated values",
            "in": "query",
            "name": "id[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name equals",
            "in": "query",
            "name": "name",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name differs from",
            "in": "query",
            "name": "name[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is less than",
            "in": "query",
            "name": "name[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at most",
            "in": "query",
            "name": "name[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is greater than",
            "in": "query",
            "name": "name[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is at least",
            "in": "query",
            "name": "name[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "name is one of these comma-separated values",
            "in": "query",
            "name": "name[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "name contains this text, ignoring case",
            "in": "query",
            "name": "name[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact equals",
            "in": "query",
            "name": "contact",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact differs from",
            "in": "query",
            "name": "contact[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is less than",
            "in": "query",
            "name": "contact[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is at most",
            "in": "query",
            "name": "contact[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is greater than",
            "in": "query",
            "name": "contact[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is at least",
            "in": "query",
            "name": "contact[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is one of these comma-separated values",
            "in": "query",
            "name": "contact[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "contact contains this text, ignoring case",
            "in": "query",
            "name": "contact[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "contact is null (true) or is not (false)",
            "in": "query",
            "name": "contact[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "address equals",
            "in": "query",
            "name": "address",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address differs from",
            "in": "query",
            "name": "address[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is less than",
            "in": "query",
            "name": "address[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is at most",
            "in": "query",
            "name": "address[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is greater than",
            "in": "query",
            "name": "address[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is at least",
            "in": "query",
            "name": "address[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is one of these comma-separated values",
            "in": "query",
            "name": "address[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "address contains this text, ignoring case",
            "in": "query",
            "name": "address[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "address is null (true) or is not (false)",
            "in": "query",
            "name": "address[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "state_or_region equals",
            "in": "query",
            "name": "state_or_region",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region differs from",
            "in": "query",
            "name": "state_or_region[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is less than",
            "in": "query",
            "name": "state_or_region[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is at most",
            "in": "query",
            "name": "state_or_region[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is greater than",
            "in": "query",
            "name": "state_or_region[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is at least",
            "in": "query",
            "name": "state_or_region[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is one of these comma-separated values",
            "in": "query",
            "name": "state_or_region[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region contains this text, ignoring case",
            "in": "query",
            "name": "state_or_region[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "state_or_region is null (true) or is not (false)",
            "in": "query",
            "name": "state_or_region[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "country equals",
            "in": "query",
            "name": "country",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country differs from",
            "in": "query",
            "name": "country[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is less than",
            "in": "query",
            "name": "country[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is at most",
            "in": "query",
            "name": "country[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is greater than",
            "in": "query",
            "name": "country[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is at least",
            "in": "query",
            "name": "country[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is one of these comma-separated values",
            "in": "query",
            "name": "country[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "country contains this text, ignoring case",
            "in": "query",
            "name": "country[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "country is null (true) or is not (false)",
            "in": "query",
            "name": "country[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "postcode_or_zip equals",
            "in": "query",
            "name": "postcode_or_zip",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip differs from",
            "in": "query",
            "name": "postcode_or_zip[ne]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is less than",
            "in": "query",
            "name": "postcode_or_zip[lt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is at most",
            "in": "query",
            "name": "postcode_or_zip[lte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is greater than",
            "in": "query",
            "name": "postcode_or_zip[gt]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is at least",
            "in": "query",
            "name": "postcode_or_zip[gte]",
            "required": false,
            "schema": Object {
              "maxLength": 2000,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is one of these comma-separated values",
            "in": "query",
            "name": "postcode_or_zip[in]",
            "required": false,
            "schema": Object {
              "maxLength": 20000,
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip contains this text, ignoring case",
            "in": "query",
            "name": "postcode_or_zip[contains]",
            "required": false,
            "schema": Object {
              "maxLength": 200,
              "minLength": 1,
              "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
              "type": "string",
            },
          },
          Object {
            "description": "postcode_or_zip is null (true) or is not (false)",
            "in": "query",
            "name": "postcode_or_zip[null]",
            "required": false,
            "schema": Object {
              "type": "boolean",
            },
          },
          Object {
            "description": "\`count=exact\` adds X-Total-Count: every row the filters match",
            "in": "header",
            "name": "prefer",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "description": "One page of sites",
                  "items": Object {
                    "$ref": "#/components/schemas/Site",
                  },
                  "type": "array",
                },
              },
            },
            "description": "One page of sites",
            "headers": Object {
              "link": Object {
                "description": "\`<…>; rel=\\"next\\"\` while more rows exist",
                "schema": Object {
                  "type": "string",
                },
              },
              "preference-applied": Object {
                "description": "\`count=exact\` when the count was made",
                "schema": Object {
                  "type": "string",
                },
              },
              "x-total-count": Object {
                "description": "every row the filters match, with \`Prefer: count=exact\`",
                "schema": Object {
                  "type": "integer",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List sites: filter, sort and page",
        "tags": Array [
          "sites",
        ],
      },
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "createSite",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/SiteInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "The site as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
              "location": Object {
                "description": "the new site's URL",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create a site",
        "tags": Array [
          "sites",
        ],
      },
    },
    "/api/sites/{id}": Object {
      "delete": Object {
        "description": "Needs the editor role.",
        "operationId": "deleteSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a site that has no freezers or computers",
        "tags": Array [
          "sites",
        ],
      },
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "getSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "ETags the client holds (or \`*\`): 304 without a body while the row still has one of them",
            "in": "header",
            "name": "if-none-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
          Object {
            "description": "ETags (or \`*\`): 412 when the row has none of them",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "The site",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "304": Object {
            "description": "Not Modified: the row still has a version If-None-Match names; no body",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Get a site",
        "tags": Array [
          "sites",
        ],
      },
      "patch": Object {
        "description": "Needs the editor role.",
        "operationId": "updateSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/SitePatch",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "The site as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Change the named fields of a site (null clears an optional one)",
        "tags": Array [
          "sites",
        ],
      },
      "put": Object {
        "description": "Needs the editor role.",
        "operationId": "replaceSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "the ETag the row was read with (or \`*\`): 412, and nothing written, when the row has changed since",
            "in": "header",
            "name": "if-match",
            "required": false,
            "schema": Object {
              "type": "string",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/SiteInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "The site as stored",
            "headers": Object {
              "etag": Object {
                "description": "the row's version: send it back in If-Match to write only if nobody changed the row since",
                "schema": Object {
                  "type": "string",
                },
              },
            },
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "412": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Precondition Failed",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Replace a site (optional fields left out become null)",
        "tags": Array [
          "sites",
        ],
      },
    },
    "/api/sites/{id}/instruments": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "listSiteInstruments",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Instrument",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "One site's computers and freezers",
        "tags": Array [
          "instruments",
        ],
      },
    },
    "/api/tokens": Object {
      "get": Object {
        "description": "Needs the admin role.",
        "operationId": "listTokens",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/ApiToken",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List API tokens (revoked ones too), by name; never their secrets",
        "tags": Array [
          "tokens",
        ],
      },
      "post": Object {
        "description": "Needs the admin role.",
        "operationId": "createToken",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/ApiTokenInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/NewApiToken",
                },
              },
            },
            "description": "The token, with its secret",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "422": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unprocessable Content",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create an API token; its secret is in this answer only",
        "tags": Array [
          "tokens",
        ],
      },
    },
    "/api/tokens/{id}": Object {
      "delete": Object {
        "description": "Needs the admin role.",
        "operationId": "revokeToken",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Revoke an API token: refused at once by every service; it stays listed with revoked_at",
        "tags": Array [
          "tokens",
        ],
      },
    },
    "/api/users": Object {
      "get": Object {
        "description": "Needs the admin role.",
        "operationId": "listUsers",
        "parameters": Array [
          Object {
            "description": "rows per page",
            "in": "query",
            "name": "limit",
            "required": false,
            "schema": Object {
              "default": 100,
              "maximum": 1000,
              "minimum": 1,
              "type": "integer",
            },
          },
          Object {
            "description": "rows to skip (default 0); kept for older clients, \`after\` is faster on deep pages",
            "in": "query",
            "name": "offset",
            "required": false,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/User",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "List users, by name",
        "tags": Array [
          "users",
        ],
      },
      "post": Object {
        "description": "Needs the admin role.",
        "operationId": "createUser",
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/UserInput",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/User",
                },
              },
            },
            "description": "The user; Location says where",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Add a user",
        "tags": Array [
          "users",
        ],
      },
    },
    "/api/users/{id}": Object {
      "delete": Object {
        "description": "Needs the admin role.",
        "operationId": "deleteUser",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a user, with their sessions and tokens (not the last admin)",
        "tags": Array [
          "users",
        ],
      },
      "patch": Object {
        "description": "Needs the admin role.",
        "operationId": "updateUser",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "$ref": "#/components/schemas/UserPatch",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/User",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Change a user's role or password (a new password ends the user's sessions)",
        "tags": Array [
          "users",
        ],
      },
    },
    "/instruments": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "seedListInstruments",
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Instrument",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "All instruments (seed URL and keys)",
        "tags": Array [
          "seed-compatible",
        ],
      },
    },
    "/instruments/{offset}/{limit}": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "seedListInstrumentsPage",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "offset",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "0 means all rows",
            "in": "path",
            "name": "limit",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Instrument",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "A page of instruments (seed URL and keys; limit 0 = all)",
        "tags": Array [
          "seed-compatible",
        ],
      },
    },
    "/site/{id}": Object {
      "delete": Object {
        "description": "Needs the editor role.",
        "operationId": "seedDeleteSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "204": Object {
            "description": "No Content",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "409": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Conflict",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Delete a site (seed URL)",
        "tags": Array [
          "seed-compatible",
        ],
      },
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "seedGetSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "404": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Not Found",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "One site (seed URL)",
        "tags": Array [
          "seed-compatible",
        ],
      },
      "post": Object {
        "description": "Needs the editor role.",
        "operationId": "seedPutSite",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "id",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 1,
              "type": "integer",
            },
          },
        ],
        "requestBody": Object {
          "content": Object {
            "application/json": Object {
              "schema": Object {
                "properties": Object {
                  "address": Object {
                    "anyOf": Array [
                      Object {
                        "maxLength": 2000,
                        "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "contact": Object {
                    "anyOf": Array [
                      Object {
                        "maxLength": 2000,
                        "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "country": Object {
                    "anyOf": Array [
                      Object {
                        "maxLength": 2000,
                        "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "name": Object {
                    "maxLength": 200,
                    "minLength": 1,
                    "pattern": "^\\\\s*[^\\\\s\\\\u0000\\\\uD800-\\\\uDFFF][^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                    "type": "string",
                  },
                  "postcode_or_zip": Object {
                    "anyOf": Array [
                      Object {
                        "anyOf": Array [
                          Object {
                            "maxLength": 2000,
                            "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                            "type": "string",
                          },
                          Object {
                            "maximum": 9007199254740991,
                            "minimum": 0,
                            "type": "integer",
                          },
                        ],
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "state_or_region": Object {
                    "anyOf": Array [
                      Object {
                        "maxLength": 2000,
                        "pattern": "^[^\\\\u0000\\\\uD800-\\\\uDFFF]*$",
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                },
                "required": Array [
                  "name",
                ],
                "type": "object",
              },
            },
          },
          "required": true,
        },
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "Default Response",
          },
          "201": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Site",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "413": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Content Too Large",
          },
          "415": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unsupported Media Type",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "Create or replace the site with this id (seed URL; the URL id wins over any id in the body)",
        "tags": Array [
          "seed-compatible",
        ],
      },
    },
    "/sites": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "seedListSites",
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Site",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "All sites (seed URL)",
        "tags": Array [
          "seed-compatible",
        ],
      },
    },
    "/sites/{offset}/{limit}": Object {
      "get": Object {
        "description": "Needs a signed-in user or an API token (any role).",
        "operationId": "seedListSitesPage",
        "parameters": Array [
          Object {
            "in": "path",
            "name": "offset",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
          Object {
            "description": "0 means all rows",
            "in": "path",
            "name": "limit",
            "required": true,
            "schema": Object {
              "maximum": 2147483647,
              "minimum": 0,
              "type": "integer",
            },
          },
        ],
        "responses": Object {
          "200": Object {
            "content": Object {
              "application/json": Object {
                "schema": Object {
                  "items": Object {
                    "$ref": "#/components/schemas/Site",
                  },
                  "type": "array",
                },
              },
            },
            "description": "Default Response",
          },
          "400": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Bad Request",
          },
          "401": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Unauthorized",
          },
          "403": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Forbidden",
          },
          "503": Object {
            "content": Object {
              "application/problem+json": Object {
                "schema": Object {
                  "$ref": "#/components/schemas/Problem",
                },
              },
            },
            "description": "Service Unavailable",
          },
        },
        "security": Array [
          Object {
            "bearer": Array [],
          },
          Object {
            "session": Array [],
          },
        ],
        "summary": "A page of sites (seed URL; limit 0 = all)",
        "tags": Array [
          "seed-compatible",
        ],
      },
    },
  },
  "servers": Array [
    Object {
      "description": "the labtrack gateway that served this document",
      "url": "/",
    },
  ],
}
`
