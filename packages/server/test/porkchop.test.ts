import { describe, expect, it } from 'vitest';
import { sharedTestServer } from './helpers.js';

/** POST a job and poll it until it ends. */
async function runJob(server: () => { app: { inject: (o: object) => Promise<{ json: () => any; statusCode: number }> } }, type: string, params: Record<string, unknown>) {
  const r = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type, params } });
  expect(r.statusCode).toBe(202);
  let job = r.json();
  for (let k = 0; k < 600 && job.status !== 'succeeded' && job.status !== 'failed'; k++) {
    await new Promise((res) => setTimeout(res, 100));
    job = (await server().app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).json();
  }
  return job;
}

describe('porkchop job', () => {
  const server = sharedTestServer();
  const post = (params: Record<string, unknown>) => server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'porkchop', params } });
  const mars2020 = { from: 'earth', to: 'mars', depart_start: '2020-07-01T00:00:00Z', depart_end: '2020-08-30T00:00:00Z', arrive_start: '2021-01-01T00:00:00Z', arrive_end: '2021-03-31T00:00:00Z', step_days: 5 };

  it('runs on a worker and returns the grid, the minima, the SVG and the marks as transfers', async () => {
    const job = await runJob(server, 'porkchop', { ...mars2020, marks: [{ label: 'Mars 2020', depart: '2020-07-30T11:50:01Z', arrive: '2021-02-18T20:55:00Z' }] });
    expect(job.status).toBe('succeeded');
    const res = job.result;
    expect(res.depart_utc).toHaveLength(13);
    expect(res.c3_km2_s2[0]).toHaveLength(18);
    expect(res.minima.min_c3.type).toBe('I');
    expect(res.minima.min_c3.depart_utc >= '2020-07-17').toBe(true);
    expect(res.svg).toContain('Mars 2020');
    expect(res.marks[0].label).toBe('Mars 2020');
    expect(res.marks[0].tof_days).toBeCloseTo(203.378, 3);
    expect(res.marks[0].type).toBe('I');
  });

  it('refuses bad requests with 400 naming the param, before any work', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...mars2020, to: 'pluto' }, /^body\.params\.to: /],
      [{ ...mars2020, depart_end: 'tomorrow' }, /^body\.params\.depart_end: must be an ISO 8601 UTC time/],
      [{ ...mars2020, depart_end: '2020-06-01T00:00:00Z' }, /^body\.params\.depart_end: the end 2020-06-01T00:00:00Z is before the start/],
      [{ ...mars2020, arrive_start: '2019-01-01T00:00:00Z', arrive_end: '2019-06-01T00:00:00Z' }, /^body\.params\.arrive_end: .* is not after depart-start/],
      [{ ...mars2020, arrive_end: '2250-01-01T00:00:00Z' }, /^body\.params\.arrive_end: .* outside the planetary ephemeris span/],
      [{ ...mars2020, from: 'mars' }, /^body\.params\.to: departure and arrival bodies are both mars/],
      [{ ...mars2020, step_days: 0.25, arrive_end: '2022-12-31T00:00:00Z' }, /^body\.params\.step_days: the grid would have .* cells \(at most 160000\)/],
      [{ ...mars2020, step_days: 0 }, /^body\.params\.step_days: Expected number to be greater or equal to 0.25/],
      [{ ...mars2020, extra: 1 }, /^body\.params\.extra: /],
      [{ ...mars2020, marks: [{ label: 'x', depart: '2021-07-01T00:00:00Z', arrive: '2021-01-01T00:00:00Z' }] }, /^body\.params\.marks\.0\.arrive: 2021-01-01T00:00:00Z is not after depart/],
      [{ ...mars2020, marks: [{ label: 'x', depart: 'soon', arrive: '2021-01-01T00:00:00Z' }] }, /^body\.params\.marks\.0\.depart: must be an ISO 8601 UTC time/],
    ];
    for (const [params, message] of cases) {
      const r = await post(params);
      expect(r.statusCode, JSON.stringify(params)).toBe(400);
      expect(r.json().error).toMatch(message);
    }
  });
});

describe('transfer-windows job', () => {
  const server = sharedTestServer();
  it('finds the 2020 and 2022 windows on a worker', async () => {
    const job = await runJob(server, 'transfer-windows', { from: 'earth', to: 'mars', start: '2019-09-01T00:00:00Z', years: 3.5 });
    expect(job.status).toBe('succeeded');
    expect(job.result.windows.map((w: { best: { depart_utc: string } }) => w.best.depart_utc.slice(0, 7))).toEqual(['2020-07', '2022-09']);
  });
  it('refuses bad requests with 400 naming the param', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ from: 'earth', to: 'earth', start: '2020-01-01T00:00:00Z' }, /^body\.params\.to: departure and arrival bodies are both earth/],
      [{ from: 'earth', to: 'mars', start: '2195-01-01T00:00:00Z', years: 10 }, /^body\.params\.years: .* outside the planetary ephemeris span/],
      [{ from: 'earth', to: 'mars', start: 'later' }, /^body\.params\.start: must be an ISO 8601 UTC time/],
      [{ from: 'earth', to: 'mars', start: '2020-01-01T00:00:00Z', years: 40 }, /^body\.params\.years: /],
    ];
    for (const [params, message] of cases) {
      const r = await server().app.inject({ method: 'POST', url: '/api/jobs', payload: { type: 'transfer-windows', params } });
      expect(r.statusCode, JSON.stringify(params)).toBe(400);
      expect(r.json().error).toMatch(message);
    }
  });
});
