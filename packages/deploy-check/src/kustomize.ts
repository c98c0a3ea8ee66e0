import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'

// What `kubectl apply -k` (kustomize) would send for deploy/kubernetes, built
// here without kustomize (a Go program, not on npm). Only the subset the
// manifests use is implemented, and a kustomization that asks for anything
// else is refused rather than rendered differently:
//   - resources: YAML files (several documents each) and folders holding a
//     kustomization.yaml, built recursively, in order;
//   - configMapGenerator: `name` and `files` (key = the file's name), the name
//     suffixed with kustomize's content hash, and references to it rewritten in
//     pod templates (volumes, envFrom, env valueFrom) at every level above;
//   - patches: `path` of a strategic-merge patch, its target found by kind and
//     name; maps merge, null deletes, lists of containers, initContainers, env,
//     volumes (by name), volumeMounts (by mountPath) and ports (by
//     containerPort) merge by that key, every other list is replaced;
//   - namespace: set on every object;
//   - images: name, newName, newTag, digest, on the containers and init
//     containers of pod templates.
// Transformers run as kustomize runs them: patches, then namespace, then images.

export interface KObject {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace?: string; [key: string]: unknown }
  [key: string]: unknown
}

interface Image {
  name: string
  newName?: string
  newTag?: string
  digest?: string
}

interface Kustomization {
  resources?: string[]
  namespace?: string
  images?: Image[]
  patches?: { path: string }[]
  configMapGenerator?: { name: string; files: string[] }[]
}

const FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches', 'configMapGenerator'])
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
}

export class KustomizeError extends Error {
  override readonly name = 'KustomizeError'
}

interface Built {
  objects: KObject[]
  /** Generated ConfigMaps: the name they were given → the name with its hash. */
  renamed: Map<string, string>
}

/** The objects `kustomize build dir` would print, in its resource order. */
export async function build(dir: string): Promise<KObject[]> {
  return (await buildDir(resolve(dir))).objects
}

async function buildDir(dir: string): Promise<Built> {
  const file = join(dir, 'kustomization.yaml')
  const kustomization = parse(await readFile(file, 'utf8')) as Kustomization
  const unknown = Object.keys(kustomization).filter((key) => !FIELDS.has(key))
  if (unknown.length > 0) throw new KustomizeError(`${file}: ${unknown.join(', ')} not supported by this renderer`)

  const objects: KObject[] = []
  const renamed = new Map<string, string>()
  const add = (object: KObject, from: string) => {
    if (objects.some((other) => id(other) === id(object))) throw new KustomizeError(`${from}: ${id(object)} is there twice`)
    objects.push(object)
  }
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource)
    if ((await stat(path)).isDirectory()) {
      const child = await buildDir(path)
      for (const object of child.objects) add(object, path)
      for (const [from, to] of child.renamed) renamed.set(from, to)
    } else {
      for (const object of await readObjects(path)) add(object, path)
    }
  }
  for (const { name, files } of kustomization.configMapGenerator ?? []) {
    const data: Record<string, string> = {}
    for (const path of files) data[basename(path)] = await readFile(join(dir, path), 'utf8')
    const hashed = `${name}-${configMapHash(name, data)}`
    renamed.set(name, hashed)
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: hashed }, data }, file)
  }
  for (const { path } of kustomization.patches ?? []) {
    for (const patch of await readObjects(join(dir, path))) {
      const index = objects.findIndex((object) => object.kind === patch.kind && object.metadata.name === patch.metadata.name)
      if (index < 0) throw new KustomizeError(`${join(dir, path)}: no ${patch.kind} ${patch.metadata.name} to patch`)
      objects[index] = merge(objects[index], patch) as KObject
    }
  }
  for (const object of objects) {
    if (kustomization.namespace) object.metadata.namespace = kustomization.namespace
    for (const container of podContainers(object)) container.image = newImage(container.image as string, kustomization.images)
    renameReferences(object, renamed)
  }
  return { objects, renamed }
}

async function readObjects(path: string): Promise<KObject[]> {
  const documents = parseAllDocuments(await readFile(path, 'utf8'))
  const objects: KObject[] = []
  for (const document of documents) {
    if (document.errors.length > 0) throw new KustomizeError(`${path}: ${document.errors[0]?.message}`)
    const object = document.toJS() as KObject | null
    if (object === null) continue
    if (!object.apiVersion || !object.kind || !object.metadata?.name) {
      throw new KustomizeError(`${path}: every object needs apiVersion, kind and metadata.name`)
    }
    objects.push(object)
  }
  return objects
}

const id = (object: KObject) => `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`

/** A strategic merge of `patch` into `target` (the subset described above). */
export function merge(target: unknown, patch: unknown, key = ''): unknown {
  if (Array.isArray(patch)) {
    const mergeKey = MERGE_KEYS[key]
    if (!mergeKey || !Array.isArray(target)) return patch
    const merged = [...target] as Record<string, unknown>[]
    for (const item of patch as Record<string, unknown>[]) {
      const index = merged.findIndex((existing) => existing[mergeKey] === item[mergeKey])
      if (index < 0) merged.push(item)
      else merged[index] = merge(merged[index], item) as Record<string, unknown>
    }
    return merged
  }
  if (isMap(patch) && isMap(target)) {
    const merged: Record<string, unknown> = { ...target }
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) delete merged[name]
      else merged[name] = merge(merged[name], value, name)
    }
    return merged
  }
  return patch
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The pod spec of a Deployment, Job… (any object with spec.template.spec), or undefined. */
export function podSpec(object: KObject): Record<string, unknown> | undefined {
  return (object.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template?.spec
}

function podContainers(object: KObject): Record<string, unknown>[] {
  const spec = podSpec(object)
  return [...((spec?.initContainers as []) ?? []), ...((spec?.containers as []) ?? [])]
}

function newImage(image: string, images: Image[] = []): string {
  // name[:tag][@digest]; a registry's port (host:5000/name) is part of the name.
  const [, name, tag] = /^(.+?)((?::[^:/@]+)?(?:@.+)?)$/.exec(image) as unknown as [string, string, string]
  const entry = images.find((candidate) => candidate.name === name)
  if (!entry) return image
  const suffix = entry.digest ? `@${entry.digest}` : entry.newTag ? `:${entry.newTag}` : tag
  return `${entry.newName ?? name}${suffix}`
}

function renameReferences(object: KObject, renamed: Map<string, string>) {
  const spec = podSpec(object)
  if (!spec) return
  const rename = (holder: { name?: string } | undefined) => {
    const to = holder?.name && renamed.get(holder.name)
    if (to) (holder as { name: string }).name = to
  }
  for (const volume of (spec.volumes as { configMap?: { name?: string } }[]) ?? []) rename(volume.configMap)
  for (const container of podContainers(object)) {
    for (const source of (container.envFrom as { configMapRef?: { name?: string } }[]) ?? []) rename(source.configMapRef)
    for (const variable of (container.env as { valueFrom?: { configMapKeyRef?: { name?: string } } }[]) ?? []) {
      rename(variable.valueFrom?.configMapKeyRef)
    }
  }
}

/**
 * kustomize's name suffix for a generated ConfigMap (its hasher): the SHA-256
 * of Go's json.Marshal of {data, kind, name} (keys sorted; <, > and & escaped),
 * its first 10 hex digits with 0, 1, 3, a and e swapped for g, h, k, m and t.
 */
export function configMapHash(name: string, data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)))
  const json = JSON.stringify({ data: sorted, kind: 'ConfigMap', name }).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  const hex = createHash('sha256').update(json).digest('hex').slice(0, 10)
  return hex.replace(/[013ae]/g, (digit) => ({ 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' })[digit] as string)
}
