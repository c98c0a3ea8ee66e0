// A QR code as an SVG element, made in the page by the bundled `qrcode`
// package (nothing fetched): one <path> of dark modules, drawn with
// attributes only (the Content-Security-Policy forbids inline styles).

import { create } from 'qrcode'

const SVG = 'http://www.w3.org/2000/svg'
/** The light border a reader needs around the code, in modules. */
const QUIET_ZONE = 4

/** The QR code of `text`, labelled for assistive technology by `label`. */
export function qrCode(text: string, label: string): SVGSVGElement {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const size = modules.size + 2 * QUIET_ZONE
  let d = ''
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`
    }
  }
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`)
  svg.setAttribute('class', 'qr')
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('shape-rendering', 'crispEdges')
  const background = document.createElementNS(SVG, 'rect')
  background.setAttribute('width', String(size))
  background.setAttribute('height', String(size))
  background.setAttribute('fill', '#fff')
  const dark = document.createElementNS(SVG, 'path')
  dark.setAttribute('d', d)
  dark.setAttribute('fill', '#000')
  svg.append(background, dark)
  return svg
}
