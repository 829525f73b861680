/** Worker thread of the parallel SGP4 runner: initialises its satellites once, then runs shards. */
import { parentPort } from 'node:worker_threads';
import { Sgp4Batch, type Sgp4Source } from '@stationkeeper/core/propagation';
import { Epoch } from '@stationkeeper/core/time';
import type { FromWorker, ToWorker, WireChunk, WireSource } from './sgp4WorkerProtocol.js';

if (!parentPort) throw new Error('sgp4Worker must run in a worker thread');
const port = parentPort;
let batch: Sgp4Batch | undefined;
let chunks: WireChunk[] = [];

function fromWire(s: WireSource): Sgp4Source {
  if ('line1' in s) return s;
  return { ...s, epoch: Epoch.fromTai(s.epoch.taiMjdDay, s.epoch.taiSecondsOfDay) };
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    batch = Sgp4Batch.fromSources(msg.sources.map(fromWire), { nearEarthKernel: msg.nearEarthKernel });
    chunks = msg.chunks;
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  } else if (msg.type === 'run') {
    try {
      if (!batch) throw new Error('worker not initialised');
      const out = {
        satellites: msg.satellites,
        timesPerSatellite: msg.timesPerSatellite,
        positionKm: msg.positionKm,
        velocityKmPerS: msg.velocityKmPerS,
        errors: msg.errors,
      };
      for (const c of chunks) {
        batch.propagateRange(msg, c.localStart, c.localStart + c.count, msg.timeFrom, msg.timeTo, out, c.localStart - c.globalStart);
      }
      port.postMessage({ type: 'done', id: msg.id } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', id: msg.id, message: (e as Error).message } satisfies FromWorker);
    }
  } else if (msg.type === 'exit') {
    port.close();
  }
});
