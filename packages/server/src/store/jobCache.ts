/**
 * Which job answers a question asked before (re-entry and lifetime GETs): key → job id. The key
 * holds everything the answer depends on (object, cut, members, seed, the element sets used, the
 * data files' modification times), so a stale answer is never served.
 */
import type { Db } from './db.js';

export class JobCache {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    return (this.db.prepare('SELECT job_id FROM job_cache WHERE key = ?').get(key) as { job_id: string } | undefined)?.job_id;
  }

  put(key: string, jobId: string): void {
    this.db.prepare('INSERT OR REPLACE INTO job_cache (key, job_id, created_utc) VALUES (?, ?, ?)').run(key, jobId, new Date().toISOString());
  }
}
