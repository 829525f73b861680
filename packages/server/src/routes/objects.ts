/**
 * /api/objects…: one file per route group under objects/: catalogue entries and element-set
 * history (catalogue.ts), state and ground track (position.ts), passes (passes.ts), and the
 * altitude history (history.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { EopSource } from '@stationkeeper/core';
import type { ElementsResolver } from '../elementsSource.js';
import type { RequestPool } from '../offLoop/requestPool.js';
import type { RouteTable } from '../routeTable.js';
import type { ElementStore } from '../store/elementStore.js';
import { registerCatalogueRoutes } from './objects/catalogue.js';
import { registerHistoryRoute } from './objects/history.js';
import { registerPassRoutes } from './objects/passes.js';
import { registerPositionRoutes } from './objects/position.js';

export { PassesResponse } from './objects/passes.js';
export { MAX_TRACK_POINTS, StateResponse } from './objects/position.js';

export interface ObjectRoutesDeps {
  elements: ElementStore;
  resolver: ElementsResolver;
  eop: EopSource | undefined;
  /** Passes and history (up to 0.45 s of work) run here, off the event loop. */
  pool: RequestPool;
  dataDir: string;
}

export function registerObjectRoutes(app: FastifyInstance, table: RouteTable, deps: ObjectRoutesDeps): void {
  registerCatalogueRoutes(app, table, deps.elements);
  registerPositionRoutes(app, table, deps);
  registerPassRoutes(app, table, deps);
  registerHistoryRoute(app, table, deps);
}
