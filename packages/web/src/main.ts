// Entry point: wires the status area, the routes (each with the role it
// needs), who is signed in, and the router.

import { loadCurrentUser } from './account.js'
import { initFindBox } from './find-box.js'
import { paths, SITES } from './paths.js'
import { navigate, route, startRouter, type View } from './router.js'
import { initSessionHeader } from './session-header.js'
import { initStatus } from './status.js'
import { computerDetailView } from './views/computer-detail.js'
import { computerEditView, computerNewView } from './views/computer-form.js'
import { computerListView } from './views/computer-list.js'
import { containerDetailView } from './views/container-detail.js'
import { containerEditView, containerNewView } from './views/container-form.js'
import { containerImportView } from './views/container-import.js'
import { containerListView } from './views/container-list.js'
import { containerLookupView } from './views/container-lookup.js'
import { findResultsView } from './views/find-results.js'
import { freezerDetailView } from './views/freezer-detail.js'
import { freezerEditView, freezerNewView } from './views/freezer-form.js'
import { freezerListView } from './views/freezer-list.js'
import { instrumentListView } from './views/instrument-list.js'
import { errorView, notFoundView } from './views/page.js'
import { needsRole } from './views/role-guard.js'
import { signInView } from './views/sign-in.js'
import { siteDetailView } from './views/site-detail.js'
import { siteEditView, siteNewView } from './views/site-form.js'
import { siteListView } from './views/site-list.js'
import { tokenListView } from './views/token-list.js'
import { tokenNewView } from './views/token-new.js'
import { userDetailView } from './views/user-detail.js'
import { userListView } from './views/user-list.js'
import { userNewView } from './views/user-new.js'

const editor = (view: View) => needsRole('editor', view)
const admin = (view: View) => needsRole('admin', view)

route('/', () => navigate(SITES, { replace: true }))
route(SITES, siteListView)
route(paths.signIn(), signInView)
route(`${SITES}/new`, editor(siteNewView))
route(`${SITES}/:id`, siteDetailView)
route(`${SITES}/:id/edit`, editor(siteEditView))
route('/lab-instruments', instrumentListView)
route('/freezers', freezerListView)
route('/freezers/new', editor(freezerNewView))
route('/freezers/:id', freezerDetailView)
route('/freezers/:id/edit', editor(freezerEditView))
route('/containers', containerListView)
route('/containers/new', editor(containerNewView))
route('/containers/lookup', containerLookupView)
route(paths.importContainers, editor(containerImportView))
route(paths.find(), findResultsView)
route('/containers/:id', containerDetailView)
route('/containers/:id/edit', editor(containerEditView))
route('/computers', computerListView)
route('/computers/new', editor(computerNewView))
route('/computers/:id', computerDetailView)
route('/computers/:id/edit', editor(computerEditView))
route(paths.users, admin(userListView))
route(paths.newUser, admin(userNewView))
route('/admin/users/:id', admin(userDetailView))
route(paths.tokens, admin(tokenListView))
route(paths.newToken, admin(tokenNewView))
// The brief's /sites… paths, when reached inside the app (the server answers them with the seed's JSON).
route('/sites', (ctx) => navigate(SITES + ctx.url.search, { replace: true }))
route('/sites/:rest', (ctx) => navigate(`${SITES}/${ctx.params.rest}${ctx.url.search}`, { replace: true }))
route('/sites/:id/edit', (ctx) => navigate(`${SITES}/${ctx.params.id}/edit`, { replace: true }))

async function boot(): Promise<void> {
  const main = document.getElementById('main')
  const status = document.getElementById('status')
  const session = document.getElementById('session')
  const navList = document.querySelector<HTMLElement>('.main-nav ul')
  const find = document.getElementById('find-form')
  if (!main || !status || !session || !navList || !(find instanceof HTMLFormElement)) {
    throw new Error('index.html lacks #main, #status, #session, #find-form or the nav list')
  }
  initStatus(status)
  initFindBox(find)
  // Who is signed in decides which controls the first page shows.
  await loadCurrentUser().catch(() => null)
  initSessionHeader(session, navList)
  startRouter({ main, notFound: notFoundView, error: errorView })
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot(), { once: true })
else void boot()
