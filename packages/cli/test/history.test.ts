import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { runCli } from './runCli.js';

describe.skipIf(!sharedDataAvailable())('stationkeeper history', () => {
  it('finds the ISS reboosts of 2021–2022 and writes the plot', () => {
    const plot = join(mkdtempSync(join(tmpdir(), 'sk-plot-')), 'iss.svg');
    const tle = sharedPath('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
    const r = runCli(['history', '--tle', tle, '--json', '--plot', plot]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.norad).toBe(25544);
    const raises = j.maneuvers.filter((m: { kind: string }) => m.kind === 'raise');
    // Roscosmos/NASA reported reboosts on 2021-08-21 (+0.71 m/s) and 2021-11-10 (+0.70 m/s) — docs/history.md.
    for (const [date, dv] of [['2021-08-21', 0.71], ['2021-11-10', 0.7]] as const) {
      const hit = raises.find((m: { window_start_utc: string }) => Math.abs(Date.parse(m.window_start_utc) - Date.parse(date)) < 2 * 86400e3);
      expect(hit, `reboost near ${date}`).toBeDefined();
      expect(Math.abs(hit.delta_v_m_per_s - dv) / dv).toBeLessThan(0.15);
    }
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/km/);
  });
});

describe('stationkeeper history --data-dir', () => {
  it('reads the element sets stored in the data directory (ingested through the API) when no --tle is given', async () => {
    const { openDatabase, ElementStore, DATABASE_FILE } = await import('@stationkeeper/server');
    const { ISS_SAMPLE_HISTORY_TLE } = await import('@stationkeeper/core');
    const { STORE_FILE } = await import('../src/storedHistory.js');
    expect(STORE_FILE).toBe(DATABASE_FILE);
    const dir = mkdtempSync(join(tmpdir(), 'sk-store-'));
    // The first 120 sets of the sample history (2021-01 … ~02): fewer than the embedded sample's.
    const lines = ISS_SAMPLE_HISTORY_TLE.trim().split('\n').slice(0, 240).join('\n');
    const db = openDatabase(dir);
    new ElementStore(db).ingestText(lines);
    db.close();
    const stored = runCli(['history', '--data-dir', dir, '--json']);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stderr).toMatch(/element sets of NORAD 25544 stored in the data directory/);
    const j = JSON.parse(stored.stdout);
    const sample = JSON.parse(runCli(['history', '--json']).stdout);
    expect(j.points.length).toBeGreaterThan(100);
    expect(j.points.length).toBeLessThanOrEqual(120);
    expect(j.points.length).toBeLessThan(sample.points.length);
    expect(j.points[0]).toEqual(sample.points[0]);
    // Another object with nothing stored: a one-line usage error naming --tle.
    const none = runCli(['history', '--data-dir', dir, '--norad', '43013']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no element history of NORAD 43013 in the data directory: pass --tle FILE/);
  });
});
