import { describe, expect, it } from 'vitest';
import { buildServer, startServer, INTERRUPTED_BY_RESTART } from '../src/index.js';
import { syntheticCatalogue, tempDataDir } from './helpers.js';
import { readSse } from './sse.js';

async function api(base: string, method: string, path: string, body?: unknown) {
  const r = await fetch(base + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: await r.json() };
}

describe('jobs on the worker pool (real listen on 127.0.0.1:0)', () => {
  it('streams progress over SSE, finishes a screen, cancels a running job', async () => {
    const d = tempDataDir();
    const s = await startServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 2, webDist: null });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A small catalogue: 600 ISS-like objects and the sample's epoch.
      const ing = await fetch(s.url + '/api/ingest', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: syntheticCatalogue(600, 70000) });
      expect((await ing.json()).accepted).toBe(600);

      const created = await api(s.url, 'POST', '/api/jobs', { type: 'altitude-band-screen', params: { hours: 3, step_s: 30, min_alt_km: 400, max_alt_km: 425 } });
      expect(created.status).toBe(202);
      expect(created.body.status).toBe('queued');
      const events = await readSse(`${s.url}/api/jobs/${created.body.id}/events`, () => {});
      const progress = events.filter((e) => e.event === 'progress');
      expect(progress.length).toBeGreaterThan(0);
      for (let i = 1; i < progress.length; i++) expect(progress[i].data.progress).toBeGreaterThanOrEqual(progress[i - 1].data.progress);
      const last = events[events.length - 1];
      expect(last.event).toBe('job');
      expect(last.data.status).toBe('succeeded');
      const result = last.data.result;
      expect(result.objects_screened).toBe(600);
      expect(result.samples).toBe(600 * 361);
      expect(result.propagation_errors).toBe(0);
      // ISS orbit (≈ 414–421 km mean, ≈ 413–435 km geodetic): every object spends part of its time in 400–425 km
      expect(result.in_band_count).toBe(600);
      for (const x of result.in_band) expect(x.fraction_in_band).toBeGreaterThan(0.2), expect(x.fraction_in_band).toBeLessThan(1);
      const stored = await api(s.url, 'GET', `/api/jobs/${created.body.id}`);
      expect(stored.body).toMatchObject({ status: 'succeeded', progress: 1 });
      expect(stored.body.finished_utc).not.toBeNull();

      // Cancel a running CPU-heavy job: status cancelled, stream ends with the cancelled job.
      const burn = await api(s.url, 'POST', '/api/jobs', { type: 'cpu-burn', params: { seconds: 60 } });
      let cancelled: Promise<unknown> | undefined;
      const burnEvents = await readSse(`${s.url}/api/jobs/${burn.body.id}/events`, (e) => {
        if (e.event === 'progress' && !cancelled) cancelled = api(s.url, 'DELETE', `/api/jobs/${burn.body.id}`);
      });
      const c = (await cancelled) as { status: number; body: { status: string } };
      expect(c.status).toBe(200);
      expect(c.body.status).toBe('cancelled');
      expect(burnEvents[burnEvents.length - 1].data.status).toBe('cancelled');
      expect((await api(s.url, 'DELETE', `/api/jobs/${burn.body.id}`)).status).toBe(409);
      // the pool is free again: a short job still runs after the cancel terminated a worker
      const quick = await api(s.url, 'POST', '/api/jobs', { type: 'cpu-burn', params: { seconds: 0.2 } });
      const qe = await readSse(`${s.url}/api/jobs/${quick.body.id}/events`, () => {});
      expect(qe[qe.length - 1].data.status).toBe('succeeded');
      expect(qe[qe.length - 1].data.result.propagations).toBeGreaterThan(1000);
      const list = await api(s.url, 'GET', '/api/jobs?limit=2');
      expect(list.body.jobs.map((j: { id: string }) => j.id)).toEqual([quick.body.id, burn.body.id]);
    } finally {
      await s.close();
      d.remove();
    }
  }, 30_000);

  it('a job cut off by a restart is marked failed, never lost', async () => {
    const d = tempDataDir();
    const a = await buildServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
    const job = (await a.app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'cpu-burn', params: { seconds: 30 } } })).json();
    // wait until it runs
    for (let i = 0; i < 100 && a.runner.get(job.id)!.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(a.runner.get(job.id)!.status).toBe('running');
    const queued = (await a.app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'cpu-burn', params: { seconds: 30 } } })).json();
    // "crash": the process goes away without updating the rows
    await a.close({ abandonJobs: true });
    const b = await buildServer({ host: '127.0.0.1', port: 0, dataDir: d.dir, jobWorkers: 1, webDist: null });
    try {
      expect(b.startup.interruptedJobs.sort()).toEqual([job.id, queued.id].sort());
      for (const id of [job.id, queued.id]) {
        const r = (await b.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
        expect(r.status).toBe('failed');
        expect(r.error).toBe(INTERRUPTED_BY_RESTART);
      }
    } finally {
      await b.close();
      d.remove();
    }
  }, 20_000);
});
