import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as cliMain } from '@stationkeeper/cli';
import { ISS_SAMPLE_TLE } from '@stationkeeper/core';
import { SAMPLE_EPOCH, syntheticCatalogue, sharedTestServer, tempDataDir, testServer } from './helpers.js';
import { Value } from '@sinclair/typebox/value';
import { PassesResponse, StateResponse } from '../src/routes/objects.js';

const server = sharedTestServer();

/** `stationkeeper where --json` run in this process; its printed JSON. */
async function where(opts: { at: string; dataDir: string; norad: string }) {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await cliMain(['node', 'stationkeeper', 'where', '--json', '--at', opts.at, '--data-dir', opts.dataDir, '--norad', opts.norad])).toBe(0);
  } finally {
    write.mockRestore();
  }
  return JSON.parse(out);
}

const get = (url: string) => server().app.inject({ method: 'GET', url });

describe('request validation names the field', () => {
  const cases: [string, number, string][] = [
    ['/api/objects/25544/passes?lat=95&lon=0', 400, 'query.lat: must be <= 90'],
    ['/api/objects/25544/passes?lon=0', 400, 'query.lat: is required'],
    ['/api/objects/25544/passes?lat=10&lon=abc', 400, 'query.lon: must be a finite decimal number'],
    ['/api/objects/25544/passes?lat=10&lon=0&days=31', 400, 'query.days: must be <= 30'],
    ['/api/objects/25544/state?at=yesterday', 400, 'query.at: not an ISO 8601 UTC time'],
    ['/api/objects/25544/state?lat=5', 400, 'query.lat: is not a known parameter'],
    ['/api/objects/0/state', 400, 'params.norad: must be >= 1'],
    ['/api/objects/abc', 400, 'params.norad: must be integer'],
    ['/api/objects/25544/track?minutes=2880&step_s=1', 400, 'query.minutes: 2880 min at step_s 1 gives 172801 points'],
    ['/api/jobs/not-a-uuid', 400, 'params.id: must match format "uuid"'],
    ['/api/objects/5/state', 404, 'params.norad: no element set for NORAD 5'],
  ];
  it.each(cases)('%s → %i %s', async (url, code, message) => {
    const r = await get(url);
    expect(r.statusCode).toBe(code);
    const body = r.json();
    expect(body.error).toContain(message);
    expect(body.status_code).toBe(code);
    expect(body.field).toBe(message.split(':')[0]);
  });

  it('rejects a bad job body with the field inside params', async () => {
    const r = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'cpu-burn', params: { seconds: -1 } } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/^body\.params\.seconds: /);
    const r2 = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'warp-drive' } });
    expect(r2.json().error).toMatch(/^body\.type: unknown job type "warp-drive" \(known: altitude-band-screen, cpu-burn, porkchop, transfer-windows, scenario, lifetime, reentry/);
    const r3 = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { params: {} } });
    expect(r3.json().error).toBe('body.type: is required');
  });

  it('limits bodies: 64 kB on ordinary routes', async () => {
    const r = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'cpu-burn', params: { pad: 'x'.repeat(70_000) } } });
    expect(r.statusCode).toBe(413);
  });
});

describe('state of the ISS from the embedded sample', () => {
  it('defaults to the sample epoch and says so', async () => {
    const r = await get('/api/objects/25544/state');
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.elements_source).toBe('embedded sample');
    expect(b.epoch_utc).toBe(SAMPLE_EPOCH.toIsoUtc(3));
    expect(b.tle_age_days).toBe(0);
    expect(b.note).toMatch(/embedded sample/);
  });

  it.each(['2022-07-15T12:14:42Z', '2022-07-15T13:00:00Z', '2022-07-16T03:21:09.5Z'])('matches the CLI `where --json` at %s', async (at) => {
    const dir = tempDataDir();
    try {
      const cli = await where({ at, dataDir: dir.dir, norad: '25544' });
      const api = (await get(`/api/objects/25544/state?at=${at}`)).json();
      expect(cli.source).toMatch(/embedded sample/);
      expect(api.elements_source).toBe('embedded sample');
      expect(api.epoch_utc).toBe(cli.epoch_utc);
      // One builder (runtime wire/state.ts) writes both: the same figures to the same 1e-6.
      for (const key of ['epoch_utc', 'lat_deg', 'lon_deg', 'alt_km', 'speed_km_s', 'ground_speed_km_s', 'sunlit', 'tle_epoch_utc', 'tle_age_days'] as const) {
        expect(api[key], key).toBe(cli[key]);
      }
      expect(cli.lat_deg).toBe(Math.round(cli.lat_deg * 1e6) / 1e6);
    } finally {
      dir.remove();
    }
  });

  it('track, passes, history and object answer from the sample', async () => {
    const t = (await get('/api/objects/25544/track?minutes=92.9&step_s=60')).json();
    expect(t.points).toHaveLength(93);
    expect(t.start_utc).toBe(SAMPLE_EPOCH.toIsoUtc(3));
    const first = t.points[0];
    const st = (await get(`/api/objects/25544/state?at=${encodeURIComponent(first.t_utc)}`)).json();
    expect(first.lat_deg).toBeCloseTo(st.lat_deg, 4);
    // ~92.9 min period: the last point is back near the first latitude
    expect(Math.abs(t.points[92].lat_deg - first.lat_deg)).toBeLessThan(1.5);
    for (const p of t.points) expect(p.alt_km).toBeGreaterThan(400), expect(p.alt_km).toBeLessThan(440);

    const p = (await get('/api/objects/25544/passes?lat=48.85&lon=2.35&days=2')).json();
    expect(p.elements_source).toBe('embedded sample');
    expect(p.passes.length).toBeGreaterThan(3);
    for (const x of p.passes) expect(x.max_elevation_deg).toBeGreaterThanOrEqual(10 - 1e-6);
    // served pre-serialised from the cache: must still match the response schema, second time too
    expect([...Value.Errors(PassesResponse, p)]).toEqual([]);
    expect((await get('/api/objects/25544/passes?lat=48.85&lon=2.35&days=2')).json()).toEqual(p);
    expect([...Value.Errors(StateResponse, (await get('/api/objects/25544/state')).json())]).toEqual([]);

    const o = (await get('/api/objects/25544')).json();
    expect(o.latest.line1).toBe(ISS_SAMPLE_TLE.split('\n')[1]);
    // The history comes from the embedded sample history (2021-01 … 2022-03), with the 2021–22 reboosts.
    const history = (await get('/api/objects/25544/history')).json();
    expect(history.points).toHaveLength(2024);
    expect(history.note).toMatch(/embedded sample ISS history 2021-01-01 … 2022-03-03/);
    expect(history.maneuvers.filter((m: { kind: string }) => m.kind === 'raise').length).toBeGreaterThanOrEqual(11);
  });
});

describe('ingest', () => {
  it('stores good records, reports bad ones by line and field, dedupes on object + epoch', async () => {
    const good = syntheticCatalogue(3, 80000, 2);
    const badLine = good.split('\n');
    // corrupt the eccentricity of the 2nd element set (line 2 of record 2 = file line 6)
    badLine[5] = badLine[5].slice(0, 26) + '00a4941' + badLine[5].slice(33);
    const text = badLine.join('\n');
    const r = await server().app.inject({ method: 'POST', url: '/api/ingest?source=test', payload: text, headers: { 'content-type': 'text/plain' } });
    expect(r.statusCode).toBe(200);
    const rep = r.json();
    expect(rep).toMatchObject({ format: 'tle', accepted: 5, duplicates: 0, rejected: 1, objects: 3 });
    expect(rep.errors[0].line).toBe(6);
    expect(rep.errors[0].message).toMatch(/upload:6/);
    const again = (await server().app.inject({ method: 'POST', url: '/api/ingest', payload: good, headers: { 'content-type': 'text/plain' } })).json();
    expect(again).toMatchObject({ accepted: 1, duplicates: 5, rejected: 0 });
    const h = (await get('/api/objects/80000/tle?limit=1&order=asc')).json();
    expect(h).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(h.items[0].source).toBe('test');
    expect((await get('/api/objects/80000/tle?offset=1')).json().items).toHaveLength(1);
    const st = (await get('/api/objects/80001/state?at=2022-07-15T13:30:00Z')).json();
    expect(st.elements_source).toBe('store');
    expect(st.tle_epoch_utc).toBe(SAMPLE_EPOCH.plusSeconds(3600).toIsoUtc(3)); // latest at or before
  });

  it('accepts OMM JSON and rejects unknown content types', async () => {
    const omm = JSON.stringify([
      { OBJECT_NAME: 'OMM SAT', OBJECT_ID: '1998-067A', NORAD_CAT_ID: 81000, EPOCH: '2022-07-15T12:14:42.327712', MEAN_MOTION: 15.49958191, ECCENTRICITY: 0.0004941, INCLINATION: 51.6398, RA_OF_ASC_NODE: 196.3106, ARG_OF_PERICENTER: 13.7716, MEAN_ANOMALY: 97.3744, EPHEMERIS_TYPE: 0, CLASSIFICATION_TYPE: 'U', ELEMENT_SET_NO: 999, REV_AT_EPOCH: 34957, BSTAR: 0.00012517, MEAN_MOTION_DOT: 6.684e-5, MEAN_MOTION_DDOT: 0 },
    ]);
    const r = await server().app.inject({ method: 'POST', url: '/api/ingest', payload: omm, headers: { 'content-type': 'application/json' } });
    expect(r.json()).toMatchObject({ format: 'omm-json', accepted: 1, rejected: 0 });
    expect((await get('/api/objects/81000')).json().latest.line1).toMatch(/^1 81000U/);
    const bad = await server().app.inject({ method: 'POST', url: '/api/ingest', payload: 'x', headers: { 'content-type': 'image/png' } });
    expect(bad.statusCode).toBe(415);
  });
});

describe('documents and files', () => {
  it('OpenAPI lists every route with its schemas', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const listed = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        listed.add(`${method.toUpperCase()} ${path}`);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    const expected = server().routes.routes.filter((r) => !r.hidden).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect([...listed].sort()).toEqual([...new Set(expected)].sort());
    for (const must of ['GET /api/objects/{norad}/state', 'GET /api/objects/{norad}/passes', 'POST /api/ingest', 'POST /api/jobs', 'GET /api/jobs/{id}/events', 'DELETE /api/jobs/{id}', 'POST /api/scenarios', 'GET /api/objects/{norad}/reentry']) {
      expect(listed).toContain(must);
    }
    expect(doc.paths['/api/objects/{norad}/passes'].get.parameters.find((p: { name: string }) => p.name === 'lat')).toMatchObject({ in: 'query', required: true, schema: { maximum: 90 } });
    expect(doc.paths['/api/ingest'].post.security).toEqual([{ bearer: [] }]);
  });

  it('an empty scenario definition is refused naming the field; decay routes run on the embedded defaults', async () => {
    const r = await server().app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', definition: {} } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/^body\.definition\.start: /);
    const start = (url: string) => server().app.inject({ method: 'POST', url });
    expect((await start('/api/objects/25544/reentry?mc=1')).statusCode).toBe(202);
    expect((await start('/api/objects/25544/lifetime?mc=1')).statusCode).toBe(202);
    expect((await get('/api/scenarios')).json()).toEqual({ scenarios: [] });
  });

  it('no CORS header, even when asked', async () => {
    const r = await server().app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the dashboard from a fixed file map; paths never leave it', async () => {
    const d = tempDataDir();
    const dist = join(d.dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>sk</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(d.dir, 'secret.txt'), 'TOPSECRET-CONTENT');
    const w = await testServer({ webDist: dist });
    try {
      const root = await w.app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.headers['content-type']).toMatch(/text\/html/);
      expect((await w.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
      for (const url of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '//etc/passwd']) {
        const r = await w.app.inject({ method: 'GET', url });
        expect(r.body).not.toContain('TOPSECRET');
        expect(r.statusCode).toBe(404);
      }
    } finally {
      await w.close();
      w.remove();
      d.remove();
    }
  });
});

describe('stale elements are said, not shown as the sky of that day', () => {
  const inject = (url: string) => server().app.inject({ method: 'GET', url });

  it('state, track and passes far from the element epoch carry a note; near it they do not', async () => {
    const far = '2026-12-01T00:00:00Z';
    for (const url of [`/api/objects/25544/state?at=${far}`, `/api/objects/25544/track?start=${far}&minutes=10`, `/api/objects/25544/passes?lat=48.85&lon=2.35&days=1&start=${far}`]) {
      const r = await inject(url);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().note, url).toMatch(/^stale elements: the element set of 2022-07-15 is 1599 days before 2026-12-01T00:00:00Z; /);
    }
    const near = await inject('/api/objects/25544/state?at=2022-07-20T00:00:00Z');
    expect(near.json().note).toBeUndefined();
    expect(Value.Check(StateResponse, near.json())).toBe(true);
  });
});

describe('passes with their path across the sky', () => {
  it('sky_step_s adds azimuth/elevation from rise to set, through the culmination', async () => {
    const r = await server().app.inject({ method: 'GET', url: '/api/objects/25544/passes?lat=48.8566&lon=2.3522&days=1&sky_step_s=20' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(Value.Check(PassesResponse, body)).toBe(true);
    expect(body.passes.length).toBeGreaterThan(2);
    for (const p of body.passes) {
      expect(p.sky[0].az_deg).toBeCloseTo(p.rise_azimuth_deg, 1);
      expect(p.sky.at(-1).az_deg).toBeCloseTo(p.set_azimuth_deg, 1);
      expect(Math.max(...p.sky.map((x: { el_deg: number }) => x.el_deg))).toBeCloseTo(p.max_elevation_deg, 1);
    }
    expect((await server().app.inject({ method: 'GET', url: '/api/objects/25544/passes?lat=0&lon=0&sky_step_s=2' })).json().error).toBe('query.sky_step_s: must be >= 5');
  });
});

describe('place search (offline gazetteer)', () => {
  const get = (url: string) => server().app.inject({ method: 'GET', url });

  it('finds cities by the start of their name, accents and case ignored, largest first', async () => {
    const paris = (await get('/api/places?q=paris')).json();
    expect(paris.places[0]).toMatchObject({ name: 'Paris', country: 'France', time_zone: 'Europe/Paris' });
    expect(paris.places[0].lat_deg).toBeCloseTo(48.87, 1);
    expect(paris.places[0].lon_deg).toBeCloseTo(2.33, 1);
    // The table writes "Sao Paulo"; an accented, upper-case query finds it.
    const sao = (await get('/api/places?q=S%C3%83O%20PA')).json();
    expect(sao.places[0]).toMatchObject({ name: 'Sao Paulo', time_zone: 'America/Sao_Paulo' });
    const hou = (await get('/api/places?q=hou&limit=3')).json();
    expect(hou.places).toHaveLength(3);
    for (let i = 1; i < hou.places.length; i++) expect(hou.places[i].population).toBeLessThanOrEqual(hou.places[i - 1].population);
  });

  it('validates the query', async () => {
    expect((await get('/api/places?q=p')).json().error).toBe('query.q: must NOT have fewer than 2 characters');
    expect((await get('/api/places')).statusCode).toBe(400);
    expect((await get('/api/places?q=zzzzqqq')).json().places).toEqual([]);
  });
});
