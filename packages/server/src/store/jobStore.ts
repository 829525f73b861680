/** Job rows: every job the server accepted, with its progress, result or error. */
import type { Db } from './db.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const FINISHED: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export interface JobRecord {
  id: string;
  type: string;
  status: JobStatus;
  params: unknown;
  progress: number;
  message: string;
  result: unknown;
  error: string | null;
  created_utc: string;
  started_utc: string | null;
  finished_utc: string | null;
}

interface JobRow {
  id: string;
  type: string;
  status: JobStatus;
  params_json: string;
  progress: number;
  message: string;
  result_json: string | null;
  error: string | null;
  created_utc: string;
  started_utc: string | null;
  finished_utc: string | null;
}

function fromRow(r: JobRow): JobRecord {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    params: JSON.parse(r.params_json),
    progress: r.progress,
    message: r.message,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    error: r.error,
    created_utc: r.created_utc,
    started_utc: r.started_utc,
    finished_utc: r.finished_utc,
  };
}

export const INTERRUPTED_BY_RESTART = 'interrupted by restart';

export class JobStore {
  constructor(private readonly db: Db) {}

  insert(id: string, type: string, params: unknown): JobRecord {
    this.db
      .prepare(`INSERT INTO jobs (id, type, status, params_json, created_utc) VALUES (?, ?, 'queued', ?, ?)`)
      .run(id, type, JSON.stringify(params), new Date().toISOString());
    return this.get(id)!;
  }

  get(id: string): JobRecord | undefined {
    const r = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r ? fromRow(r) : undefined;
  }

  list(status: JobStatus | undefined, limit: number): JobRecord[] {
    const rows = status
      ? this.db.prepare('SELECT * FROM jobs WHERE status = ? ORDER BY created_utc DESC, rowid DESC LIMIT ?').all(status, limit)
      : this.db.prepare('SELECT * FROM jobs ORDER BY created_utc DESC, rowid DESC LIMIT ?').all(limit);
    return (rows as JobRow[]).map(fromRow);
  }

  countRunning(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')`).get() as { n: number }).n;
  }

  markRunning(id: string): void {
    this.db
      .prepare(`UPDATE jobs SET status = 'running', started_utc = ? WHERE id = ? AND status = 'queued'`)
      .run(new Date().toISOString(), id);
  }

  setProgress(id: string, progress: number, message: string): void {
    this.db.prepare(`UPDATE jobs SET progress = ?, message = ? WHERE id = ? AND status = 'running'`).run(progress, message, id);
  }

  /** Final state; a job already finished keeps its first outcome (returns false then). */
  finish(id: string, status: 'succeeded' | 'failed' | 'cancelled', result: unknown, error: string | null): boolean {
    const info = this.db
      .prepare(
        `UPDATE jobs SET status = ?, result_json = ?, error = ?, finished_utc = ?,
           progress = CASE WHEN ? = 'succeeded' THEN 1 ELSE progress END
         WHERE id = ? AND status IN ('queued', 'running')`,
      )
      .run(status, result === undefined || result === null ? null : JSON.stringify(result), error, new Date().toISOString(), status, id);
    return info.changes === 1;
  }

  /**
   * At start-up: no job can still be running in this process, so any row left queued/running was
   * cut off by a crash, kill or restart. Mark it failed (never lose it silently); returns the ids.
   */
  failInterrupted(): string[] {
    const ids = (this.db.prepare(`SELECT id FROM jobs WHERE status IN ('queued', 'running')`).all() as { id: string }[]).map((r) => r.id);
    this.db
      .prepare(`UPDATE jobs SET status = 'failed', error = ?, finished_utc = ? WHERE status IN ('queued', 'running')`)
      .run(INTERRUPTED_BY_RESTART, new Date().toISOString());
    return ids;
  }
}
