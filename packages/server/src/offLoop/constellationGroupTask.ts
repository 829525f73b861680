/**
 * Worker side of GET /api/constellation/group: reads every object's latest element set through
 * this thread's own connection to the server's database and builds the group answer there.
 */
import { loadDataDirEop } from '@stationkeeper/core/node';
import { constellationGroup, type GroupQueryValue } from '../routes/constellation.js';
import { openDatabase } from '../store/db.js';
import { ElementStore } from '../store/elementStore.js';
import { offLoopAnswer } from './requestPool.js';

let eop: { dataDir: string; source: ReturnType<typeof loadDataDirEop> } | undefined;

export function constellationGroupInWorker(input: { dataDir: string; query: GroupQueryValue }) {
  return offLoopAnswer(() => {
    if (eop?.dataDir !== input.dataDir) eop = { dataDir: input.dataDir, source: loadDataDirEop(input.dataDir) };
    const db = openDatabase(input.dataDir);
    try {
      return constellationGroup(input.query, new ElementStore(db), eop.source);
    } finally {
      db.close();
    }
  });
}
