/**
 * Element sets in SQLite: catalogue ingest in one transaction (deduplicated on object + epoch),
 * lookups by object and time, paged history.
 */
import {
  Epoch,
  FormatError,
  isTleRecord,
  parseElements,
  toTleRecord,
  type ElementSetRecord,
  type ElementsFormat,
  type MeanElements,
} from '@stationkeeper/core';
import type { Db } from './db.js';

/** A stored element set. */
export interface StoredElementSet {
  id: number;
  norad: number;
  name: string;
  epochUtc: string;
  format: string;
  line1: string | null;
  line2: string | null;
  elements: MeanElements;
  source: string;
  ingestedUtc: string;
}

export interface IngestError {
  line: number | null;
  field: string;
  value: string;
  message: string;
}

export interface IngestReport {
  format: ElementsFormat;
  records: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  objects: number;
  errors: IngestError[];
  errors_truncated: boolean;
}

export interface IngestOptions {
  /** Stored with every element set, e.g. `upload` or `data-dir tle/stations.txt`. */
  source?: string;
  /** Named in error messages. */
  fileName?: string;
  /** Most errors listed in the report. */
  maxErrors?: number;
  /** Called inside the transaction every `progressEvery` rows (tests use it to kill mid-ingest). */
  onProgress?: (rowsWritten: number, total: number) => void;
  progressEvery?: number;
}

export interface ObjectSummary {
  norad: number;
  name: string;
  intlDesignator: string;
  elementSets: number;
  latestEpochUtc: string | null;
}

interface ElementRow {
  id: number;
  norad: number;
  name: string;
  epoch_utc: string;
  format: string;
  line1: string | null;
  line2: string | null;
  elements_json: string;
  source: string;
  ingested_utc: string;
}

/** Fixed-width ISO 8601 UTC with microseconds: the dedupe key and the sort key. */
export function epochKey(epoch: Epoch): string {
  return epoch.toIsoUtc(6);
}

interface StoredElementsJson extends Omit<MeanElements, 'epoch'> {
  epoch: { taiMjdDay: number; taiSecondsOfDay: number };
}

/** Elements as JSON text (the stored form; also how they cross to a worker thread). */
export function elementsToJson(r: MeanElements): string {
  const plain: StoredElementsJson = {
    objectName: r.objectName,
    noradId: r.noradId,
    intlDesignator: r.intlDesignator,
    classification: r.classification,
    epoch: { taiMjdDay: r.epoch.taiMjdDay, taiSecondsOfDay: r.epoch.taiSecondsOfDay },
    meanMotionRevPerDay: r.meanMotionRevPerDay,
    eccentricity: r.eccentricity,
    inclinationDeg: r.inclinationDeg,
    raanDeg: r.raanDeg,
    argPerigeeDeg: r.argPerigeeDeg,
    meanAnomalyDeg: r.meanAnomalyDeg,
    meanMotionDot: r.meanMotionDot,
    meanMotionDdot: r.meanMotionDdot,
    bstar: r.bstar,
    ephemerisType: r.ephemerisType,
    elementSetNo: r.elementSetNo,
    revAtEpoch: r.revAtEpoch,
  };
  return JSON.stringify(plain);
}

export function elementsFromJson(text: string): MeanElements {
  const p = JSON.parse(text) as StoredElementsJson;
  return { ...p, epoch: Epoch.fromTai(p.epoch.taiMjdDay, p.epoch.taiSecondsOfDay) };
}

/** TLE lines of a record: as read for TLE input, written from the elements for OMM (null if they do not fit). */
function tleLines(r: ElementSetRecord): [string, string] | null {
  if (isTleRecord(r)) return [r.line1, r.line2];
  try {
    const t = toTleRecord(r);
    return [t.line1, t.line2];
  } catch (e) {
    if (e instanceof FormatError) return null;
    throw e;
  }
}

function toIngestError(e: FormatError): IngestError {
  return { line: e.line ?? null, field: e.field, value: e.value, message: e.message };
}

export class ElementStore {
  private readonly upsertObject;
  private readonly insertSet;
  private readonly latestAtOrBeforeStmt;
  private readonly earliestStmt;
  private readonly latestStmt;
  private readonly countStmt;
  private readonly pageDescStmt;
  private readonly pageAscStmt;
  private readonly allForObjectStmt;
  private readonly objectStmt;

  constructor(private readonly db: Db) {
    // A newer file's name/designator wins, but an empty one never blanks a known name.
    this.upsertObject = db.prepare(`
      INSERT INTO objects (norad, name, intl_designator, updated_utc) VALUES (@norad, @name, @intl, @now)
      ON CONFLICT (norad) DO UPDATE SET
        name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE objects.name END,
        intl_designator = CASE WHEN excluded.intl_designator <> '' THEN excluded.intl_designator ELSE objects.intl_designator END,
        updated_utc = excluded.updated_utc`);
    this.insertSet = db.prepare(`
      INSERT OR IGNORE INTO element_sets (norad, epoch_utc, format, line1, line2, elements_json, source, ingested_utc)
      VALUES (@norad, @epoch, @format, @line1, @line2, @json, @source, @now)`);
    const cols = `e.id, e.norad, o.name, e.epoch_utc, e.format, e.line1, e.line2, e.elements_json, e.source, e.ingested_utc
      FROM element_sets e JOIN objects o ON o.norad = e.norad`;
    this.latestAtOrBeforeStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? AND e.epoch_utc <= ? ORDER BY e.epoch_utc DESC LIMIT 1`);
    this.earliestStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? ORDER BY e.epoch_utc ASC LIMIT 1`);
    this.latestStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? ORDER BY e.epoch_utc DESC LIMIT 1`);
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM element_sets WHERE norad = ?');
    this.pageDescStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? ORDER BY e.epoch_utc DESC LIMIT ? OFFSET ?`);
    this.pageAscStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? ORDER BY e.epoch_utc ASC LIMIT ? OFFSET ?`);
    this.allForObjectStmt = db.prepare(`SELECT ${cols} WHERE e.norad = ? ORDER BY e.epoch_utc ASC`);
    this.objectStmt = db.prepare(`
      SELECT o.norad, o.name, o.intl_designator,
        (SELECT COUNT(*) FROM element_sets e WHERE e.norad = o.norad) AS n,
        (SELECT MAX(epoch_utc) FROM element_sets e WHERE e.norad = o.norad) AS latest
      FROM objects o WHERE o.norad = ?`);
  }

  /**
   * Parse `text` (TLE/3LE, OMM KVN/XML/JSON) and store its good element sets in ONE transaction:
   * all of them or, if the process dies or anything throws, none. Bad records are reported.
   */
  ingestText(text: string, options: IngestOptions = {}): IngestReport {
    const parsed = parseElements(text, { fileName: options.fileName ?? 'upload' });
    const maxErrors = options.maxErrors ?? 100;
    const source = options.source ?? 'ingest';
    const now = new Date().toISOString();
    const every = options.progressEvery ?? 1000;
    const total = parsed.records.length;
    let accepted = 0;
    const objects = new Set<number>();
    // Rows are built before the transaction so the write lock is held only for the inserts.
    const rows = parsed.records.map((r) => {
      objects.add(r.noradId);
      const lines = tleLines(r);
      return {
        object: { norad: r.noradId, name: r.objectName.trim(), intl: r.intlDesignator.trim(), now },
        set: { norad: r.noradId, epoch: epochKey(r.epoch), format: parsed.format, line1: lines ? lines[0] : null, line2: lines ? lines[1] : null, json: elementsToJson(r), source, now },
      };
    });
    const write = this.db.transaction(() => {
      let written = 0;
      for (const row of rows) {
        this.upsertObject.run(row.object);
        accepted += this.insertSet.run(row.set).changes;
        written++;
        if (options.onProgress && written % every === 0) options.onProgress(written, total);
      }
    });
    write();
    return {
      format: parsed.format,
      records: total + parsed.errors.length,
      accepted,
      duplicates: total - accepted,
      rejected: parsed.errors.length,
      objects: objects.size,
      errors: parsed.errors.slice(0, maxErrors).map(toIngestError),
      errors_truncated: parsed.errors.length > maxErrors,
    };
  }

  /** Latest element set whose epoch is not after `at`; the earliest one when all are later. */
  forEpoch(norad: number, at: Epoch): StoredElementSet | undefined {
    const row = (this.latestAtOrBeforeStmt.get(norad, epochKey(at)) ?? this.earliestStmt.get(norad)) as ElementRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  latest(norad: number): StoredElementSet | undefined {
    const row = this.latestStmt.get(norad) as ElementRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  count(norad: number): number {
    return (this.countStmt.get(norad) as { n: number }).n;
  }

  page(norad: number, limit: number, offset: number, order: 'asc' | 'desc'): StoredElementSet[] {
    const stmt = order === 'asc' ? this.pageAscStmt : this.pageDescStmt;
    return (stmt.all(norad, limit, offset) as ElementRow[]).map(fromRow);
  }

  /** Every element set of an object, oldest first. */
  all(norad: number): StoredElementSet[] {
    return (this.allForObjectStmt.all(norad) as ElementRow[]).map(fromRow);
  }

  /** Latest element set of every object (or of the listed ones), for catalogue-wide jobs. */
  latestOfEach(norads?: readonly number[]): StoredElementSet[] {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.norad, o.name, e.epoch_utc, e.format, e.line1, e.line2, e.elements_json, e.source, e.ingested_utc
         FROM element_sets e JOIN objects o ON o.norad = e.norad
         WHERE e.epoch_utc = (SELECT MAX(epoch_utc) FROM element_sets x WHERE x.norad = e.norad)
         ORDER BY e.norad`,
      )
      .all() as ElementRow[];
    const wanted = norads ? new Set(norads) : undefined;
    return rows.filter((r) => !wanted || wanted.has(r.norad)).map(fromRow);
  }

  object(norad: number): ObjectSummary | undefined {
    const r = this.objectStmt.get(norad) as { norad: number; name: string; intl_designator: string; n: number; latest: string | null } | undefined;
    return r ? { norad: r.norad, name: r.name, intlDesignator: r.intl_designator, elementSets: r.n, latestEpochUtc: r.latest } : undefined;
  }

  listObjects(search: string | undefined, limit: number, offset: number): { total: number; items: ObjectSummary[] } {
    const where = search ? `WHERE o.name LIKE @like ESCAPE '\\' OR CAST(o.norad AS TEXT) = @exact` : '';
    const params = search ? { like: `%${search.replace(/[%_\\]/g, (c) => '\\' + c)}%`, exact: search } : {};
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM objects o ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT o.norad, o.name, o.intl_designator,
           (SELECT COUNT(*) FROM element_sets e WHERE e.norad = o.norad) AS n,
           (SELECT MAX(epoch_utc) FROM element_sets e WHERE e.norad = o.norad) AS latest
         FROM objects o ${where} ORDER BY o.norad LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as { norad: number; name: string; intl_designator: string; n: number; latest: string | null }[];
    return {
      total,
      items: rows.map((r) => ({ norad: r.norad, name: r.name, intlDesignator: r.intl_designator, elementSets: r.n, latestEpochUtc: r.latest })),
    };
  }

  totals(): { objects: number; elementSets: number } {
    const o = (this.db.prepare('SELECT COUNT(*) AS n FROM objects').get() as { n: number }).n;
    const e = (this.db.prepare('SELECT COUNT(*) AS n FROM element_sets').get() as { n: number }).n;
    return { objects: o, elementSets: e };
  }
}

function fromRow(r: ElementRow): StoredElementSet {
  return {
    id: r.id,
    norad: r.norad,
    name: r.name,
    epochUtc: r.epoch_utc,
    format: r.format,
    line1: r.line1,
    line2: r.line2,
    elements: elementsFromJson(r.elements_json),
    source: r.source,
    ingestedUtc: r.ingested_utc,
  };
}
