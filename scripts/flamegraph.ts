import { readFile, writeFile } from 'node:fs/promises'

// A flame graph of a V8 .cpuprofile (node --cpu-prof) as an SVG picture, and
// the functions with the most time of their own. Each frame's width is its
// samples (its own and its callees'); callers below, callees above. Frames
// narrower than a pixel are left out. No dependency, no network.

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

const WIDTH = 1200
const ROW = 16

function label({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const file = url.replace(/^.*\/(node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?)?/, '').split('?')[0]
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function render(profile: { nodes: ProfileNode[] }, title: string) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const total = new Map<number, number>()
  const sum = (id: number): number => {
    const node = byId.get(id) as ProfileNode
    const value = (node.hitCount ?? 0) + (node.children ?? []).reduce((s, child) => s + sum(child), 0)
    total.set(id, value)
    return value
  }
  const root = profile.nodes[0] as ProfileNode
  const all = sum(root.id)
  const rects: string[] = []
  let depthMax = 0
  const place = (id: number, x: number, depth: number) => {
    const node = byId.get(id) as ProfileNode
    const width = ((total.get(id) as number) / all) * WIDTH
    if (width < 1) return
    depthMax = Math.max(depthMax, depth)
    const name = label(node.callFrame)
    const share = (((total.get(id) as number) / all) * 100).toFixed(1)
    const hue = /node_modules|node:/.test(node.callFrame.url) ? 30 : node.callFrame.url ? 200 : 0
    rects.push(
      `<g><title>${xml(name)} (${share} %)</title><rect x="${x.toFixed(1)}" y="${depth}" width="${width.toFixed(1)}" height="${ROW - 1}" fill="hsl(${hue},70%,${60 + (id % 5) * 4}%)"/>` +
        (width > 40
          ? `<text x="${(x + 3).toFixed(1)}" y="${depth}" dy="11">${xml(name.slice(0, Math.floor(width / 6.5)))}</text>`
          : '') +
        '</g>',
    )
    let offset = x
    for (const child of node.children ?? []) {
      place(child, offset, depth + ROW)
      offset += ((total.get(child) as number) / all) * WIDTH
    }
  }
  place(root.id, 0, 0)
  const height = depthMax + ROW + 30
  // Callers at the bottom: flip the rows.
  const flipped = rects.map((rect) => rect.replace(/y="(\d+)"/g, (_, y) => `y="${height - 10 - Number(y) - ROW}"`))
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace" font-size="11">
<rect width="100%" height="100%" fill="white"/><text x="4" y="14" font-size="13">${xml(title)} (${all} samples; hover a frame for its name)</text>
${flipped.join('\n')}
</svg>
`
  const self = new Map<string, number>()
  for (const node of profile.nodes) self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + (node.hitCount ?? 0))
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, hits]): [string, number] => [name, (hits / all) * 100])
  // Who calls the busiest frames (idle and the collector aside): the callers' share of those samples.
  const parent = new Map<number, ProfileNode>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node)
  const callers: string[] = []
  for (const [name] of top.filter(([name]) => !name.startsWith('(')).slice(0, 3)) {
    const counts = new Map<string, number>()
    for (const node of profile.nodes.filter((n) => label(n.callFrame) === name)) {
      let up = parent.get(node.id)
      const chain: string[] = []
      while (up && chain.length < 6) {
        chain.push(label(up.callFrame))
        up = parent.get(up.id)
      }
      counts.set(chain.join(' < '), (counts.get(chain.join(' < ')) ?? 0) + (node.hitCount ?? 0))
    }
    const [chain, hits] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number]
    callers.push(`${name}, ${((hits / all) * 100).toFixed(1)} % from: ${chain}`)
  }
  return { svg, top, callers }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output, title = input] = process.argv.slice(2) as [string, string, string?]
  const { svg, top, callers } = render(JSON.parse(await readFile(input, 'utf8')), title)
  await writeFile(output, svg)
  for (const [name, share] of top) console.log(`${share.toFixed(1).padStart(5)} %  ${name}`)
  console.log(callers.join('\n'))
}
