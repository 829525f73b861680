/** Worker thread of the parallel SGP4 runner: rebuilds the coordinator's batch, then claims work units. */
import { parentPort } from 'node:worker_threads';
import { Sgp4Batch } from '@stationkeeper/core/propagation';
import type { FromWorker, RunMessage, ToWorker } from './sgp4WorkerProtocol.js';

if (!parentPort) throw new Error('sgp4Worker must run in a worker thread');
const port = parentPort;
let batch: Sgp4Batch | undefined;

function run(msg: RunMessage, b: Sgp4Batch): void {
  const out = {
    satellites: msg.satellites,
    timesPerSatellite: msg.timesPerSatellite,
    positionKm: msg.positionKm,
    velocityKmPerS: msg.velocityKmPerS,
    errors: msg.errors,
  };
  const units = Math.ceil(msg.satellites / msg.unitSatellites);
  for (let u = Atomics.add(msg.nextUnit, 0, 1); u < units; u = Atomics.add(msg.nextUnit, 0, 1)) {
    const from = u * msg.unitSatellites;
    b.propagateRange(msg, from, Math.min(msg.satellites, from + msg.unitSatellites), msg.timeFrom, msg.timeTo, out);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    batch = Sgp4Batch.fromState(msg.state, { nearEarthKernel: msg.nearEarthKernel });
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  } else if (msg.type === 'run') {
    try {
      if (!batch) throw new Error('worker not initialised');
      run(msg, batch);
      port.postMessage({ type: 'done', id: msg.id } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', id: msg.id, message: (e as Error).message } satisfies FromWorker);
    }
  } else if (msg.type === 'exit') {
    port.close();
  }
});
