/**
 * The store's door: the contract (./types.ts), `openStorage` that picks the engine from the
 * environment, and the two engines for callers (tests, tools) that open one directly.
 */
export * from './types.js'
export { DEFAULT_DB, openStorage, redactUrl, type StorageEnv } from './open.js'
export { SqliteStorage } from './sqlite.js'
export { PostgresStorage } from './postgres.js'
export { SCHEMA_VERSION } from './migrations.js'
