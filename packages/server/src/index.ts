// @stationkeeper/server: HTTP API, SQLite store and job runner. See docs/api.md.
export { buildServer, startServer, DEFAULT_BODY_LIMIT, DEFAULT_WEB_DIST, VERSION, type Server, type BuildOptions } from './app.js';
export { ConfigError, isLoopbackHost, tokenRequired, TOKEN_ENV, MIN_TOKEN_LENGTH, type ServerConfig } from './config.js';
export { openDatabase, databasePath, migrate, DATABASE_FILE, type Db } from './store/db.js';
export { MIGRATIONS, type Migration } from './store/migrations.js';
export { ElementStore, epochKey, type IngestReport, type IngestOptions, type StoredElementSet } from './store/elementStore.js';
export { JobStore, INTERRUPTED_BY_RESTART, type JobRecord, type JobStatus } from './store/jobStore.js';
export { JobRegistry, JobParamsError, type JobType, type JobContext, type ProgressFn } from './jobs/registry.js';
export { JobRunner, type JobEvent } from './jobs/runner.js';
export { builtinJobRegistry } from './jobs/builtin.js';
export { openApiDocument, RouteTable, type RouteSpec } from './routeTable.js';
export { HttpError } from './httpError.js';
export { tokensEqual } from './auth.js';
export * from './queue/index.js';
