/**
 * CCSDS Orbit Ephemeris Message (OEM), Keyword = Value Notation, CCSDS 502.0-B-2 (Orbit Data
 * Messages, Blue Book issue 2, 2009) §5: a header, then one or more segments of metadata
 * (META_START … META_STOP), ephemeris data lines `epoch x y z vx vy vz [ax ay az]` in km, km/s
 * (km/s²), and an optional covariance block (COVARIANCE_START … COVARIANCE_STOP).
 *
 * Inside the library the states are SI (m, m/s); km appear only in the text. The reader keeps
 * every metadata keyword it meets (unknown ones in `extra`), skips covariance blocks (kept as raw
 * lines), and converts epochs in the UTC, TAI, TT and GPS time systems; errors name line and field.
 */
import { Epoch } from '../time/epoch.js';
import { TAI_MINUS_GPS_S, TT_MINUS_TAI_S } from '../time/epoch.js';
import { FormatError } from './formatError.js';
import { splitKvnLine } from './kvnScan.js';
import { formatOmmEpoch, parseOmmEpoch } from './ommEpoch.js';

export interface OemMetadata {
  objectName: string;
  /** International designator, e.g. 1998-067A (the standard's recommendation). */
  objectId: string;
  /** Origin of the frame, e.g. EARTH. */
  centerName: string;
  /** e.g. GCRF, EME2000, ITRF2000, TEME (SANA reference-frame names). */
  refFrame: string;
  refFrameEpoch?: string;
  /** UTC, TAI, TT or GPS for the reader; the writer writes UTC. */
  timeSystem: string;
  startTime: Epoch;
  useableStartTime?: Epoch;
  useableStopTime?: Epoch;
  stopTime: Epoch;
  /** e.g. HERMITE, LAGRANGE. */
  interpolation?: string;
  interpolationDegree?: number;
  /** COMMENT lines of the metadata block. */
  comments: string[];
  /** Metadata keywords this module does not model, as written. */
  extra?: Record<string, string>;
}

export interface OemSegment {
  metadata: OemMetadata;
  /** COMMENT lines at the start of the data block. */
  dataComments: string[];
  epochs: Epoch[];
  /** Positions, m, 3 per epoch (x, y, z in `metadata.refFrame`). */
  positionsM: Float64Array;
  /** Velocities, m/s, 3 per epoch. */
  velocitiesMps: Float64Array;
  /** Accelerations, m/s², 3 per epoch, when the file has them (all lines or none). */
  accelerationsMps2?: Float64Array;
  /** Raw lines of a covariance block, if any (not interpreted). */
  covarianceLines?: string[];
}

export interface Oem {
  /** CCSDS_OEM_VERS, e.g. "2.0". */
  version: string;
  /** CREATION_DATE as written (UTC). */
  creationDate: Epoch;
  originator: string;
  /** COMMENT lines of the header. */
  comments: string[];
  segments: OemSegment[];
}

export interface OemWriteOptions {
  /** Decimals of km in positions (default 6 = 1 mm). */
  positionDecimals?: number;
  /** Decimals of km/s in velocities (default 9 = 1 µm/s). */
  velocityDecimals?: number;
}

/** OEM KVN text (version 2.0). Epochs are written in UTC with microseconds. */
export function writeOem(oem: Oem, options: OemWriteOptions = {}): string {
  const pd = options.positionDecimals ?? 6;
  const vd = options.velocityDecimals ?? 9;
  const out: string[] = [];
  const kv = (k: string, v: string | number): void => {
    out.push(`${k.padEnd(20)} = ${v}`);
  };
  kv('CCSDS_OEM_VERS', oem.version || '2.0');
  for (const c of oem.comments) out.push(`COMMENT ${c}`);
  kv('CREATION_DATE', formatOmmEpoch(oem.creationDate));
  kv('ORIGINATOR', oem.originator);
  oem.segments.forEach((seg, index) => {
    const m = seg.metadata;
    if (m.timeSystem !== 'UTC') {
      throw new FormatError({ field: 'TIME_SYSTEM', value: m.timeSystem, reason: `is not supported by the writer (segment ${index + 1}; only UTC)` });
    }
    const n = seg.epochs.length;
    checkLength(seg.positionsM, 3 * n, 'positionsM', index);
    checkLength(seg.velocitiesMps, 3 * n, 'velocitiesMps', index);
    if (seg.accelerationsMps2) checkLength(seg.accelerationsMps2, 3 * n, 'accelerationsMps2', index);
    out.push('', 'META_START');
    for (const c of m.comments) out.push(`COMMENT ${c}`);
    kv('OBJECT_NAME', m.objectName);
    kv('OBJECT_ID', m.objectId);
    kv('CENTER_NAME', m.centerName);
    kv('REF_FRAME', m.refFrame);
    if (m.refFrameEpoch) kv('REF_FRAME_EPOCH', m.refFrameEpoch);
    kv('TIME_SYSTEM', m.timeSystem);
    kv('START_TIME', formatOmmEpoch(m.startTime));
    if (m.useableStartTime) kv('USEABLE_START_TIME', formatOmmEpoch(m.useableStartTime));
    if (m.useableStopTime) kv('USEABLE_STOP_TIME', formatOmmEpoch(m.useableStopTime));
    kv('STOP_TIME', formatOmmEpoch(m.stopTime));
    if (m.interpolation) kv('INTERPOLATION', m.interpolation);
    if (m.interpolationDegree !== undefined) kv('INTERPOLATION_DEGREE', m.interpolationDegree);
    for (const [k, v] of Object.entries(m.extra ?? {})) kv(k, v);
    out.push('META_STOP', '');
    for (const c of seg.dataComments) out.push(`COMMENT ${c}`);
    const p = seg.positionsM;
    const v = seg.velocitiesMps;
    const a = seg.accelerationsMps2;
    for (let i = 0; i < n; i++) {
      const k = 3 * i;
      let line =
        `${formatOmmEpoch(seg.epochs[i])} ${(p[k] / 1e3).toFixed(pd)} ${(p[k + 1] / 1e3).toFixed(pd)} ${(p[k + 2] / 1e3).toFixed(pd)}` +
        ` ${(v[k] / 1e3).toFixed(vd)} ${(v[k + 1] / 1e3).toFixed(vd)} ${(v[k + 2] / 1e3).toFixed(vd)}`;
      if (a) line += ` ${(a[k] / 1e3).toExponential(9)} ${(a[k + 1] / 1e3).toExponential(9)} ${(a[k + 2] / 1e3).toExponential(9)}`;
      out.push(line);
    }
    if (seg.covarianceLines?.length) out.push('', 'COVARIANCE_START', ...seg.covarianceLines, 'COVARIANCE_STOP');
  });
  return out.join('\n') + '\n';
}

function checkLength(arr: Float64Array, expected: number, field: string, segment: number): void {
  if (arr.length !== expected) {
    throw new FormatError({ field, value: String(arr.length), reason: `values in segment ${segment + 1}; expected ${expected} (3 per epoch)` });
  }
}

const REQUIRED_META = ['OBJECT_NAME', 'OBJECT_ID', 'CENTER_NAME', 'REF_FRAME', 'TIME_SYSTEM', 'START_TIME', 'STOP_TIME'] as const;
const KNOWN_META = new Set<string>([
  ...REQUIRED_META,
  'REF_FRAME_EPOCH',
  'USEABLE_START_TIME',
  'USEABLE_STOP_TIME',
  'INTERPOLATION',
  'INTERPOLATION_DEGREE',
]);

/** TAI − (time system) in seconds, for the time systems the reader converts. */
const TIME_SYSTEM_TO_TAI_S: Record<string, number> = { TAI: 0, TT: -TT_MINUS_TAI_S, GPS: TAI_MINUS_GPS_S };

/**
 * Read an OEM KVN text. Throws {@link FormatError} on the first problem, naming line and field:
 * a missing required keyword, a data line with the wrong number of values, a non-numeric value,
 * an epoch outside START_TIME…STOP_TIME, or epochs out of order.
 */
export function parseOem(text: string, fileName = ''): Oem {
  const lines = String(text).split(/\r\n|\n|\r/);
  const err = (line: number, field: string, value: string, reason: string): FormatError =>
    new FormatError({ fileName, line, field, value, reason });
  const header = new Map<string, { value: string; line: number }>();
  const headerComments: string[] = [];
  const segments: OemSegment[] = [];
  let i = 0;
  const isComment = (t: string): boolean => t === 'COMMENT' || t.startsWith('COMMENT ');

  // Header: up to the first META_START.
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    if (t === 'META_START') break;
    if (isComment(t)) {
      headerComments.push(t.slice(7).trim());
      continue;
    }
    const m = splitKvnLine(t);
    if (!m) throw err(i + 1, 'header', t, 'is not "KEYWORD = value"');
    header.set(m.keyword.toUpperCase(), { value: m.value, line: i + 1 });
  }
  const version = header.get('CCSDS_OEM_VERS');
  if (!version) throw err(1, 'CCSDS_OEM_VERS', '', 'is missing (not an OEM KVN file?)');
  if (!/^[12]\.\d+$/.test(version.value)) throw err(version.line, 'CCSDS_OEM_VERS', version.value, 'is not a supported version (1.0 or 2.0)');
  const creation = header.get('CREATION_DATE');
  if (!creation) throw err(1, 'CREATION_DATE', '', 'is missing from the header');
  const originator = header.get('ORIGINATOR');
  if (!originator) throw err(1, 'ORIGINATOR', '', 'is missing from the header');
  const creationDate = parseEpochField(creation.value, 'UTC', creation.line, 'CREATION_DATE', err);

  while (i < lines.length) {
    const t = lines[i].trim();
    if (t === '') {
      i++;
      continue;
    }
    if (t !== 'META_START') throw err(i + 1, 'segment', t, 'found where META_START was expected');
    const metaLine = i + 1;
    i++;
    const meta = new Map<string, { value: string; line: number }>();
    const metaComments: string[] = [];
    for (; i < lines.length; i++) {
      const u = lines[i].trim();
      if (u === '') continue;
      if (u === 'META_STOP') break;
      if (isComment(u)) {
        metaComments.push(u.slice(7).trim());
        continue;
      }
      const m = splitKvnLine(u);
      if (!m) throw err(i + 1, 'metadata', u, 'is not "KEYWORD = value"');
      const key = m.keyword.toUpperCase();
      if (meta.has(key)) throw err(i + 1, key, m.value, `appears twice in the metadata block that starts on line ${metaLine}`);
      meta.set(key, { value: m.value, line: i + 1 });
    }
    if (i >= lines.length) throw err(metaLine, 'META_STOP', '', `is missing for the META_START on line ${metaLine}`);
    i++;
    for (const key of REQUIRED_META) {
      if (!meta.has(key)) throw err(metaLine, key, '', `is missing from the metadata block that starts on line ${metaLine}`);
    }
    const timeSystem = meta.get('TIME_SYSTEM')!.value.toUpperCase();
    if (timeSystem !== 'UTC' && !(timeSystem in TIME_SYSTEM_TO_TAI_S)) {
      throw err(meta.get('TIME_SYSTEM')!.line, 'TIME_SYSTEM', timeSystem, 'is not supported (UTC, TAI, TT or GPS)');
    }
    const metaEpoch = (key: string): Epoch | undefined => {
      const f = meta.get(key);
      return f ? parseEpochField(f.value, timeSystem, f.line, key, err) : undefined;
    };
    const degree = meta.get('INTERPOLATION_DEGREE');
    let interpolationDegree: number | undefined;
    if (degree) {
      interpolationDegree = Number(degree.value);
      if (!Number.isInteger(interpolationDegree) || interpolationDegree < 0) {
        throw err(degree.line, 'INTERPOLATION_DEGREE', degree.value, 'is not a non-negative integer');
      }
    }
    const extra: Record<string, string> = {};
    for (const [k, f] of meta) if (!KNOWN_META.has(k)) extra[k] = f.value;
    const metadata: OemMetadata = {
      objectName: meta.get('OBJECT_NAME')!.value,
      objectId: meta.get('OBJECT_ID')!.value,
      centerName: meta.get('CENTER_NAME')!.value,
      refFrame: meta.get('REF_FRAME')!.value,
      refFrameEpoch: meta.get('REF_FRAME_EPOCH')?.value,
      timeSystem,
      startTime: metaEpoch('START_TIME')!,
      useableStartTime: metaEpoch('USEABLE_START_TIME'),
      useableStopTime: metaEpoch('USEABLE_STOP_TIME'),
      stopTime: metaEpoch('STOP_TIME')!,
      interpolation: meta.get('INTERPOLATION')?.value,
      interpolationDegree,
      comments: metaComments,
      ...(Object.keys(extra).length ? { extra } : {}),
    };
    if (metadata.stopTime.isBefore(metadata.startTime)) {
      throw err(meta.get('STOP_TIME')!.line, 'STOP_TIME', meta.get('STOP_TIME')!.value, 'is before START_TIME');
    }

    // Data lines up to the next META_START, COVARIANCE_START or the end.
    const dataComments: string[] = [];
    const epochs: Epoch[] = [];
    const values: number[] = [];
    let width = 0;
    let covarianceLines: string[] | undefined;
    for (; i < lines.length; i++) {
      const u = lines[i].trim();
      if (u === '') continue;
      if (u === 'META_START') break;
      if (isComment(u)) {
        if (epochs.length > 0) throw err(i + 1, 'COMMENT', u, 'inside the ephemeris data (comments belong at its start)');
        dataComments.push(u.slice(7).trim());
        continue;
      }
      if (u === 'COVARIANCE_START') {
        covarianceLines = [];
        const covLine = i + 1;
        for (i++; i < lines.length && lines[i].trim() !== 'COVARIANCE_STOP'; i++) covarianceLines.push(lines[i]);
        if (i >= lines.length) throw err(covLine, 'COVARIANCE_STOP', '', `is missing for the COVARIANCE_START on line ${covLine}`);
        continue;
      }
      if (covarianceLines) throw err(i + 1, 'data line', u, 'after the covariance block (a new segment needs META_START)');
      const cells = u.split(/\s+/);
      if (cells.length !== 7 && cells.length !== 10) {
        throw err(i + 1, 'data line', u, `has ${cells.length} values; expected 7 (epoch x y z vx vy vz) or 10 (with accelerations)`);
      }
      if (width === 0) width = cells.length;
      else if (cells.length !== width) throw err(i + 1, 'data line', u, `has ${cells.length} values where earlier lines have ${width}`);
      const epoch = parseEpochField(cells[0], timeSystem, i + 1, 'epoch', err);
      if (epochs.length > 0 && !epoch.isAfter(epochs[epochs.length - 1])) {
        throw err(i + 1, 'epoch', cells[0], 'is not after the previous data line (epochs must increase)');
      }
      if (epoch.secondsSince(metadata.startTime) < -1e-6 || epoch.secondsSince(metadata.stopTime) > 1e-6) {
        throw err(i + 1, 'epoch', cells[0], 'is outside START_TIME…STOP_TIME of its segment');
      }
      epochs.push(epoch);
      for (let k = 1; k < cells.length; k++) {
        const x = Number(cells[k]);
        if (!Number.isFinite(x) || !/^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cells[k])) {
          throw err(i + 1, DATA_FIELDS[k - 1], cells[k], 'is not a number');
        }
        values.push(x * 1e3);
      }
    }
    const n = epochs.length;
    const positionsM = new Float64Array(3 * n);
    const velocitiesMps = new Float64Array(3 * n);
    const accelerationsMps2 = width === 10 ? new Float64Array(3 * n) : undefined;
    const w = width - 1;
    for (let e = 0; e < n; e++) {
      for (let k = 0; k < 3; k++) {
        positionsM[3 * e + k] = values[w * e + k];
        velocitiesMps[3 * e + k] = values[w * e + 3 + k];
        if (accelerationsMps2) accelerationsMps2[3 * e + k] = values[w * e + 6 + k];
      }
    }
    segments.push({
      metadata,
      dataComments,
      epochs,
      positionsM,
      velocitiesMps,
      ...(accelerationsMps2 ? { accelerationsMps2 } : {}),
      ...(covarianceLines ? { covarianceLines } : {}),
    });
  }
  if (segments.length === 0) throw err(lines.length, 'META_START', '', 'not found: the file has no ephemeris segment');
  return {
    version: version.value,
    creationDate,
    originator: originator.value,
    comments: headerComments,
    segments,
  };
}

const DATA_FIELDS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT', 'X_DDOT', 'Y_DDOT', 'Z_DDOT'];

function parseEpochField(
  text: string,
  timeSystem: string,
  line: number,
  field: string,
  err: (line: number, field: string, value: string, reason: string) => FormatError,
): Epoch {
  let labelled: Epoch;
  try {
    labelled = parseOmmEpoch(text);
  } catch (e) {
    throw err(line, field, text, `is not a CCSDS time (YYYY-MM-DDThh:mm:ss[.d] or YYYY-DDDThh:mm:ss[.d]): ${(e as Error).message}`);
  }
  if (timeSystem === 'UTC') return labelled;
  // The text was read as a UTC label; re-read its calendar value in the file's uniform time scale.
  const { mjdDay, secondsOfDay } = labelled.utcDaySeconds();
  return Epoch.fromTai(mjdDay, secondsOfDay + TIME_SYSTEM_TO_TAI_S[timeSystem]);
}
