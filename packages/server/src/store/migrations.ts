/**
 * Numbered schema migrations. Each runs once, in its own transaction, and is recorded in
 * `schema_migrations`; append new ones at the end, never edit an applied one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'objects, element sets, space weather, scenarios, runs, jobs',
    sql: `
      CREATE TABLE objects (
        norad INTEGER PRIMARY KEY CHECK (norad BETWEEN 0 AND 339999),
        name TEXT NOT NULL DEFAULT '',
        intl_designator TEXT NOT NULL DEFAULT '',
        updated_utc TEXT NOT NULL
      );
      -- One row per object and epoch: re-ingesting the same element set is a no-op (INSERT OR IGNORE).
      -- epoch_utc is fixed-width ISO 8601 with microseconds, so text order is time order.
      CREATE TABLE element_sets (
        id INTEGER PRIMARY KEY,
        norad INTEGER NOT NULL REFERENCES objects(norad) ON DELETE CASCADE,
        epoch_utc TEXT NOT NULL,
        format TEXT NOT NULL,
        line1 TEXT,
        line2 TEXT,
        elements_json TEXT NOT NULL,
        source TEXT NOT NULL,
        ingested_utc TEXT NOT NULL,
        UNIQUE (norad, epoch_utc)
      );
      CREATE TABLE space_weather (
        date_utc TEXT PRIMARY KEY,
        f107_obs REAL,
        f107_adj REAL,
        f107_obs_center81 REAL,
        ap_daily REAL,
        kp_sum REAL,
        kind TEXT NOT NULL DEFAULT 'observed' CHECK (kind IN ('observed', 'predicted')),
        source TEXT NOT NULL,
        ingested_utc TEXT NOT NULL
      );
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        params_json TEXT NOT NULL,
        progress REAL NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        result_json TEXT,
        error TEXT,
        created_utc TEXT NOT NULL,
        started_utc TEXT,
        finished_utc TEXT
      );
      CREATE INDEX jobs_by_created ON jobs (created_utc);
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        definition_json TEXT NOT NULL,
        created_utc TEXT NOT NULL
      );
      CREATE TABLE scenario_runs (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        result_json TEXT,
        created_utc TEXT NOT NULL,
        finished_utc TEXT
      );
      CREATE INDEX scenario_runs_by_scenario ON scenario_runs (scenario_id);
    `,
  },
  {
    version: 2,
    name: 'scenario source and description, run errors, job lookup by type',
    sql: `
      ALTER TABLE scenarios ADD COLUMN source TEXT NOT NULL DEFAULT 'json';
      ALTER TABLE scenarios ADD COLUMN description TEXT NOT NULL DEFAULT '';
      ALTER TABLE scenario_runs ADD COLUMN error TEXT;
      -- Finding a finished re-entry/lifetime job with the same parameters (the result cache).
      CREATE INDEX jobs_by_type_params ON jobs (type, params_json);
    `,
  },
  {
    version: 3,
    name: 'job cache: the job that answers a repeated question (re-entry, lifetime)',
    sql: `
      CREATE TABLE job_cache (
        key TEXT PRIMARY KEY,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        created_utc TEXT NOT NULL
      );
    `,
  },
];
