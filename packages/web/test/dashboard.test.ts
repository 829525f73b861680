/**
 * The dashboard in a real browser against the real server: Vite builds the page into a temporary
 * folder, the server (in-process, 127.0.0.1, port 0, empty data directory) serves it, and Debian's
 * chromium (playwright-core, never a downloaded browser) loads it.
 *
 * Checked: the shown position equals GET /state at the shown time, the marker sits where the
 * projection puts that position, the ground track and night side are drawn, passes for a typed
 * place equal GET /passes, bad input gets a message naming the field, the history chart marks
 * every reboost /history reports, the lifetime and scenario panels show the server's 501, the
 * scenario results render from the documented job contract, the phone layout does not overflow,
 * focus is visible, no console errors, and no request leaves 127.0.0.1.
 *
 * Screenshots go to docs/dashboard.png and docs/dashboard-phone.png when
 * STATIONKEEPER_SCREENSHOTS=1 (otherwise to a temporary folder, so a test run leaves the tree clean).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type Server } from '@stationkeeper/server';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ISS_HISTORY = ['tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt'];
const WRITE_DOCS = process.env.STATIONKEEPER_SCREENSHOTS === '1';

if (!existsSync(CHROMIUM)) console.warn(`dashboard tests skipped: no ${CHROMIUM} (apt-get install chromium)`);

type Running = Server & { url: string };

/** Lat/lon as the page writes them ("47.124° N") back to signed degrees. */
function parseAngle(text: string): number {
  const m = /^([\d.]+)° ([NSEW])$/.exec(text.trim());
  if (!m) throw new Error(`not an angle: ${JSON.stringify(text)}`);
  return (m[2] === 'S' || m[2] === 'W' ? -1 : 1) * Number(m[1]);
}

async function api<T>(server: Running, path: string): Promise<T> {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe.skipIf(!existsSync(CHROMIUM))('dashboard in chromium against the real server', () => {
  let dist: string;
  const dataDirs: string[] = [];
  let sample: Running;
  let browser: Browser;
  const shots = WRITE_DOCS ? join(REPO_ROOT, 'docs') : mkdtempSync(join(tmpdir(), 'sk-shots-'));

  async function serve(): Promise<Running> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sk-web-data-'));
    dataDirs.push(dataDir);
    return startServer({ host: '127.0.0.1', port: 0, dataDir, webDist: dist, jobWorkers: 1, ingestDataDirTle: false });
  }

  /** A page that records console errors, failed responses and every host it asks. */
  async function open(server: Running, ctx: BrowserContext, path = '/') {
    const page = await ctx.newPage();
    const consoleErrors: string[] = [];
    const failed: { url: string; status: number }[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location().url}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:') return;
      if (u.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push({ url: r.url(), status: r.status() });
    });
    await page.goto(server.url + path);
    await page.waitForSelector('body[data-ready=true]', { timeout: 15_000 });
    /** Console errors that are not Chromium's notice of an expected 501 answer. */
    const unexpectedErrors = () => {
      const expected501 = failed.every((f) => f.status === 501 && /\/api\/(objects\/\d+\/lifetime|scenarios)$/.test(new URL(f.url).pathname));
      return consoleErrors.filter((e) => !(expected501 && /status of 501/.test(e)));
    };
    return { page, consoleErrors, failed, foreign, unexpectedErrors };
  }

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sk-web-dist-'));
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    sample = await serve();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sample?.close();
    for (const d of [dist, ...dataDirs]) if (d) rmSync(d, { recursive: true, force: true });
    if (!WRITE_DOCS) rmSync(shots, { recursive: true, force: true });
  });

  it('laptop: position = /state at the shown time, track, terminator, passes, 501 panels, no foreign requests', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, foreign, unexpectedErrors } = await open(sample, ctx);

    // The element note is honest about the embedded sample.
    const note = await page.textContent('[data-testid=elements-note]');
    expect(note).toContain('Elements of 2022-07-15');
    expect(note).toContain('embedded sample');
    expect(note).toContain('stationkeeper data fetch');

    // The shown lat/lon equal the API's at the shown epoch (the page rounds to 0.001°).
    const checkPosition = async () => {
      const epoch = await page.getAttribute('#readout', 'data-epoch-utc');
      expect(epoch).toMatch(/^2022-07-15T/);
      const lat = parseAngle((await page.textContent('#ro-lat'))!);
      const lon = parseAngle((await page.textContent('#ro-lon'))!);
      const ref = await api<{ lat_deg: number; lon_deg: number; alt_km: number }>(sample, `/api/objects/25544/state?at=${encodeURIComponent(epoch!)}`);
      expect(Math.abs(lat - ref.lat_deg)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs(lon - ref.lon_deg)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(await page.textContent('#ro-alt')).toBe(`${ref.alt_km.toFixed(1)} km`);
      // Marker at the equirectangular position of that lat/lon (viewBox 960 × 480).
      const transform = await page.getAttribute('[data-testid=station-marker]', 'transform');
      const [x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform!)!.slice(1).map(Number);
      expect(x).toBeCloseTo(((ref.lon_deg + 180) / 360) * 960, 1);
      expect(y).toBeCloseTo(((90 - ref.lat_deg) / 180) * 480, 1);
      return epoch!;
    };
    const first = await checkPosition();
    // The marker moves: the next update (every 5 s) is at a later time and still matches.
    await page.waitForFunction((e) => document.getElementById('readout')!.dataset.epochUtc !== e, first, { timeout: 10_000 });
    const second = await checkPosition();
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));

    // Ground track: one orbit back and one ahead at 30 s, drawn as paths.
    const object = await api<{ latest: { mean_motion_rev_per_day: number; inclination_deg: number } }>(sample, '/api/objects/25544');
    const periodMin = 1440 / object.latest.mean_motion_rev_per_day;
    expect(await page.textContent('#ro-period')).toBe(`${periodMin.toFixed(1)} min`);
    expect(await page.textContent('#ro-inc')).toBe(`${object.latest.inclination_deg.toFixed(2)}°`);
    expect(await page.getAttribute('svg.ground-map', 'data-track-points')).toBe(String(2 * Math.round(periodMin) * 2 + 1));
    for (const id of ['track-past', 'track-future']) expect(((await page.getAttribute(`[data-testid=${id}]`, 'd')) ?? '').length).toBeGreaterThan(200);
    expect(await page.locator('path.night').count()).toBe(4);
    expect(((await page.locator('path.land').getAttribute('d')) ?? '').length).toBeGreaterThan(10_000);

    // Bad input: the message names the field and the range; nothing is fetched.
    await page.fill('#lat', '123');
    await page.fill('#lon', '-95.09');
    await page.click('#place-form button[type=submit]');
    await expect.poll(() => page.textContent('#lat-error')).toBe('Latitude must be between -90° and 90°, got 123.');
    expect(await page.getAttribute('#lat', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lat');

    // Typed place → the same passes as the API (all passes, so the row count is comparable).
    await page.fill('#lat', '29.5593');
    await page.uncheck('#visible-only');
    await page.click('#place-form button[type=submit]');
    await page.waitForSelector('table.passes tbody tr', { timeout: 15_000 });
    expect(await page.textContent('#lat-error')).toBe('');
    const shownAt = await page.getAttribute('#readout', 'data-epoch-utc');
    const rows = await page.locator('table.passes tbody tr').count();
    const passes = await api<{ passes: { rise_utc: string; max_elevation_deg: number }[] }>(
      sample,
      `/api/objects/25544/passes?lat=29.5593&lon=-95.09&alt_m=0&days=3&min_elevation=10&start=${encodeURIComponent(shownAt!)}`,
    );
    expect(passes.passes.length).toBeGreaterThan(2);
    expect(Math.abs(rows - passes.passes.length)).toBeLessThanOrEqual(1); // the page searched from a few seconds earlier
    const firstRow = await page.locator('table.passes tbody tr').first().innerText();
    const p0 = passes.passes.find((p) => firstRow.includes(p.rise_utc.slice(11, 19)));
    expect(p0, `first row ${firstRow}`).toBeDefined();
    expect(firstRow).toContain(`${p0!.max_elevation_deg.toFixed(0)}°`);
    await page.check('#visible-only');
    await page.click('#place-form button[type=submit]');
    await expect.poll(() => page.textContent('#passes-status')).toMatch(/visible pass/);

    // History of the sample: one element set, and the panel says why there is no chart.
    expect(await page.textContent('#history-status')).toMatch(/Only 1 element set/);

    // Lifetime: the server's 501 explanation.
    await page.waitForSelector('[data-testid=lifetime-unavailable]');
    expect(await page.textContent('[data-testid=lifetime]')).toContain('HTTP 501');

    // Scenario: run → the server's 501 message.
    await page.selectOption('#sc-preset', 'partner-stops');
    const body = JSON.parse(await page.inputValue('#sc-json'));
    expect(body.definition.events[0]).toMatchObject({ type: 'partner-withdraws', partner: 'roscosmos' });
    await page.click('.scenario-form button[type=submit]');
    await page.waitForSelector('[data-testid=scenario-501]');
    expect(await page.textContent('[data-testid=scenario-501]')).toContain('scenario engine is not wired');

    // Keyboard: the skip link comes first, every control is reachable, and focus is drawn.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return { id: el.id, what: `${el.tagName.toLowerCase()}#${el.id}.${el.className} "${(el.textContent ?? '').slice(0, 30)}"`, outline: cs.outlineStyle };
      });
      if (f.what.startsWith('body')) break; // wrapped past the last control
      if (f.id) reached.add(f.id);
      expect(f.outline, `focus outline of ${f.what}`).not.toBe('none');
    }
    for (const id of ['geolocate', 'place-preset', 'lat', 'lon', 'altM', 'days', 'minElevationDeg', 'visible-only', 'sc-preset', 'sc-years']) expect(reached, id).toContain(id);

    if (!sharedDataAvailable()) await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    expect(unexpectedErrors()).toEqual([]);
    expect(foreign).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('phone 390×844: one column, no sideways scrolling, map and readout visible', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 48.8566, longitude: 2.3522, accuracy: 50 },
      permissions: ['geolocation'],
    });
    const { page, foreign, unexpectedErrors } = await open(sample, ctx);
    // "Use my location" fills the place from the browser and searches.
    await page.click('#geolocate');
    await page.waitForSelector('table.passes tbody tr', { timeout: 15_000 });
    expect(await page.inputValue('#lat')).toBe('48.8566');
    expect(await page.inputValue('#lon')).toBe('2.3522');
    expect(await page.textContent('#geo-status')).toBe('Using your location (±50 m).');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const map = await page.locator('svg.ground-map').boundingBox();
    expect(map!.width).toBeGreaterThan(330);
    expect(await page.isVisible('#ro-lat')).toBe(true);
    await page.screenshot({ path: join(shots, 'dashboard-phone.png'), fullPage: true });
    expect(unexpectedErrors()).toEqual([]);
    expect(foreign).toEqual([]);
    await ctx.close();
  }, 30_000);

  it('scenario results render from the documented job contract (202 + SSE)', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, foreign } = await open(sample, ctx);
    // Without permission, "Use my location" falls back to typing, with the reason.
    await page.click('#geolocate');
    await expect.poll(() => page.textContent('#geo-status'), { timeout: 12_000 }).toMatch(/^Could not get your location \(.+\); type your latitude and longitude instead\.$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lat');
    const jobId = '6f1c2d3e-0000-4000-8000-000000000001';
    const t0 = Date.parse('2022-07-15T12:00:00Z');
    const day = 86_400_000;
    const altitude = Array.from({ length: 400 }, (_, i) => ({ t_utc: new Date(t0 + i * 2 * day).toISOString(), alt_km: 420 - i * 0.5 }));
    const result = {
      altitude,
      burns: [{ t_utc: '2022-09-01T00:00:00.000Z', vehicle: 'Progress MS-20', delta_v_m_per_s: 1.1, propellant_kg: 600 }],
      ledger: [{ account: 'Progress MS-20', start_kg: 850, used_kg: 600, remaining_kg: 250 }],
      propellant_exhausted_utc: '2023-01-10T00:00:00.000Z',
      reentry: { earliest_utc: '2023-06-01T00:00:00.000Z', median_utc: '2023-07-01T00:00:00.000Z', latest_utc: '2023-08-15T00:00:00.000Z' },
    };
    const job = (status: string, extra: object = {}) => ({ id: jobId, type: 'scenario-run', status, params: {}, progress: status === 'succeeded' ? 1 : 0, message: null, created_utc: '', started_utc: null, finished_utc: null, result: null, error: null, ...extra });
    await page.route('**/api/scenarios', (r) => r.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify({ scenario_id: 'abc', job: job('queued') }) }));
    await page.route(`**/api/jobs/${jobId}/events`, (r) =>
      r.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
        body:
          `event: job\ndata: ${JSON.stringify(job('running'))}\n\n` +
          `event: progress\ndata: ${JSON.stringify({ progress: 0.5, message: 'year 3 of 5' })}\n\n` +
          `event: job\ndata: ${JSON.stringify(job('succeeded', { result }))}\n\n`,
      }),
    );
    await page.click('.scenario-form button[type=submit]');
    await page.waitForSelector('[data-testid=scenario-facts]', { timeout: 10_000 });
    const facts = await page.textContent('[data-testid=scenario-facts]');
    expect(facts).toContain('2023-01-10 00:00:00 UTC');
    expect(facts).toContain('2023-06-01 … 2023-08-15 (median 2023-07-01)');
    expect(await page.textContent('[data-testid=scenario-ledger] thead')).toContain('remaining (kg)');
    expect(await page.getAttribute('[data-testid=scenario-chart]', 'data-markers')).toBe('2');
    expect(foreign).toEqual([]);
    await ctx.close();
  }, 30_000);

  describe.skipIf(!sharedDataAvailable())('with the 2021–2022 ISS element history ingested', () => {
    let withHistory: Running;
    beforeAll(async () => {
      withHistory = await serve();
      withHistory.elements.ingestText(readFileSync(sharedPath(...ISS_HISTORY), 'utf8'), { source: 'test', fileName: ISS_HISTORY[1] });
    }, 30_000);
    afterAll(async () => {
      await withHistory?.close();
    });

    it('draws the altitude history with a marker for every manoeuvre /history reports', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { page, foreign, unexpectedErrors } = await open(withHistory, ctx, '/?at=2022-03-01T12:00:00Z');
      const history = await api<{ points: unknown[]; maneuvers: { kind: string }[] }>(withHistory, '/api/objects/25544/history');
      expect(history.maneuvers.length).toBeGreaterThan(10);
      await page.waitForSelector('[data-testid=history-chart] canvas');
      await expect.poll(() => page.getAttribute('[data-testid=history-chart]', 'data-markers')).toBe(String(history.maneuvers.length));
      const raises = history.maneuvers.filter((m) => m.kind === 'raise').length;
      expect(await page.textContent('#history-status')).toContain(`${history.points.length} element sets`);
      expect(await page.textContent('#history-status')).toContain(`${raises} reboost`);
      expect(await page.textContent('[data-testid=elements-note]')).toContain('Elements of 2022-');
      expect(await page.textContent('#clock')).toMatch(/^2022-03-01 12:00:0\d UTC$/);

      await page.uncheck('#visible-only');
      await page.selectOption('#place-preset', { label: 'Houston (NASA JSC)' }); // submits the form
      await page.waitForSelector('table.passes tbody tr', { timeout: 15_000 });
      await page.click('.scenario-form button[type=submit]');
      await page.waitForSelector('[data-testid=scenario-501]');
      await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
      expect(unexpectedErrors()).toEqual([]);
      expect(foreign).toEqual([]);
      await ctx.close();
    }, 40_000);
  });
});
