import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import {
  dedupeByEpoch,
  formatOmmEpoch,
  formatOmmJson,
  formatOmmKvn,
  formatOmmXml,
  formatTle,
  parseElements,
  parseOmmJson,
  parseOmmKvn,
  parseOmmXml,
  parseTle,
  tleChecksum,
  type TleRecord,
} from '../../src/foundation/formats/index.js';

const ISS1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';
const created = { creationDate: Epoch.fromIso('2022-07-16T00:00:00Z') };

/**
 * A TLE line in the writer's spelling, by text edits only (independent of the writer): catalogue
 * number zero-padded, no '+' signs, zeros unsigned (` .00000000`, ` 00000-0`), checksum recomputed.
 * These are the only spelling variants the Space-Track files use for the same numbers.
 */
function canonicalSpelling(line: string): string {
  const cols = line.split('');
  for (let i = 2; i < 7; i++) if (cols[i] === ' ') cols[i] = '0';
  if (line[0] === '1') {
    for (const i of [33, 44, 53]) if (cols[i] === '+') cols[i] = ' ';
    if (cols.slice(33, 43).join('') === '-.00000000') cols[33] = ' ';
    for (const start of [44, 53]) {
      if (cols.slice(start + 1, start + 6).join('') === '00000') {
        cols[start] = ' ';
        cols[start + 6] = '-';
        cols[start + 7] = '0';
      }
    }
  }
  const body = cols.join('').slice(0, 68);
  return body + String(tleChecksum(body));
}

function duplicates(records: readonly TleRecord[]): number {
  return records.length - dedupeByEpoch(records, 'keep-latest').length;
}

describe.skipIf(!sharedDataAvailable())('real TLE files (shared/data)', () => {
  const catalogText = sharedDataAvailable() ? readShared('catalog', 'spacetrack_3le_2022-07-15.txt') : '';

  it('reads the 2022-07-15 Space-Track catalogue: 24,132 sets, no errors, well under a second', () => {
    let best = Infinity;
    let result = parseTle(catalogText, { fileName: 'spacetrack_3le_2022-07-15.txt' });
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now();
      result = parseTle(catalogText, { fileName: 'spacetrack_3le_2022-07-15.txt' });
      best = Math.min(best, performance.now() - t0);
    }
    console.info(`catalogue parse: ${best.toFixed(0)} ms for ${result.records.length} sets`);
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(24132);
    expect(best).toBeLessThan(1000);

    const iss = result.records.filter((r) => r.noradId === 25544);
    expect(iss).toHaveLength(1);
    const r = iss[0];
    expect([r.line1, r.line2]).toEqual([ISS1, ISS2]);
    expect(r.objectName).toBe('ISS (ZARYA)');
    expect(r.lineNumber).toBe(19832);
    expect(r.intlDesignator).toBe('98067A');
    expect(r.classification).toBe('U');
    expect(r.epoch.toIsoUtc(6)).toBe('2022-07-15T12:14:42.323712Z');
    expect([r.meanMotionDot, r.meanMotionDdot, r.bstar, r.ephemerisType, r.elementSetNo]).toEqual([0.00006684, 0, 0.00012517, 0, 999]);
    expect([r.inclinationDeg, r.raanDeg, r.eccentricity, r.argPerigeeDeg, r.meanAnomalyDeg]).toEqual([51.6398, 196.3106, 0.0004941, 13.7716, 97.3744]);
    expect([r.meanMotionRevPerDay, r.revAtEpoch]).toEqual([15.49958191, 34957]);

    // Blank-padded catalogue numbers (Space-Track style) come first in the file.
    expect(result.records[0].objectName).toBe('VANGUARD 1');
    expect(result.records[0].noradId).toBe(5);
  });

  it('writes back every catalogue set: same lines up to spelling (padding, + signs, signed zeros)', () => {
    const { records } = parseTle(catalogText);
    let verbatim = 0;
    for (const r of records) {
      const [l1, l2] = formatTle(r);
      expect(l1).toBe(canonicalSpelling(r.line1));
      expect(l2).toBe(canonicalSpelling(r.line2));
      if (l1 === r.line1 && l2 === r.line2) verbatim++;
    }
    console.info(`catalogue: ${verbatim} of ${records.length} sets written back byte for byte`);
    expect(verbatim).toBe(21956); // the rest differ in spelling only (checked above)
  });

  it('TLE → OMM (KVN, JSON, XML) → TLE gives identical lines for the catalogue', () => {
    const { records } = parseTle(catalogText);
    const expected = records.map((r) => formatTle(r));
    for (const [name, write, read, subset] of [
      ['KVN', (x: TleRecord[]) => formatOmmKvn(x, created), parseOmmKvn, records.length],
      ['JSON', (x: TleRecord[]) => formatOmmJson(x), parseOmmJson, records.length],
      // XML parsing is ~10x slower (fast-xml-parser); a 3000-set slice keeps the test short.
      ['XML', (x: TleRecord[]) => formatOmmXml(x, created), parseOmmXml, 3000],
    ] as const) {
      const slice = records.slice(0, subset);
      const back = read(write(slice), { fileName: name });
      expect(back.errors, name).toEqual([]);
      expect(back.records, name).toHaveLength(slice.length);
      for (let i = 0; i < slice.length; i++) {
        const lines = formatTle(back.records[i]);
        if (lines[0] !== expected[i][0] || lines[1] !== expected[i][1]) {
          expect(lines, `${name} set ${i}`).toEqual(expected[i]);
        }
        expect(back.records[i].objectName).toBe(slice[i].objectName);
      }
    }
    // ISS: the OMM round trip reproduces the Space-Track lines exactly.
    const iss = parseOmmKvn(formatOmmKvn(records.filter((r) => r.noradId === 25544), created)).records[0];
    expect(formatTle(iss)).toEqual([ISS1, ISS2]);
  });

  const histories: [string, string, number, number][] = [
    ['tle_iss', 'iss_25544_1998-11_to_2004_mfacchinelli.txt', 10214, 74],
    ['tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt', 2096, 72],
    ['tle_stations', '48274_CSS-TIANHE_2021-035A.tle', 947, 31],
    ['reentry', '29655_GENESAT-1_2006-058C.tle', 2209, 45],
    ['reentry', '33506_OMID_2009-004A.tle', 302, 2],
    ['reentry', '34393_COSMOS2251-DEB_1993-036QJ.tle', 3711, 97],
    ['reentry', '41765_TIANGONG-2_2016-057A_controlled-deorbit.tle', 3089, 6],
    ['reentry', '41868_SZ-11-MODULE_2016-061.tle', 2123, 0],
  ];
  it.each(histories)('reads %s/%s: %i sets, %i repeated epochs (PROVENANCE.md)', (dir, file, count, dups) => {
    const { records, errors } = parseElements(readShared(dir, file), { fileName: file });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(count);
    const tle = records as TleRecord[];
    expect(new Set(tle.map((r) => r.noradId)).size).toBe(1);
    expect(duplicates(tle)).toBe(dups);
    const deduped = dedupeByEpoch(tle, 'keep-latest');
    for (let i = 1; i < deduped.length; i++) expect(deduped[i].epoch.isAfter(deduped[i - 1].epoch)).toBe(true);
  });

  it('finds the one out-of-order step in the 1998-2004 ISS history', () => {
    const { records } = parseTle(readShared('tle_iss', 'iss_25544_1998-11_to_2004_mfacchinelli.txt'));
    let backwards = 0;
    for (let i = 1; i < records.length; i++) if (records[i].epoch.isBefore(records[i - 1].epoch)) backwards++;
    expect(backwards).toBe(1);
    // 98324.28472222: 0.28472222 d = 24599.999808 s.
    expect(formatOmmEpoch(records[0].epoch)).toBe('1998-11-20T06:49:59.999808');
  });

  it('reads SGP4-VER.TLE with its start/stop/step columns; the hand-edited error cases fail their checksums', () => {
    const text = readShared('sgp4', 'SGP4-VER.TLE');
    const strict = parseTle(text, { fileName: 'SGP4-VER.TLE' });
    expect(strict.records).toHaveLength(30);
    // 33333-33335 are copies of other sets with edited fields and the old checksums kept.
    expect(strict.errors.map((e) => [e.line, e.field])).toEqual([
      [100, 'checksum'],
      [101, 'checksum'],
      [103, 'checksum'],
      [106, 'checksum'],
      [107, 'checksum'],
    ]);
    const { records, errors } = parseTle(text, { fileName: 'SGP4-VER.TLE', verifyChecksum: false });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(33);
    const first = records[0];
    expect([first.noradId, first.lineNumber, first.extraLine2]).toEqual([5, 3, '0.00      4320.0        360.00']);
    const str3 = records.find((r) => r.noradId === 11801)!;
    expect([str3.intlDesignator, str3.elementSetNo, str3.revAtEpoch]).toEqual(['', 1, 1]);
    expect(records.filter((r) => r.noradId === 20413).map((r) => r.extraLine2)).toEqual([
      '1440.0      4320.0        120.00',
      '1844000.0   1845100.0        5.00',
    ]);
  });
});

describe.skipIf(!sharedDataAvailable())('corrupted copies of a real 3LE file', () => {
  const text = sharedDataAvailable() ? readShared('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt') : '';
  const lines = text.split('\n');

  /** Line number (1-based) of the k-th line 1 / line 2 in the file. */
  const nth = (digit: string, k: number): number => {
    let seen = 0;
    for (let i = 0; i < lines.length; i++) if (lines[i].startsWith(digit + ' ') && seen++ === k) return i + 1;
    throw new Error('not found');
  };
  const edit = (no: number, f: (l: string) => string) => {
    lines[no - 1] = f(lines[no - 1]);
  };

  it('reports each damage with line, column, field and value and keeps the other 2091 sets', () => {
    const badChecksum = nth('1', 10);
    const letter = nth('2', 20);
    const truncated = nth('2', 30);
    const mismatch = nth('2', 40);
    const missing = nth('2', 50);
    edit(badChecksum, (l) => l.slice(0, 68) + String((Number(l[68]) + 1) % 10));
    edit(letter, (l) => l.slice(0, 26) + '00a1153'.slice(0, 3) + l.slice(29));
    edit(truncated, (l) => l.slice(0, 50));
    edit(mismatch, (l) => {
      const body = l.slice(0, 2) + '25545' + l.slice(7, 68);
      return body + String(tleChecksum(body));
    });
    const letterValue = lines[letter - 1].slice(26, 33);
    const removed = lines.splice(missing - 1, 1);
    expect(removed[0].startsWith('2 ')).toBe(true);

    const { records, errors } = parseTle(lines.join('\n'), { fileName: 'iss.tle' });
    expect(records).toHaveLength(2096 - 5);
    const byField = new Map(errors.map((e) => [e.field, e]));
    expect(byField.get('checksum')).toMatchObject({ line: badChecksum, column: 69 });
    expect(byField.get('eccentricity')).toMatchObject({ line: letter, column: 27, value: letterValue });
    expect(byField.get('eccentricity')!.message).toBe(
      `iss.tle:${letter}:27: field eccentricity: "${letterValue}" is not a number (seven digits after an implied decimal point)`,
    );
    expect(errors.find((e) => e.line === truncated)).toMatchObject({ field: 'line2', column: 51 });
    expect(byField.get('noradId')).toMatchObject({ line: mismatch, column: 3, value: '25545' });
    // The removed line 2 leaves line 1 followed by the next set's name line.
    const missingErr = errors.find((e) => e.field === 'line2' && e.line === missing)!;
    expect(missingErr.value).toBe('0 ISS (ZARYA)');
    expect(missingErr.message).toMatch(/is not line 2 of the set whose line 1 is line \d+ \(line 2 missing\)/);
    // Nothing else is reported ('a' for '0' keeps that line's checksum: letters and 0 both count 0).
    expect(errors.map((e) => `${e.line}:${e.field}`).sort()).toEqual(
      [`${badChecksum}:checksum`, `${letter}:eccentricity`, `${truncated}:line2`, `${mismatch}:noradId`, `${missing}:line2`].sort(),
    );
  });
});
