export * from './first-admin.js'
export * from './queryable.js'
export * from './run.js'
export * from './setup.js'
