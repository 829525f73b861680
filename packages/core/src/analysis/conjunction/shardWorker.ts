/**
 * What a screening worker thread needs, and no more: running shards on trajectories rebuilt from
 * the coordinator's state. A separate entry (`@stationkeeper/core/conjunction-shards`) because a
 * worker that loads the whole conjunction index (avoidance planning, Pc, and through them the
 * force models and integrators: 82 modules instead of 30) takes longer to start.
 */
export { runShard } from './screenShard.js';
export { Sgp4Trajectories, type Sgp4TrajectoriesState } from './trajectories.js';
