import { join } from 'node:path'
import type { OutputTarget, ProcessSpec } from './child.js'
import { writeStackNginxConfig } from './nginx-config.js'
import type { StackOutput } from './output.js'
import { SERVICE_HOST, type StackPlan } from './plan.js'

/** Renders the gateway's configuration for the plan's ports (every replica in its service's upstream) into its run folder; the path of nginx.conf. */
export function writeGatewayConfig(plan: StackPlan): Promise<string> {
  const { host, gatewayPort, servicePorts, runDir, staticRoot } = plan
  return writeStackNginxConfig({
    runDir,
    values: {
      LISTEN: `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${gatewayPort}`,
      WEB_ROOT: staticRoot,
      SITE_UPSTREAM: servicePorts.site.map((port) => `${SERVICE_HOST}:${port}`),
      INVENTORY_UPSTREAM: servicePorts.inventory.map((port) => `${SERVICE_HOST}:${port}`),
      COMPUTER_UPSTREAM: servicePorts.computer.map((port) => `${SERVICE_HOST}:${port}`),
    },
  })
}

/** nginx in the foreground on `configFile`; its error log is its stderr, its access log /dev/stdout (`stdout`). */
export function nginxSpec(plan: StackPlan, configFile: string, stdout: OutputTarget, output: StackOutput): ProcessSpec {
  return {
    name: 'nginx',
    command: plan.nginxBinary,
    args: ['-p', plan.runDir, '-c', configFile, '-e', 'stderr'],
    cwd: plan.runDir,
    env: process.env,
    stdout,
    stderr: output.stderr,
    // SIGQUIT: graceful, it finishes the requests it is serving.
    stopSignal: 'SIGQUIT',
    stopTimeoutMs: 10_000,
  }
}

/** Where nginx's stdout goes when the launcher's is a socket (see reopenableStdout). */
export const nginxFifo = (plan: StackPlan) => join(plan.runDir, 'nginx.stdout')
