import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'

/**
 * Serves the built UI (the same files nginx serves in the stack): assets by
 * path, and index.html for the UI's own routes so reload and deep links work.
 */
export const webUi = fp<{ root: string }>(
  async (app, { root }) => {
    // In a context of its own, so only the static files' routes are made open.
    await app.register(async (files) => {
      files.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' }
      })
      await files.register(fastifyStatic, {
        root,
        wildcard: true,
        index: 'index.html',
        setHeaders: (res, path) =>
          res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      })
    })
  },
  { name: 'labtrack-web-ui' },
)
