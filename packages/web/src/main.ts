// Entry point: wires the status area, the routes and the router.

import { SITES } from './paths.js'
import { navigate, route, startRouter } from './router.js'
import { initStatus } from './status.js'
import { computerDetailView } from './views/computer-detail.js'
import { computerEditView, computerNewView } from './views/computer-form.js'
import { computerListView } from './views/computer-list.js'
import { containerDetailView } from './views/container-detail.js'
import { containerEditView, containerNewView } from './views/container-form.js'
import { containerListView } from './views/container-list.js'
import { containerLookupView } from './views/container-lookup.js'
import { freezerDetailView } from './views/freezer-detail.js'
import { freezerEditView, freezerNewView } from './views/freezer-form.js'
import { freezerListView } from './views/freezer-list.js'
import { instrumentListView } from './views/instrument-list.js'
import { errorView, notFoundView } from './views/page.js'
import { siteDetailView } from './views/site-detail.js'
import { siteEditView, siteNewView } from './views/site-form.js'
import { siteListView } from './views/site-list.js'

route('/', () => navigate(SITES, { replace: true }))
route(SITES, siteListView)
route(`${SITES}/new`, siteNewView)
route(`${SITES}/:id`, siteDetailView)
route(`${SITES}/:id/edit`, siteEditView)
route('/lab-instruments', instrumentListView)
route('/freezers', freezerListView)
route('/freezers/new', freezerNewView)
route('/freezers/:id', freezerDetailView)
route('/freezers/:id/edit', freezerEditView)
route('/containers', containerListView)
route('/containers/new', containerNewView)
route('/containers/lookup', containerLookupView)
route('/containers/:id', containerDetailView)
route('/containers/:id/edit', containerEditView)
route('/computers', computerListView)
route('/computers/new', computerNewView)
route('/computers/:id', computerDetailView)
route('/computers/:id/edit', computerEditView)
// The brief's /sites… paths, when reached inside the app (the server answers them with the seed's JSON).
route('/sites', (ctx) => navigate(SITES + ctx.url.search, { replace: true }))
route('/sites/:rest', (ctx) => navigate(`${SITES}/${ctx.params.rest}${ctx.url.search}`, { replace: true }))
route('/sites/:id/edit', (ctx) => navigate(`${SITES}/${ctx.params.id}/edit`, { replace: true }))

function boot(): void {
  const main = document.getElementById('main')
  const status = document.getElementById('status')
  if (!main || !status) throw new Error('index.html lacks #main or #status')
  initStatus(status)
  startRouter({ main, notFound: notFoundView, error: errorView })
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true })
else boot()
