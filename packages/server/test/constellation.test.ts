/**
 * Constellation API: the group route on a stored synthetic constellation (planes and positions),
 * request validation, and the deployment job on the worker pool with the stored station.
 */
import { describe, expect, it } from 'vitest';
import { formatTle, ISS_SAMPLE_TLE, parseTle } from '@stationkeeper/core';
import { startServer } from '../src/index.js';
import { tempDataDir } from './helpers.js';
import { readSse } from './sse.js';

/** Three planes 15° apart, five satellites each, plus the ISS sample. */
function constellationText(): string {
  const base = parseTle(ISS_SAMPLE_TLE).records[0];
  const lines = [ISS_SAMPLE_TLE.trim()];
  let id = 80001;
  for (let p = 0; p < 3; p++) {
    for (let s = 0; s < 5; s++) {
      const el = { ...base, noradId: id, objectName: `TESTSAT-${id++}`, intlDesignator: '22012A', inclinationDeg: 87.9, meanMotionRevPerDay: 13.15, raanDeg: 100 + 15 * p, meanAnomalyDeg: 72 * s, bstar: 0 };
      lines.push(el.objectName, ...formatTle(el));
    }
  }
  return lines.join('\n') + '\n';
}

async function api(base: string, method: string, path: string, body?: unknown) {
  const r = await fetch(base + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: await r.json() };
}

describe('constellation API', () => {
  it('group route, validation, and the deployment job against the stored station', async () => {
    const d = tempDataDir();
    const s = await startServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
    try {
      await fetch(s.url + '/api/ingest', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: constellationText() });
      const g = await api(s.url, 'GET', `/api/constellation/group?name=${encodeURIComponent('TESTSAT-*')}`);
      expect(g.status).toBe(200);
      expect(g.body.planes).toHaveLength(3);
      expect(g.body.spacing_deg).toBeCloseTo(15, 6);
      expect(g.body.members).toHaveLength(15);
      for (const m of g.body.members) expect(Math.abs(m.lat_deg)).toBeLessThanOrEqual(90), expect(m.plane).toBeGreaterThanOrEqual(0);
      expect((await api(s.url, 'GET', '/api/constellation/group?name=A&norad=1-2')).body.error).toMatch(/exactly one of intldes, name, norad/);
      expect((await api(s.url, 'GET', '/api/constellation/group?norad=9-1')).body.error).toMatch(/norad range 9-1 runs backwards/);
      expect((await api(s.url, 'GET', '/api/constellation/group?name=NOPE-*')).status).toBe(404);

      const params = {
        release_utc: '2022-07-15T13:00:00Z', altitude_km: 450, inclination_deg: 87.9, raan_deg: 204, satellites: 6, per_event: 2,
        event_interval_s: 1200, delta_v_step_m_s: 0.5, bstar: 0.0017, duration_days: 2, station_norad: 25544,
      };
      const bad = await api(s.url, 'POST', '/api/jobs', { type: 'constellation-deploy', params: { ...params, station_norad: 99999 } });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/object 99999 is not in the store/);
      const created = await api(s.url, 'POST', '/api/jobs', { type: 'constellation-deploy', params });
      expect(created.status).toBe(202);
      const events = await readSse(`${s.url}/api/jobs/${created.body.id}/events`, () => {});
      const last = events[events.length - 1];
      expect(last.data.status).toBe('succeeded');
      expect(last.data.result.satellites).toHaveLength(6);
      expect(last.data.result.co_flying).toHaveLength(3);
      expect(last.data.result.spread.length).toBeGreaterThan(2);
    } finally {
      await s.close();
      d.remove();
    }
  }, 60_000);
});
