import { describe, expect, it } from 'vitest';
import { dedupeByEpoch, parseTle } from '../../src/foundation/formats/index.js';
import { detectManeuvers, orbitHistory } from '../../src/analysis/history/index.js';
import { ISS_SAMPLE_HISTORY_INFO, ISS_SAMPLE_HISTORY_TLE } from '../../src/foundation/sampleHistory.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';

const SOURCE = ['tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt'] as const;

describe('embedded sample ISS history', () => {
  const parsed = parseTle(ISS_SAMPLE_HISTORY_TLE);

  it('parses with valid checksums, one object, epochs strictly increasing, as its header says', () => {
    expect(parsed.errors).toEqual([]);
    const r = parsed.records;
    expect(r.length).toBe(ISS_SAMPLE_HISTORY_INFO.elementSets);
    expect(new Set(r.map((x) => x.noradId))).toEqual(new Set([25544]));
    for (let i = 1; i < r.length; i++) expect(r[i].epoch.isAfter(r[i - 1].epoch)).toBe(true);
    expect(r[0].epoch.toIsoUtc(0)).toBe(ISS_SAMPLE_HISTORY_INFO.firstEpochUtc);
    expect(r[r.length - 1].epoch.toIsoUtc(0)).toBe(ISS_SAMPLE_HISTORY_INFO.lastEpochUtc);
  });

  it.skipIf(!sharedDataAvailable())('is the reference file with re-issued epochs removed: same sets, same detected manoeuvres', () => {
    const ref = dedupeByEpoch(parseTle(readShared(...SOURCE)).records, 'keep-latest');
    expect(parsed.records.map((r) => r.line1 + r.line2)).toEqual(ref.map((r) => r.line1 + r.line2));
    const ours = detectManeuvers(orbitHistory(parsed.records));
    const theirs = detectManeuvers(orbitHistory(ref));
    expect(ours.maneuvers.map((m) => `${m.kind} ${m.windowStart.toIsoUtc(0)}`)).toEqual(theirs.maneuvers.map((m) => `${m.kind} ${m.windowStart.toIsoUtc(0)}`));
    expect(ours.maneuvers.length).toBeGreaterThanOrEqual(11);
  });
});
