// No schema of CloudNativePG's Cluster is on npm, and its CRD is not vendored
// here: this is a JSON Schema of the fields deploy/kubernetes uses, written
// from CloudNativePG's API reference (postgresql.cnpg.io/v1, ClusterSpec),
// each level closed (additionalProperties: false), so a misspelt or unknown
// field fails as the operator's CRD validation would refuse it. A field added
// to the Cluster must be added here, from that reference.
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$' }
const resourceList = { type: 'object', additionalProperties: false, properties: { cpu: quantity, memory: quantity } }
const strings = { type: 'array', items: { type: 'string', minLength: 1 } }

export const CLUSTER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'postgresql.cnpg.io/v1' },
    kind: { const: 'Cluster' },
    metadata: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }, namespace: { type: 'string' } },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['instances', 'storage'],
      properties: {
        instances: { type: 'integer', minimum: 1 },
        imageName: { type: 'string', minLength: 1 },
        primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
        bootstrap: {
          type: 'object',
          additionalProperties: false,
          properties: {
            initdb: {
              type: 'object',
              additionalProperties: false,
              properties: {
                database: { type: 'string', minLength: 1 },
                owner: { type: 'string', minLength: 1 },
                postInitSQL: strings,
              },
            },
          },
        },
        postgresql: {
          type: 'object',
          additionalProperties: false,
          properties: {
            parameters: { type: 'object', additionalProperties: { type: 'string' } },
            synchronous: {
              type: 'object',
              additionalProperties: false,
              required: ['method', 'number'],
              properties: { method: { enum: ['any', 'first'] }, number: { type: 'integer', minimum: 1 } },
            },
          },
        },
        affinity: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enablePodAntiAffinity: { type: 'boolean' },
            topologyKey: { type: 'string' },
            podAntiAffinityType: { enum: ['preferred', 'required'] },
          },
        },
        resources: {
          type: 'object',
          additionalProperties: false,
          properties: { requests: resourceList, limits: resourceList },
        },
        storage: {
          type: 'object',
          additionalProperties: false,
          required: ['size'],
          properties: { size: quantity, storageClass: { type: 'string' } },
        },
      },
    },
  },
} as const
