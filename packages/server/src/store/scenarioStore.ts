/**
 * Scenario rows (the definition as posted, snake_case file form) and their runs. A run's id is the
 * id of the job that computes it; its status is read from that job (so a run cut off by a restart
 * shows the job's "interrupted by restart"), its result is stored here when the job succeeds.
 */
import type { Db } from './db.js';
import type { JobStatus } from './jobStore.js';

export interface ScenarioRow {
  id: string;
  name: string;
  description: string;
  source: string;
  definition: unknown;
  created_utc: string;
}

export interface ScenarioRunRow {
  id: string;
  job_id: string | null;
  status: string;
  progress: number;
  error: string | null;
  created_utc: string;
  finished_utc: string | null;
}

interface RunJoinRow {
  id: string;
  job_id: string | null;
  status: string;
  error: string | null;
  created_utc: string;
  finished_utc: string | null;
  job_status: JobStatus | null;
  job_error: string | null;
  job_progress: number | null;
  job_finished_utc: string | null;
}

const now = () => new Date().toISOString();

function runFromJoin(r: RunJoinRow): ScenarioRunRow {
  return {
    id: r.id,
    job_id: r.job_id,
    status: r.job_status ?? r.status,
    progress: r.job_progress ?? (r.status === 'succeeded' ? 1 : 0),
    error: r.job_error ?? r.error,
    created_utc: r.created_utc,
    finished_utc: r.job_finished_utc ?? r.finished_utc,
  };
}

const RUN_SELECT = `SELECT r.id, r.job_id, r.status, r.error, r.created_utc, r.finished_utc,
  j.status AS job_status, j.error AS job_error, j.progress AS job_progress, j.finished_utc AS job_finished_utc
  FROM scenario_runs r LEFT JOIN jobs j ON j.id = r.job_id`;

export class ScenarioStore {
  constructor(private readonly db: Db) {}

  insert(s: Omit<ScenarioRow, 'created_utc'>): ScenarioRow {
    const created = now();
    this.db
      .prepare('INSERT INTO scenarios (id, name, description, source, definition_json, created_utc) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.id, s.name, s.description, s.source, JSON.stringify(s.definition), created);
    return { ...s, created_utc: created };
  }

  get(id: string): ScenarioRow | undefined {
    const r = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as
      | { id: string; name: string; description: string; source: string; definition_json: string; created_utc: string }
      | undefined;
    return r && { id: r.id, name: r.name, description: r.description, source: r.source, definition: JSON.parse(r.definition_json), created_utc: r.created_utc };
  }

  list(limit = 500): (Omit<ScenarioRow, 'definition'> & { latest_run: ScenarioRunRow | null })[] {
    const rows = this.db.prepare('SELECT id, name, description, source, created_utc FROM scenarios ORDER BY created_utc DESC, rowid DESC LIMIT ?').all(limit) as Omit<ScenarioRow, 'definition'>[];
    return rows.map((r) => ({ ...r, latest_run: this.runs(r.id).at(-1) ?? null }));
  }

  /** Delete the scenario and its runs; false when there was none. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes === 1;
  }

  /** A run row for job `jobId` (idempotent: the route and the job both call it). */
  ensureRun(scenarioId: string, jobId: string): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO scenario_runs (id, scenario_id, job_id, status, created_utc) VALUES (?, ?, ?, 'queued', ?)`)
      .run(jobId, scenarioId, jobId, now());
  }

  runs(scenarioId: string): ScenarioRunRow[] {
    return (this.db.prepare(`${RUN_SELECT} WHERE r.scenario_id = ? ORDER BY r.created_utc, r.rowid`).all(scenarioId) as RunJoinRow[]).map(runFromJoin);
  }

  finishRun(runId: string, status: 'succeeded' | 'failed' | 'cancelled', result: unknown, error: string | null): void {
    this.db
      .prepare('UPDATE scenario_runs SET status = ?, result_json = ?, error = ?, finished_utc = ? WHERE id = ?')
      .run(status, result === null || result === undefined ? null : JSON.stringify(result), error, now(), runId);
  }

  /** The newest run that succeeded, with its result. */
  latestResult(scenarioId: string): { run_id: string; result: unknown } | undefined {
    const r = this.db
      .prepare(`SELECT id, result_json FROM scenario_runs WHERE scenario_id = ? AND status = 'succeeded' AND result_json IS NOT NULL ORDER BY finished_utc DESC, rowid DESC LIMIT 1`)
      .get(scenarioId) as { id: string; result_json: string } | undefined;
    return r && { run_id: r.id, result: JSON.parse(r.result_json) };
  }

  /** Job ids of the scenario's runs that are still queued or running. */
  activeJobIds(scenarioId: string): string[] {
    return (
      this.db
        .prepare(`SELECT j.id FROM scenario_runs r JOIN jobs j ON j.id = r.job_id WHERE r.scenario_id = ? AND j.status IN ('queued', 'running')`)
        .all(scenarioId) as { id: string }[]
    ).map((r) => r.id);
  }
}
