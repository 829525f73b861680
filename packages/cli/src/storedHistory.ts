/**
 * An object's element-set history as stored in the data directory's database (the sets ingested
 * through the API, `POST /api/ingest`, or the dashboard): what `history --data-dir` reads when no
 * --tle is given. The store is opened only when its file exists (a read never creates it), and
 * the server package is loaded only then, so a command without one starts as fast as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MeanElements } from '@stationkeeper/core';

/** The server's database file (its DATABASE_FILE; a test checks they agree), looked for before loading the server. */
export const STORE_FILE = 'stationkeeper.sqlite';

export interface StoredHistory {
  elements: MeanElements[];
  /** Where they came from, for the note on stderr. */
  label: string;
}

/** The stored sets of `norad`, oldest first; undefined when the store is absent or holds fewer than two. */
export async function storedHistory(dataDir: string, norad: number): Promise<StoredHistory | undefined> {
  if (!existsSync(join(dataDir, STORE_FILE))) return undefined;
  const { openDatabase, ElementStore } = await import('@stationkeeper/server');
  const db = openDatabase(dataDir);
  try {
    const sets = new ElementStore(db).all(norad);
    if (sets.length < 2) return undefined;
    return { elements: sets.map((s) => s.elements), label: `the ${sets.length} element sets of NORAD ${norad} stored in the data directory` };
  } finally {
    db.close();
  }
}
