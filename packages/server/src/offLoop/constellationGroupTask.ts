/**
 * Worker side of GET /api/constellation/group: reads every object's latest element set through
 * this thread's own connection to the server's database and builds the group answer there.
 */
import { constellationGroup, type GroupQueryValue } from '../routes/constellation.js';
import { openDatabase } from '../store/db.js';
import { ElementStore } from '../store/elementStore.js';
import { threadEop } from './objectsTask.js';
import { offLoopAnswer } from './requestPool.js';

export function constellationGroupInWorker(input: { dataDir: string; query: GroupQueryValue }) {
  return offLoopAnswer(() => {
    const db = openDatabase(input.dataDir);
    try {
      return constellationGroup(input.query, new ElementStore(db), threadEop(input.dataDir));
    } finally {
      db.close();
    }
  });
}
