import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { buildServer, INTERRUPTED_BY_RESTART, startServer, type Server } from '../src/index.js';
import { readSse } from './sse.js';
import { sharedTestServer, tempDataDir, testServer } from './helpers.js';

/** A data directory with the shared MSIS coefficients and space weather linked in (the database is written beside them). */
function dataDirWithAtmosphere(): { dir: string; remove: () => void } {
  const d = tempDataDir();
  for (const sub of ['nrlmsise', 'spaceweather']) symlinkSync(sharedPath(sub), join(d.dir, sub), 'dir');
  return d;
}

const ONE_YEAR_YAML = `
name: one year, Progress only
start: 2023-01-01
end: 2023-12-31
orbit:
  mean_altitude_km: 415
station:
  mass_kg: 450000
  drag_area_m2: 1500
  drag_coefficient: 2.0
initial_propellant:
  - vehicle: progress-ms
    propellant_kg: 600
policy:
  min_altitude_km: 410
  max_altitude_km: 420
  vehicle_priority: [progress-ms, zvezda]
space_weather: forecast
events:
  - type: recurring-arrival
    vehicle: progress-ms
    from: 2023-02-01
    until: 2023-12-31
    per_year: 4
`;

async function json(base: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const r = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': contentType }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, body: text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

describe.skipIf(!sharedDataAvailable())('scenarios over HTTP (real listen, worker pool)', () => {
  let s: Server & { url: string };
  let d: { dir: string; remove: () => void };
  beforeAll(async () => {
    d = dataDirWithAtmosphere();
    s = await startServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
  });
  afterAll(async () => {
    await s.close();
    d.remove();
  });

  it('YAML scenario → 202 job → progress over SSE → result with burns, ledger, altitude series; report HTML', async () => {
    const created = await json(s.url, 'POST', '/api/scenarios', ONE_YEAR_YAML, 'text/yaml');
    expect(created.status, created.text).toBe(202);
    const { scenario_id, job } = created.body;
    expect(job.type).toBe('scenario');
    expect(job.params).toMatchObject({ scenario_id, decay: 'circular', sample_every_days: 1 });
    expect(created.headers.get('location')).toBe(`/api/scenarios/${scenario_id}`);

    const events = await readSse(`${s.url}/api/jobs/${job.id}/events`);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((e) => /simulated to 2023-/.test(e.data.message))).toBe(true);
    const last = events.at(-1)!;
    expect(last.event).toBe('job');
    expect(last.data.status, last.data.error).toBe('succeeded');

    const got = await json(s.url, 'GET', `/api/scenarios/${scenario_id}`);
    expect(got.status).toBe(200);
    expect(got.body.name).toBe('one year, Progress only');
    expect(got.body.source).toBe('yaml');
    expect(got.body.definition.policy.vehicle_priority).toEqual(['progress-ms', 'zvezda']);
    expect(got.body.runs).toHaveLength(1);
    expect(got.body.runs[0]).toMatchObject({ id: job.id, job_id: job.id, status: 'succeeded', progress: 1 });
    const r = got.body.latest_result;
    expect(got.body.latest_result_run_id).toBe(job.id);
    // 2023: about 30–60 m/s of reboost a year at 410–420 km (docs/station-keeping.md); Progress pays it all.
    expect(r.burns.length).toBeGreaterThan(5);
    // Progress burns its own propellant and refills Zvezda, which burns too: nobody else flies.
    for (const b of r.burns) expect(['progress-ms', 'zvezda']).toContain(b.vehicle);
    const dv = r.burns.reduce((a: number, b: { delta_v_m_s: number }) => a + b.delta_v_m_s, 0);
    expect(dv).toBeGreaterThan(10);
    expect(dv).toBeLessThan(150);
    expect(r.ledger.by_vehicle.reduce((n: number, v: { burns: number }) => n + v.burns, 0)).toBe(r.burns.length);
    const burnedKg = r.burns.reduce((a: number, b: { propellant_kg: number }) => a + b.propellant_kg, 0);
    expect(r.ledger.by_vehicle.reduce((n: number, v: { burned_kg: number }) => n + v.burned_kg, 0)).toBeCloseTo(burnedKg, 0);
    expect(r.altitude_series.epoch_utc).toHaveLength(365);
    for (const a of r.altitude_series.mean_altitude_km) expect(a).toBeGreaterThan(405), expect(a).toBeLessThan(421);
    expect(r.propellant_exhausted_utc).toBeNull();
    // the job carries the same result
    expect(last.data.result.scenario_id).toBe(scenario_id);
    expect(last.data.result.burns).toEqual(r.burns);

    const report = await fetch(`${s.url}/api/scenarios/${scenario_id}/report`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(report.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await report.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('one year, Progress only');
    expect(html).toContain('<svg');
    // self-contained: no script, no stylesheet link, no src/href that leaves the page
    expect(html).not.toMatch(/<script|<link|@import|<iframe|<object|<embed/i);
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#[\w-]+$/); // only in-page fragments (SVG clip paths)
    expect(html).not.toContain(d.dir); // no server paths shown to clients
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    for (const m of html.matchAll(/https?:\/\/[^\s"'<>]+/g)) expect(m[0]).toBe('http://www.w3.org/2000/svg');

    const list = await json(s.url, 'GET', '/api/scenarios');
    expect(list.body.scenarios[0]).toMatchObject({ id: scenario_id, source: 'yaml', latest_run: { status: 'succeeded' } });

    expect((await json(s.url, 'DELETE', `/api/scenarios/${scenario_id}`)).status).toBe(204);
    expect((await json(s.url, 'GET', `/api/scenarios/${scenario_id}`)).status).toBe(404);
    expect((await json(s.url, 'GET', `/api/scenarios/${scenario_id}/report`)).status).toBe(404);
    expect((await json(s.url, 'DELETE', `/api/scenarios/${scenario_id}`)).status).toBe(404);
  }, 30_000);

  it('an example by name with a partner-withdrawal date moved: propellant runs out, re-entry follows', async () => {
    const created = await json(s.url, 'POST', '/api/scenarios?sample_every_days=7', {
      example: 'iss-no-russian-reboost-2022',
      overrides: { partner_withdrawals: [{ partner: 'roscosmos', date: '2022-03-01' }] },
    });
    expect(created.status, created.text).toBe(202);
    const events = await readSse(`${s.url}/api/jobs/${created.body.job.id}/events`);
    expect(events.at(-1)!.data.status).toBe('succeeded');
    const got = (await json(s.url, 'GET', `/api/scenarios/${created.body.scenario_id}`)).body;
    expect(got.source).toBe('example iss-no-russian-reboost-2022');
    const withdrawals = got.definition.events.filter((e: { type: string }) => e.type === 'partner-withdrawal');
    expect(withdrawals).toEqual([{ type: 'partner-withdrawal', date: '2022-03-01', partner: 'roscosmos' }]);
    const r = got.latest_result;
    expect(r.burns.every((b: { epoch_utc: string }) => b.epoch_utc < '2022-03-01')).toBe(true);
    expect(r.propellant_exhausted_utc).not.toBeNull();
    expect(r.propellant_exhausted_utc > '2022-03-01').toBe(true);
    // no reboost from March 2022 through the 2023–24 solar maximum: down within about two years
    expect(r.reentry.nominal_utc > '2023-01-01' && r.reentry.nominal_utc < '2025-06-01').toBe(true);
    // weekly samples
    expect(Date.parse(r.altitude_series.epoch_utc[1]) - Date.parse(r.altitude_series.epoch_utc[0])).toBe(7 * 86400e3);
  }, 30_000);

  it('cancel: DELETE of the job stops a running scenario, the run shows cancelled', async () => {
    const created = await json(s.url, 'POST', '/api/scenarios?decay=averaged', { example: 'iss-baseline' });
    expect(created.status, created.text).toBe(202);
    const jobId = created.body.job.id;
    let cancel: Promise<unknown> | undefined;
    const events = await readSse(`${s.url}/api/jobs/${jobId}/events`, (e) => {
      if (e.event === 'progress' && !cancel) cancel = json(s.url, 'DELETE', `/api/jobs/${jobId}`);
    });
    expect(((await cancel) as { status: number }).status).toBe(200);
    expect(events.at(-1)!.data.status).toBe('cancelled');
    const got = (await json(s.url, 'GET', `/api/scenarios/${created.body.scenario_id}`)).body;
    expect(got.runs[0].status).toBe('cancelled');
    expect(got.latest_result).toBeNull();
    const report = await json(s.url, 'GET', `/api/scenarios/${created.body.scenario_id}/report`);
    expect(report.status).toBe(404);
    expect(report.body.error).toMatch(/no finished result yet: its latest run is cancelled/);
  }, 30_000);
});

describe('scenario requests are checked before anything runs', () => {
  const server = sharedTestServer();
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    server().app.inject({ method: 'POST', url: '/api/scenarios', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

  it('lists the shipped examples', async () => {
    const r = (await server().app.inject({ method: 'GET', url: '/api/scenarios/examples' })).json();
    expect(r.examples.map((e: { name: string }) => e.name)).toEqual(['iss-baseline', 'iss-no-russian-reboost-2022', 'iss-us-reboost-only', 'iss-no-russian-attitude-2022']);
    for (const e of r.examples) {
      expect(e.title.length).toBeGreaterThan(10);
      expect(e.description.length).toBeGreaterThan(20);
      expect(e.definition.policy).toBeDefined();
    }
  });

  it('an invalid definition → 400 naming the path', async () => {
    const example = (await server().app.inject({ method: 'GET', url: '/api/scenarios/examples' })).json().examples[1].definition;
    example.events[1].date = 'the second of April';
    const r = await post(example);
    expect(r.statusCode).toBe(400);
    expect(r.json().field).toBe('body.events[1].date');
    expect(r.json().error).toMatch(/^body\.events\[1\]\.date: /);
    // wrapped form: the path is inside body.definition
    const w = await post({ name: 'x', definition: { ...example, events: [], policy: { ...example.policy, vehicle_priority: ['warp-drive'] } } });
    expect(w.statusCode).toBe(400);
    expect(w.json().error).toMatch(/^body\.definition\.policy\.vehicle_priority\[0\]: unknown vehicle "warp-drive"/);
    // YAML syntax error: line and column
    const y = await post('name: [unclosed\nstart: 2022-01-01\n', { 'content-type': 'application/yaml' });
    expect(y.statusCode).toBe(400);
    expect(y.json().error).toMatch(/^body: line \d+, column \d+/);
    // overrides are checked too
    const o = await post({ example: 'iss-baseline', overrides: { partner_withdrawals: [{ partner: 'roscosmos', date: 'soon' }] } });
    expect(o.statusCode).toBe(400);
    expect(o.json().error).toBe('body.overrides.partner_withdrawals[0].date: not a date: "soon"');
    const u = await post({ example: 'iss-baseline', overrides: { warp: 9 } });
    expect(u.statusCode).toBe(400);
    expect(u.json().field).toBe('body.overrides.warp');
    expect((await server().app.inject({ method: 'GET', url: '/api/scenarios' })).json().scenarios).toEqual([]);
  });

  it('an example is looked up by name only: path-like names are refused', async () => {
    for (const name of ['../../package.json', '/etc/passwd', 'iss-baseline.yaml', 'examples/scenarios/iss-baseline', '..%2fiss-baseline', 'constructor', '__proto__']) {
      const r = await post({ example: name });
      expect(r.statusCode, name).toBe(400);
      expect(r.json().field).toBe('body.example');
      expect(r.json().error).toContain('known: iss-baseline, iss-no-russian-reboost-2022, iss-us-reboost-only, iss-no-russian-attitude-2022');
    }
    expect((await post({ example: 42 })).statusCode).toBe(400);
  });

  it('an empty data directory runs on the embedded defaults: the headline example is accepted (202)', async () => {
    const r = await post({ example: 'iss-no-russian-reboost-2022' });
    expect(r.statusCode, r.body).toBe(202);
  });
});

describe.skipIf(!sharedDataAvailable())('space weather only when the scenario needs it', () => {
  it('forecast without SW-All.csv runs on the solar-cycle model and says so in the notes', async () => {
    const d = tempDataDir();
    mkdirSync(join(d.dir, 'x'));
    symlinkSync(sharedPath('nrlmsise'), join(d.dir, 'nrlmsise'), 'dir');
    const s = await testServer({ dataDir: d.dir });
    try {
      const ok = await s.app.inject({ method: 'POST', url: '/api/scenarios', payload: { example: 'iss-baseline', overrides: { end: '2022-06-30' } } });
      expect(ok.statusCode, ok.body).toBe(202);
      await s.runner.settled(ok.json().job.id);
      const job = (await s.app.inject({ method: 'GET', url: `/api/jobs/${ok.json().job.id}` })).json();
      expect(job.status, job.error).toBe('succeeded');
      expect(job.result.assumptions.space_weather).toBe('solar-cycle model');
      expect(job.result.notes[0].text).toMatch(/^no space-weather file in the data directory: the solar-cycle model stands in/);
    } finally {
      await s.close();
      d.remove();
    }
  }, 20_000);
});

describe.skipIf(!sharedDataAvailable())('a scenario run cut off by a restart', () => {
  it('shows failed, "interrupted by restart", and the scenario is still there', async () => {
    const d = dataDirWithAtmosphere();
    const config = { host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null };
    const a = await buildServer(config);
    const created = (await a.app.inject({ method: 'POST', url: '/api/scenarios?decay=averaged', payload: { example: 'iss-baseline' } })).json();
    for (let i = 0; i < 200 && a.runner.get(created.job.id)!.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    await a.close({ abandonJobs: true }); // as a crash would leave it
    const b = await buildServer(config);
    try {
      expect(b.startup.interruptedJobs).toEqual([created.job.id]);
      const got = (await b.app.inject({ method: 'GET', url: `/api/scenarios/${created.scenario_id}` })).json();
      expect(got.source).toBe('example iss-baseline');
      expect(got.runs).toHaveLength(1);
      expect(got.runs[0]).toMatchObject({ id: created.job.id, status: 'failed', error: INTERRUPTED_BY_RESTART });
      expect(got.latest_result).toBeNull();
    } finally {
      await b.close();
      d.remove();
    }
  }, 20_000);
});
