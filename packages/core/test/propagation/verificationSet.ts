/**
 * Reader for Vallado's SGP4 verification set (AIAA 2006-6753): SGP4-VER.TLE (TLEs with
 * start/stop/step minutes after column 69) and tcppver.out (the C++ reference output, WGS-72,
 * improved mode). Test helper only.
 */
export interface VerificationCase {
  readonly line1: string;
  /** Line 2 cut at column 69. */
  readonly line2: string;
  readonly startMin: number;
  readonly stopMin: number;
  readonly stepMin: number;
}

export interface ReferenceRecord {
  readonly satnum: number;
  /** Rows: [tsince min, x, y, z km, vx, vy, vz km/s]. */
  readonly rows: number[][];
}

export function readVerificationTles(text: string): VerificationCase[] {
  const lines = text.split(/\r?\n/);
  const cases: VerificationCase[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('1 ') || !lines[i + 1].startsWith('2 ')) continue;
    const [startMin, stopMin, stepMin] = lines[i + 1].slice(69).trim().split(/\s+/).map(Number);
    cases.push({ line1: lines[i], line2: lines[i + 1].slice(0, 69), startMin, stopMin, stepMin });
    i++;
  }
  return cases;
}

export function readTcppver(text: string): ReferenceRecord[] {
  const records: ReferenceRecord[] = [];
  let current: ReferenceRecord | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*(\d+)\s+xx\s*$/.exec(line);
    if (header) {
      current = { satnum: Number(header[1]), rows: [] };
      records.push(current);
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (current && f.length >= 7) current.rows.push(f.slice(0, 7).map(Number));
  }
  return records;
}

/**
 * The times at which the reference program prints a state: 0 first, then start, start+step, …
 * up to stop, and stop itself when the steps miss it (the testcpp loop).
 */
export function verificationTimes(c: VerificationCase): number[] {
  const times = [0];
  let t = c.startMin;
  while (t <= c.stopMin) {
    if (!(t === 0 && c.startMin === 0)) times.push(t);
    t += c.stepMin;
  }
  if (t - c.stopMin < c.stepMin - 1e-6) times.push(c.stopMin);
  return times;
}
