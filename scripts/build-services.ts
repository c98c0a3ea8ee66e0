import { buildProductionBundles, productionBundles } from '../packages/launcher/src/build-services.js'

// The last step of `pnpm build` (and the images' build): the services and the
// migrate job compiled to JavaScript, each bundle rebuilt only when what it is made of changed.
console.log(`labtrack: ${await buildProductionBundles(await productionBundles())}`)
