import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GATEWAY_TEMPLATE, GATEWAY_VARIABLES, renderTemplate } from '@labtrack/launcher/nginx-config'
import { SERVICES } from '@labtrack/launcher/services'
import { ConfigSchema, createApp, loadConfig } from '@labtrack/service-kit'
import Ajv from 'ajv'
import t from 'tap'
import ts from 'typescript'
import { parse } from 'yaml'
import { build, type KObject, podSpec } from '../src/kustomize.js'
import { CLUSTER_SCHEMA } from './cnpg-cluster-schema.js'

// deploy/kubernetes cannot be applied here (no cluster), so this checks
// offline what `kubectl apply -k` would send: every object of the base and of
// each overlay, rendered as kustomize would (src/kustomize.ts), is valid
// against the Kubernetes API schemas (kubernetes-models: its JSON Schemas at
// run time, its type declarations for unknown fields) or, for CloudNativePG's
// Cluster, against cnpg-cluster-schema.ts; and the manifests agree with the
// code they deploy: names, ports, probes and environment with the services,
// the upstreams with the rendered nginx template, the migrate job with the
// production compose file, the secrets with the README, and the network
// policies allow exactly what the README says.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const KUBERNETES = join(ROOT, 'deploy/kubernetes')
const NAMESPACE = 'labtrack'
const SERVICE_NAMES = SERVICES.map(({ name }) => name)
const COMPONENTS = [...SERVICE_NAMES, 'gateway']
const COMPOSE = parse(await readFile(join(ROOT, 'docker-compose.prod.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; environment?: Record<string, unknown> }>
}
const README = await readFile(join(ROOT, 'README.md'), 'utf8')
const TEMPLATE = await readFile(GATEWAY_TEMPLATE, 'utf8')

interface Overlay {
  name: string
  app: KObject[]
  migrate: KObject[]
}
const OVERLAYS: Overlay[] = []
for (const name of ['external-database', 'cloudnativepg']) {
  const dir = join(KUBERNETES, 'overlays', name)
  OVERLAYS.push({ name, app: await build(dir), migrate: await build(join(dir, 'migrate')) })
}
const BASE = await build(join(KUBERNETES, 'base'))
const CNPG_DATABASE = await build(join(KUBERNETES, 'overlays/cloudnativepg/database'))

type Container = {
  name: string
  image: string
  ports?: { name?: string; containerPort: number }[]
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[]
  envFrom?: { configMapRef?: { name: string } }[]
  readinessProbe?: { httpGet?: { path: string; port: string | number } }
  livenessProbe?: { httpGet?: { path: string; port: string | number } }
  startupProbe?: { httpGet?: { path: string; port: string | number } }
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  securityContext?: Record<string, unknown>
  volumeMounts?: { name: string; mountPath: string }[]
  command?: unknown
  args?: unknown
}
type Labels = Record<string, string>

// The fields read below, loosely: what an object holds is the schemas' to check (first test).
// biome-ignore lint/suspicious/noExplicitAny: a manifest as parsed YAML
type Loose = KObject & Record<string, any>
const find = (objects: KObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name) as Loose
const containersOf = (object: KObject) => (podSpec(object)?.containers ?? []) as Container[]
const podLabels = (object: KObject) =>
  ((object.spec as { template: { metadata: { labels: Labels } } }).template.metadata.labels ?? {}) as Labels
const selects = (selector: Labels, labels: Labels) => Object.entries(selector).every(([key, value]) => labels[key] === value)
const containerPort = (container: Container) => container.ports?.find((port) => port.name === 'http')?.containerPort

t.test('every object is valid against the Kubernetes API schemas', async (t) => {
  const all = new Map<string, KObject>()
  for (const objects of [BASE, CNPG_DATABASE, ...OVERLAYS.flatMap(({ app, migrate }) => [app, migrate])]) {
    for (const object of objects) all.set(JSON.stringify(object), object)
  }
  const ajv = new Ajv.default({ allErrors: true })
  const validateCluster = ajv.compile(CLUSTER_SCHEMA)
  const builtIn: KObject[] = []
  for (const object of all.values()) {
    const what = `${object.kind} ${object.metadata.name}`
    if (object.apiVersion === 'postgresql.cnpg.io/v1') {
      t.ok(validateCluster(object), `${what}: ${ajv.errorsText(validateCluster.errors)}`)
      continue
    }
    const models = await import(`kubernetes-models/${object.apiVersion}`)
    const Model = models[object.kind]
    t.ok(Model, `${what}: a kind of ${object.apiVersion}`)
    t.doesNotThrow(() => new Model(object).validate(), what)
    builtIn.push(object)
  }
  // The JSON Schemas of kubernetes-models leave unknown fields alone (the API
  // server refuses them); its type declarations do not: each object as an
  // object literal of its type, whose excess properties TypeScript reports.
  t.same(typeErrors(builtIn), [], 'no unknown or ill-typed field')
  const misspelt = { ...BASE.find(({ kind }) => kind === 'Service'), spec: { selectr: {} } } as KObject
  t.match(typeErrors([misspelt]), [/Service site: .*selectr.* does not exist/], 'a misspelt field is caught')
  t.same(
    [...new Set([...all.values()].map(({ kind }) => kind))].sort(),
    ['Cluster', 'ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Job', 'NetworkPolicy', 'PodDisruptionBudget', 'Service'],
    'no Secret is ever committed: each is referenced, and created by hand (README)',
  )
})

function typeErrors(objects: KObject[]): string[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), '__manifests__.ts')
  const source = objects
    .map((object, index) => {
      const module = object.apiVersion.includes('/') ? object.apiVersion : `v1`
      return `import type { I${object.kind} as T${index} } from 'kubernetes-models/${module}/${object.kind}'\nexport const o${index}: T${index} = ${JSON.stringify(object)}`
    })
    .join('\n')
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (name, ...rest) =>
    name === file ? ts.createSourceFile(name, source, ts.ScriptTarget.ES2022) : getSourceFile(name, ...rest)
  host.fileExists = (name) => name === file || fileExists(name)
  host.readFile = (name) => (name === file ? source : readFile(name))
  const program = ts.createProgram([file], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0
    const object = objects[Math.floor(line / 2)] as KObject
    return `${object.kind} ${object.metadata.name}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })
}

t.test('the images are those the compose files build, each overlay pinning one version', async (t) => {
  for (const component of [...COMPONENTS, 'migrate']) {
    const composeImage = COMPOSE.services[component]?.image
    const image = [...BASE, ...(await build(join(KUBERNETES, 'migrate')))]
      .flatMap((object) => containersOf(object))
      .find((container) => container.name === component)?.image
    t.equal(image, composeImage, `${component}: ${composeImage}`)
  }
  for (const { name, app, migrate } of OVERLAYS) {
    const images = [...app, ...migrate].flatMap((object) => containersOf(object)).map(({ image }) => image)
    t.equal(images.length, COMPONENTS.length + 1, `${name}: one container per component and the job`)
    const tags = new Set(images.map((image) => image.split(':').at(-1)))
    t.equal(tags.size, 1, `${name}: one version for the application and its migrate job (${[...tags].join(', ')})`)
    t.notOk(
      images.some((image) => !image.includes('/') || !image.includes(':')),
      `${name}: every image from a registry, by version`,
    )
  }
})

t.test('each service: Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler agree with its code', async (t) => {
  const configKeys = Object.keys(ConfigSchema.properties)
  for (const { name: overlay, app } of OVERLAYS) {
    for (const { name, plugin, defaultPort } of SERVICES) {
      const label = `${overlay}: ${name}`
      const deployment = find(app, 'Deployment', name)
      const [container, ...others] = containersOf(deployment)
      t.equal(others.length, 0, `${label}: one container`)
      if (!container) continue
      t.equal(container.name, name)
      t.equal(containerPort(container), defaultPort, `${label}: listens on its default port`)
      // The environment as the process gets it: env, then each ConfigMap of envFrom.
      const env: Record<string, string> = {}
      for (const source of container.envFrom ?? []) {
        Object.assign(env, find(app, 'ConfigMap', source.configMapRef?.name as string)?.data)
      }
      for (const variable of container.env ?? []) {
        env[variable.name] = variable.value ?? `postgres://from-secret:x@db:5432/${variable.valueFrom?.secretKeyRef?.key}`
      }
      t.same(
        Object.keys(env).filter((key) => !configKeys.includes(key)),
        [],
        `${label}: sets only variables the services read (service-kit's config.ts)`,
      )
      const database = container.env?.find((variable) => variable.name === 'DATABASE_URL')
      t.same(
        database?.valueFrom?.secretKeyRef,
        { name: 'labtrack-database', key: 'app-url' },
        `${label}: DATABASE_URL from a Secret`,
      )
      const config = loadConfig(env, { PORT: defaultPort })
      t.equal(config.PORT, defaultPort, `${label}: PORT`)
      t.equal(config.HOST, '0.0.0.0', `${label}: HOST, reachable from other pods`)
      const metrics = container.ports?.find((port) => port.name === 'metrics')?.containerPort
      t.ok(metrics !== undefined && metrics !== defaultPort, `${label}: a metrics port of its own`)
      t.equal(config.METRICS_PORT, metrics, `${label}: METRICS_PORT is the container's metrics port`)

      // The probes name the paths the service answers: liveness without the
      // database, readiness only with it (here there is none).
      const app_ = await createApp({ databaseUrl: 'postgres://probe@127.0.0.1:1/none', services: [plugin] })
      t.teardown(() => app_.close())
      for (const [probe, status] of [
        ['livenessProbe', 200],
        ['startupProbe', 200],
        ['readinessProbe', 503],
      ] as const) {
        const get = container[probe]?.httpGet
        t.ok(get?.port === 'http' || get?.port === defaultPort, `${label}: ${probe} on the service's port`)
        const response = await app_.inject({ method: 'GET', url: get?.path ?? '/none' })
        t.equal(response.statusCode, status, `${label}: ${probe} ${get?.path} answers ${status} without a database`)
      }
      t.equal(container.readinessProbe?.httpGet?.path, '/readyz')
      t.equal(container.livenessProbe?.httpGet?.path, '/healthz')

      const labels = podLabels(deployment)
      t.ok(selects(deployment.spec.selector.matchLabels, labels), `${label}: the Deployment selects its pods`)
      t.notOk('replicas' in deployment.spec, `${label}: the replica count is the autoscaler's`)
      const service = find(app, 'Service', name)
      t.ok(selects(service.spec.selector, labels), `${label}: the Service selects its pods`)
      t.same(service.spec.ports, [{ name: 'http', port: defaultPort, targetPort: 'http' }], `${label}: the Service's port`)
      const budget = find(app, 'PodDisruptionBudget', name)
      t.ok(selects(budget.spec.selector.matchLabels, labels), `${label}: a disruption budget for its pods`)
      const autoscaler = find(app, 'HorizontalPodAutoscaler', name)
      t.same(autoscaler.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name })
      t.ok(autoscaler.spec.minReplicas >= 2, `${label}: two pods at least`)
    }
  }
})

/** `ENV NAME=value …` of a Dockerfile, continued lines joined. */
function dockerfileEnv(dockerfile: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [, body] of dockerfile.replace(/\\\n/g, ' ').matchAll(/^ENV\s+(.*)$/gm)) {
    for (const [, name, quoted, plain] of (body as string).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
      env[name as string] = quoted ?? (plain as string)
    }
  }
  return env
}

t.test('the gateway: the one nginx template, rendered by the image with upstreams that are the Services', async (t) => {
  const imageEnv = dockerfileEnv(await readFile(join(ROOT, 'nginx/Dockerfile'), 'utf8'))
  for (const { name: overlay, app } of OVERLAYS) {
    const deployment = find(app, 'Deployment', 'gateway')
    const [container] = containersOf(deployment)
    if (!container) throw new Error(`${overlay}: no gateway container`)
    const volumes = podSpec(deployment)?.volumes as { name: string; configMap?: { name: string } }[]
    const mount = container.volumeMounts?.find(({ mountPath }) => mountPath === '/etc/nginx/templates')
    const templateMap = find(app, 'ConfigMap', volumes.find(({ name }) => name === mount?.name)?.configMap?.name as string)
    t.same(
      templateMap?.data,
      { 'labtrack.conf.template': TEMPLATE },
      `${overlay}: the templates folder is nginx/labtrack.conf.template, byte for byte`,
    )
    t.match(
      templateMap.metadata.name,
      /^labtrack-gateway-template-[a-z0-9]{10}$/,
      'named by its content, so a change rolls the gateway',
    )
    t.ok(
      container.volumeMounts?.some(({ mountPath }) => mountPath === '/etc/nginx/conf.d'),
      `${overlay}: a writable conf.d for the rendered file`,
    )
    const settings: Record<string, string> = {}
    for (const source of container.envFrom ?? [])
      Object.assign(settings, find(app, 'ConfigMap', source.configMapRef?.name as string)?.data)
    t.same(
      Object.keys(settings).filter((name) => !(GATEWAY_VARIABLES as readonly string[]).includes(name)),
      [],
      `${overlay}: the gateway's settings are template variables`,
    )
    const rendered = renderTemplate(TEMPLATE, { ...imageEnv, ...settings })
    t.same(
      [...rendered.matchAll(/^\s*listen (\S+)[ ;]/gm)].map(([, listen]) => listen),
      [String(containerPort(container))],
      `${overlay}: nginx listens on the container's port`,
    )
    const gatewayService = find(app, 'Service', 'gateway')
    t.same(gatewayService.spec.ports, [{ name: 'http', port: 80, targetPort: 'http' }])
    t.equal(container.readinessProbe?.httpGet?.path, '/healthz')
    t.ok(rendered.includes(`location = ${container.livenessProbe?.httpGet?.path} {`), "the probes' path is the template's own")
    const upstreams = Object.fromEntries(
      [...rendered.matchAll(/upstream labtrack_(\w+) \{\s*(?:zone \S+ \S+;\s*)?server ([^:;\s]+):(\d+)[ ;]/g)].map(
        ([, service, host, port]) => [service, `${host}:${port}`],
      ),
    )
    const expected = Object.fromEntries(
      SERVICES.map(({ name, defaultPort }) => [name, `${find(app, 'Service', name).metadata.name}:${defaultPort}`]),
    )
    t.same(upstreams, expected, `${overlay}: each upstream is its service's Service name and port`)
    const budget = find(app, 'PodDisruptionBudget', 'gateway')
    t.ok(selects(budget.spec.selector.matchLabels, podLabels(deployment)))
    t.equal(find(app, 'HorizontalPodAutoscaler', 'gateway').spec.scaleTargetRef.name, 'gateway')
  }
})

t.test('every container runs non-root on a read-only root, with requests and limits', async (t) => {
  for (const { name: overlay, app, migrate } of OVERLAYS) {
    for (const object of [...app, ...migrate]) {
      const spec = podSpec(object)
      if (!spec) continue
      const pod = (spec.securityContext ?? {}) as { runAsUser?: number }
      t.equal(spec.automountServiceAccountToken, false, `${overlay}: ${object.metadata.name} has no API token`)
      t.ok(
        Number.isInteger(pod.runAsUser) && (pod.runAsUser as number) > 0,
        `${overlay}: ${object.metadata.name} runs as a numbered user`,
      )
      const volumes = (spec.volumes as { name: string }[]).map(({ name }) => name)
      for (const container of containersOf(object)) {
        const label = `${overlay}: ${object.metadata.name}/${container.name}`
        t.match(
          container.securityContext,
          {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
          `${label}: locked down`,
        )
        t.notOk((container.securityContext?.capabilities as { add?: unknown } | undefined)?.add, `${label}: adds no capability`)
        for (const kind of ['requests', 'limits'] as const) {
          t.ok(container.resources?.[kind]?.cpu && container.resources[kind].memory, `${label}: cpu and memory ${kind}`)
        }
        t.ok(
          container.volumeMounts?.some(({ mountPath }) => mountPath === '/tmp'),
          `${label}: a writable /tmp`,
        )
        for (const mount of container.volumeMounts ?? []) t.ok(volumes.includes(mount.name), `${label}: volume ${mount.name}`)
      }
    }
  }
})

t.test("the migrate job: the compose file's migrate, applied on its own before the services", async (t) => {
  const composeEnv = Object.keys(COMPOSE.services.migrate?.environment ?? {}).sort()
  const secrets: [string, string][] = []
  for (const { name: overlay, app, migrate } of OVERLAYS) {
    t.same(
      app.filter(({ kind }) => kind === 'Job'),
      [],
      `${overlay}: the application has no Job: it rolls out after`,
    )
    t.same(
      migrate.filter(({ kind }) => kind === 'Deployment'),
      [],
      `${overlay}: the migrate step starts no service`,
    )
    const job = find(migrate, 'Job', 'labtrack-migrate')
    const [container] = containersOf(job)
    t.equal(podSpec(job)?.restartPolicy, 'Never')
    t.notOk(container?.command ?? container?.args, `${overlay}: the image's own command, labtrack setup`)
    t.same(container?.env?.map(({ name }) => name).sort(), composeEnv, `${overlay}: the environment of compose's migrate`)
    const serviceEnv = containersOf(find(app, 'Deployment', 'site'))[0]?.env ?? []
    for (const variable of [...(container?.env ?? []), ...serviceEnv]) {
      const ref = variable.valueFrom?.secretKeyRef
      if (variable.name !== 'PORT') t.ok(ref, `${overlay}: ${variable.name} from a Secret`)
      if (ref) secrets.push([ref.name, ref.key])
    }
  }
  // Every Secret a manifest names is one the README says how to create (or, for
  // the CloudNativePG cluster's, that its operator creates).
  const cluster = find(CNPG_DATABASE, 'Cluster', 'labtrack-db')
  // Commands continued over lines (a backslash at the end), as one line each.
  const commands = README.replace(/\\\n\s*/g, ' ')
  for (const [name, key] of secrets) {
    if (name === `${cluster.metadata.name}-app`) {
      t.equal(key, 'uri', 'the owner URL the operator writes into <cluster>-app')
      continue
    }
    const create = new RegExp(`kubectl (-n \\S+ )?create secret generic ${name} [^\\n]*--from-literal=${key}=`)
    t.ok(create.test(commands), `README creates ${name} with ${key}`)
  }
  const { database } = cluster.spec.bootstrap.initdb
  t.ok(
    README.includes(`@${cluster.metadata.name}-rw:5432/${database}"`),
    "README's services URL is the cluster's primary and database",
  )
})

// ---- Network policies -------------------------------------------------------
// A small evaluator of NetworkPolicy (networking.k8s.io/v1) for the peers that
// matter: pods of the namespace (from the pod templates, and CloudNativePG's
// instances), pods of other namespaces, and addresses outside the cluster.

interface Peer {
  name: string
  namespace?: string
  namespaceLabels?: Labels
  labels?: Labels
  ip?: string
  ports?: Record<string, number>
}
type Selector = { matchLabels?: Labels; matchExpressions?: { key: string; operator: string; values?: string[] }[] }
type PolicyPeer = { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: { cidr: string; except?: string[] } }
type Rule = { ports?: { port?: number | string; protocol?: string }[]; from?: PolicyPeer[]; to?: PolicyPeer[] }
type Policy = KObject & {
  spec: { podSelector: Selector; policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] }
}

function matches(selector: Selector, labels: Labels = {}): boolean {
  return (
    selects(selector.matchLabels ?? {}, labels) &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) =>
      operator === 'In' ? values.includes(labels[key] as string) : operator === 'Exists' ? key in labels : false,
    )
  )
}

function inCidr(ip: string, cidr: string): boolean {
  const toNumber = (address: string) => address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0)
  const [base = '', bits = '32'] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  return Math.floor(toNumber(ip) / size) === Math.floor(toNumber(base) / size)
}

function peerMatches(rulePeer: PolicyPeer, peer: Peer): boolean {
  if (rulePeer.ipBlock) {
    return (
      !peer.namespace &&
      !!peer.ip &&
      inCidr(peer.ip, rulePeer.ipBlock.cidr) &&
      !(rulePeer.ipBlock.except ?? []).some((cidr) => inCidr(peer.ip as string, cidr))
    )
  }
  if (!peer.namespace) return false
  const namespaceOk = rulePeer.namespaceSelector
    ? matches(rulePeer.namespaceSelector, peer.namespaceLabels)
    : peer.namespace === NAMESPACE
  return namespaceOk && (!rulePeer.podSelector || matches(rulePeer.podSelector, peer.labels))
}

function ruleAllows(rule: Rule, peer: Peer, destination: Peer, port: number, protocol: string, direction: 'from' | 'to') {
  const peers = rule[direction]
  const peerOk = !peers || peers.length === 0 || peers.some((rulePeer) => peerMatches(rulePeer, peer))
  const portOk =
    !rule.ports ||
    rule.ports.length === 0 ||
    rule.ports.some(
      (rulePort) =>
        (rulePort.protocol ?? 'TCP') === protocol &&
        (rulePort.port === undefined ||
          rulePort.port === port ||
          (typeof rulePort.port === 'string' && destination.ports?.[rulePort.port] === port)),
    )
  return peerOk && portOk
}

/** Whether `from` may open a connection to `to` on `port`, under `policies`. */
function allowed(policies: Policy[], from: Peer, to: Peer, port: number, protocol = 'TCP'): boolean {
  const side = (pod: Peer, type: 'Ingress' | 'Egress') => {
    if (pod.namespace !== NAMESPACE) return true
    const applying = policies.filter(
      ({ spec }) =>
        matches(spec.podSelector, pod.labels) &&
        (spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress'])).includes(type),
    )
    if (applying.length === 0) return true
    return applying.some(({ spec }) =>
      type === 'Ingress'
        ? (spec.ingress ?? []).some((rule) => ruleAllows(rule, from, to, port, protocol, 'from'))
        : (spec.egress ?? []).some((rule) => ruleAllows(rule, to, to, port, protocol, 'to')),
    )
  }
  return side(from, 'Egress') && side(to, 'Ingress')
}

t.test(
  'the network policies: default deny; the gateway alone reaches the services; the services and the job alone reach PostgreSQL',
  async (t) => {
    const ours = { namespace: NAMESPACE, namespaceLabels: { 'kubernetes.io/metadata.name': NAMESPACE } }
    const outside: Peer = { name: 'a client outside the cluster', ip: '198.51.100.7' }
    const apiServer: Peer = { name: 'the Kubernetes API', ip: '10.96.0.1' }
    const dns: Peer = {
      name: 'kube-dns',
      namespace: 'kube-system',
      namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
      labels: { 'k8s-app': 'kube-dns' },
    }
    const operator: Peer = {
      name: 'the CloudNativePG operator',
      namespace: 'cnpg-system',
      namespaceLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' },
      labels: { 'app.kubernetes.io/name': 'cloudnative-pg' },
    }
    const stranger: Peer = { name: 'a pod of another application', ...ours, labels: { app: 'other' } }
    const monitoring = { namespace: 'monitoring', namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }
    const prometheus: Peer = { name: 'Prometheus', ...monitoring, labels: { 'app.kubernetes.io/name': 'prometheus' } }
    const grafana: Peer = {
      name: 'another pod of the monitoring namespace',
      ...monitoring,
      labels: { 'app.kubernetes.io/name': 'grafana' },
    }
    for (const { name: overlay, app, migrate } of OVERLAYS) {
      const objects = [...app, ...migrate]
      const policies = [
        ...new Map(objects.filter(({ kind }) => kind === 'NetworkPolicy').map((p) => [p.metadata.name, p])).values(),
      ] as Policy[]
      const pods: Record<string, Peer> = {}
      for (const object of objects) {
        if (!podSpec(object)) continue
        const ports = Object.fromEntries(
          containersOf(object).flatMap(({ ports = [] }) => ports.map(({ name = '', containerPort }) => [name, containerPort])),
        )
        const component = podLabels(object)['app.kubernetes.io/component'] as string
        pods[component] = { name: component, ...ours, labels: podLabels(object), ports }
      }
      const cluster = app.find(({ kind }) => kind === 'Cluster')
      const database: Peer = cluster
        ? { name: 'PostgreSQL', ...ours, labels: { 'cnpg.io/cluster': cluster.metadata.name }, ports: { postgresql: 5432 } }
        : { name: 'PostgreSQL', ip: '203.0.113.10' }
      const portOf = (peer: Peer) => peer.ports?.http ?? 5432
      const peers = [...Object.values(pods), database, outside, dns, operator, stranger, prometheus, grafana]
      // Who may connect to `to`: anyone, when it is ours (its ingress decides);
      // else the namespace's own pods, whose egress is all that is ours to limit.
      const reaching = (to: Peer, port = portOf(to)) =>
        peers
          .filter((from) => from !== to && (to.namespace === NAMESPACE || from.namespace === NAMESPACE))
          .filter((from) => allowed(policies, from, to, port))
          .map(({ name }) => name)
          .sort()

      for (const pod of [...Object.values(pods), ...(cluster ? [database] : [])]) {
        t.ok(
          policies.some(
            ({ spec }) =>
              matches(spec.podSelector, pod.labels) && !spec.ingress && !spec.egress && spec.policyTypes?.length === 2,
          ),
          `${overlay}: ${pod.name} is under the default deny`,
        )
        t.ok(allowed(policies, pod, dns, 53, 'UDP'), `${overlay}: ${pod.name} may ask the DNS`)
      }
      const gateway = pods.gateway as Peer
      t.same(
        reaching(gateway),
        peers
          .filter(({ namespace }) => namespace !== NAMESPACE)
          .map(({ name }) => name)
          .sort(),
        `${overlay}: the gateway takes connections from outside the namespace (clients, an Ingress controller), not from its own pods`,
      )
      for (const service of SERVICE_NAMES) {
        const pod = pods[service] as Peer
        t.same(reaching(pod), ['gateway'], `${overlay}: only the gateway reaches ${service} on ${portOf(pod)}`)
        t.same(
          reaching(pod, pod.ports?.metrics),
          ['Prometheus'],
          `${overlay}: only Prometheus reaches ${service}'s metrics on ${pod.ports?.metrics}`,
        )
        t.notOk(allowed(policies, pod, outside, 443), `${overlay}: ${service} reaches nothing outside`)
        for (const other of SERVICE_NAMES.filter((name) => name !== service)) {
          t.notOk(allowed(policies, gateway, pod, portOf(pods[other] as Peer)), `${overlay}: not ${service} on ${other}'s port`)
        }
      }
      t.same(
        reaching(database),
        [...SERVICE_NAMES, 'migrate', ...(cluster ? [operator.name] : [])].sort(),
        `${overlay}: only the services and the migrate job reach PostgreSQL (and, in the cluster, its operator)`,
      )
      if (cluster) {
        t.ok(allowed(policies, operator, database, 8000), `${overlay}: the operator reaches the instance manager`)
        t.ok(allowed(policies, { ...database, name: 'a replica' }, database, 5432), `${overlay}: the instances replicate`)
        t.ok(allowed(policies, database, apiServer, 443), `${overlay}: the instance manager reports to the Kubernetes API`)
        t.notOk(allowed(policies, gateway, apiServer, 443), `${overlay}: the gateway does not`)
      }
    }
  },
)
