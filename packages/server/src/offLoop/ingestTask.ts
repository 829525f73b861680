/**
 * Worker side of POST /api/ingest: parse and store the text with this thread's own connection to
 * the server's WAL database, in one transaction as ever (ElementStore.ingestText). The main
 * thread's connection sees the new rows at its next read; readers never wait for this writer.
 */
import { HttpError } from '../httpError.js';
import { openDatabase } from '../store/db.js';
import { ElementStore, type IngestReport } from '../store/elementStore.js';
import { offLoopAnswer, type OffLoopAnswer } from './requestPool.js';

export interface IngestTaskInput {
  dataDir: string;
  text: string;
  source: string;
}

export function ingestInWorker(input: IngestTaskInput): Promise<OffLoopAnswer<IngestReport>> {
  return offLoopAnswer(() => {
    const db = openDatabase(input.dataDir);
    try {
      const report = new ElementStore(db).ingestText(input.text, { source: input.source, fileName: 'upload' });
      // Nothing readable at all is a bad request, not a success with zero records.
      if (report.rejected > 0 && report.records === report.rejected) {
        throw new HttpError(400, `body: no element set could be read (${report.rejected} error${report.rejected === 1 ? '' : 's'}; first: ${report.errors[0].message})`, 'body');
      }
      return report;
    } finally {
      db.close();
    }
  });
}
