/** Worker thread of the parallel screener: takes the coordinator's initialised catalogue once, then runs shards. */
import { parentPort } from 'node:worker_threads';
import { runShard, Sgp4Trajectories } from '@stationkeeper/core/conjunction-shards';
import { Epoch } from '@stationkeeper/core/time';
import type { FromScreeningWorker, ToScreeningWorker } from './screeningProtocol.js';

if (!parentPort) throw new Error('screeningWorker must run in a worker thread');
const port = parentPort;
let traj: Sgp4Trajectories | undefined;

port.on('message', (msg: ToScreeningWorker) => {
  if (msg.type === 'init') {
    traj = new Sgp4Trajectories(msg.state, Epoch.fromTai(msg.startTai.mjdDay, msg.startTai.secondsOfDay));
    port.postMessage({ type: 'ready' } satisfies FromScreeningWorker);
  } else if (msg.type === 'run') {
    try {
      if (!traj) throw new Error('worker not initialised');
      port.postMessage({ type: 'done', id: msg.id, result: runShard(traj, msg.shard) } satisfies FromScreeningWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', id: msg.id, message: (e as Error).message } satisfies FromScreeningWorker);
    }
  }
});
