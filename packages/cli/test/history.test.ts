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
