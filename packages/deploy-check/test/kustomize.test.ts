import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { build, configMapHash, KustomizeError, merge } from '../src/kustomize.js'

// The renderer on small kustomizations of its own: what it does with each
// field it supports, and that it refuses what it does not.

async function tree(t: Test, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-kustomize-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  return dir
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox
      containers:
        - name: web
          image: web:1.0
          env:
            - name: A
              value: "1"
            - name: B
              valueFrom:
                configMapKeyRef:
                  name: settings
                  key: b
          envFrom:
            - configMapRef:
                name: settings
            - secretRef:
                name: other
      volumes:
        - name: files
          configMap:
            name: settings
        - name: scratch
          emptyDir: {}
---
`

t.test('resources, a generated ConfigMap, a patch, the namespace and the images, as kustomize applies them', async (t) => {
  const dir = await tree(t, {
    'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ../settings\n',
    'base/deployment.yaml': deployment,
    'settings/kustomization.yaml': 'configMapGenerator:\n  - name: settings\n    files:\n      - conf/b.txt\n',
    'settings/conf/b.txt': 'x < y & z\n',
    'overlay/kustomization.yaml': `namespace: prod
resources:
  - ../base
  - service.yaml
  - job.yaml
patches:
  - path: patch.yaml
images:
  - name: web
    newName: registry.example.com/web
    newTag: "2.0"
  - name: busybox
    digest: sha256:abc
  - name: registry.example.com:5000/job
    newName: registry.example.com:5000/labtrack/job
`,
    'overlay/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: []\n',
    'overlay/job.yaml':
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      containers:\n        - name: job\n          image: registry.example.com:5000/job:7\n',
    'overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - name: A
              value: "2"
            - name: C
              value: "3"
        - name: sidecar
          image: side
      volumes:
        - name: scratch
          emptyDir:
            medium: Memory
`,
  })
  const objects = await build(join(dir, 'overlay'))
  const hash = configMapHash('settings', { 'b.txt': 'x < y & z\n' })
  t.same(
    objects.map(({ kind, metadata }) => `${kind} ${metadata.namespace}/${metadata.name}`),
    ['Deployment prod/web', `ConfigMap prod/settings-${hash}`, 'Service prod/web', 'Job prod/once'],
  )
  t.same((objects[3] as unknown as { spec: { template: { spec: unknown } } }).spec.template.spec, {
    containers: [{ name: 'job', image: 'registry.example.com:5000/labtrack/job:7' }],
  })
  const spec = (objects[0] as unknown as { spec: { template: { spec: Record<string, unknown> } } }).spec.template.spec
  t.same(spec.initContainers, [{ name: 'wait', image: 'busybox@sha256:abc' }])
  t.same(spec.containers, [
    {
      name: 'web',
      image: 'registry.example.com/web:2.0',
      env: [
        { name: 'A', value: '2' },
        { name: 'B', valueFrom: { configMapKeyRef: { name: `settings-${hash}`, key: 'b' } } },
        { name: 'C', value: '3' },
      ],
      envFrom: [{ configMapRef: { name: `settings-${hash}` } }, { secretRef: { name: 'other' } }],
    },
    { name: 'sidecar', image: 'side' },
  ])
  t.same(spec.volumes, [
    { name: 'files', configMap: { name: `settings-${hash}` } },
    { name: 'scratch', emptyDir: { medium: 'Memory' } },
  ])
})

t.test('the hash is kustomize’s: ten characters of the content’s SHA-256, some letters swapped', async (t) => {
  t.match(configMapHash('a', { k: 'v' }), /^[a-z0-9]{10}$/)
  t.not(configMapHash('a', { k: 'v' }), configMapHash('a', { k: 'w' }))
  t.equal(configMapHash('a', { x: '1', y: '2' }), configMapHash('a', { y: '2', x: '1' }), 'keys in order')
  t.notMatch(configMapHash('b', { k: '<&>' }), /[013ae]/)
})

t.test('a strategic merge: maps merge, null deletes, lists without a merge key are replaced', async (t) => {
  t.same(merge({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }), { a: 1, b: { d: 3, e: 4 } })
  t.same(merge({ args: ['a', 'b'] }, { args: ['c'] }), { args: ['c'] })
  t.same(merge({ ports: [{ containerPort: 1, name: 'a' }] }, { ports: [{ containerPort: 1, name: 'b' }] }), {
    ports: [{ containerPort: 1, name: 'b' }],
  })
  t.same(merge({ env: 'not a list' }, { env: [{ name: 'A' }] }), { env: [{ name: 'A' }] })
  t.same(merge('old', { a: 1 }), { a: 1 })
})

t.test('what it does not render, it refuses', async (t) => {
  const refused = async (files: Record<string, string>, message: RegExp) =>
    t.rejects(build(join(await tree(t, files), 'k')), { name: KustomizeError.name, message })
  await refused({ 'k/kustomization.yaml': 'commonLabels:\n  a: b\n' }, /commonLabels not supported/)
  await refused(
    { 'k/kustomization.yaml': 'resources:\n  - a.yaml\n  - a.yaml\n', 'k/a.yaml': deployment },
    /Deployment \/web is there twice/,
  )
  await refused(
    {
      'k/kustomization.yaml': 'resources:\n  - a.yaml\npatches:\n  - path: p.yaml\n',
      'k/a.yaml': deployment,
      'k/p.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    },
    /no Service web to patch/,
  )
  await refused(
    { 'k/kustomization.yaml': 'resources:\n  - a.yaml\n', 'k/a.yaml': 'kind: Service\nmetadata:\n  name: x\n' },
    /needs apiVersion/,
  )
  await refused({ 'k/kustomization.yaml': 'resources:\n  - a.yaml\n', 'k/a.yaml': 'a: [\n' }, /a\.yaml: /)
  t.rejects(build(join(await tree(t, { 'k/kustomization.yaml': 'resources:\n  - missing.yaml\n' }), 'k')), { code: 'ENOENT' })
})
