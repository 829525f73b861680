/**
 * The porkchop panel in chromium against the real server: the form posts a `porkchop` job, the
 * panel follows its progress and shows the server's SVG and minima, which must equal the job's
 * result from the API; a bad date gets a message naming the field; nothing leaves 127.0.0.1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type Server } from '@stationkeeper/server';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));

describe.skipIf(!existsSync(CHROMIUM))('porkchop panel in chromium', () => {
  let dist: string;
  let dataDir: string;
  let server: Server & { url: string };
  let browser: Browser;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sk-web-dist-'));
    dataDir = mkdtempSync(join(tmpdir(), 'sk-web-data-'));
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir, webDist: dist, jobWorkers: 1, ingestDataDirTle: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const d of [dist, dataDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('computes the 2020 window and the 2020–2028 windows as jobs and shows what the API returns', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('503')) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    await page.goto(server.url + '/');
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });

    // A bad date: one message naming the field, focus on it, no job.
    await page.fill('#pc-depart-start', '2020-13-45');
    await page.click('#pc-run');
    expect(await page.textContent('[data-testid=porkchop-errors]')).toBe('"Depart from" must be a date like 2022-09-20, got "2020-13-45".');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pc-depart-start');

    await page.selectOption('#pc-preset', '2020');
    expect(await page.inputValue('#pc-depart-start')).toBe('2020-06-01');
    await page.fill('#pc-step', '5');
    await page.click('#pc-run');
    await page.waitForSelector('[data-testid=porkchop-plot]', { timeout: 60_000 });

    const jobs = (await (await fetch(`${server.url}/api/jobs?limit=5`)).json()) as { jobs: { id: string; type: string; status: string }[] };
    const job = jobs.jobs.find((j) => j.type === 'porkchop')!;
    expect(job.status).toBe('succeeded');
    const result = (await (await fetch(`${server.url}/api/jobs/${job.id}`)).json()).result;
    const t1 = result.minima.min_c3_type1;
    expect(t1.depart_utc >= '2020-07-17' && t1.depart_utc <= '2020-08-16').toBe(true); // Mars 2020's launch period (facts)
    const shown = await page.textContent('[data-testid=porkchop-min-type1] dd');
    expect(shown).toContain(`${t1.depart_utc.slice(0, 10)} → ${t1.arrive_utc.slice(0, 10)}`);
    expect(shown).toContain(`C3 ${t1.c3_km2_s2.toFixed(2)} km²/s²`);
    const src = await page.getAttribute('[data-testid=porkchop-plot]', 'src');
    expect(decodeURIComponent(src!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(result.svg);
    expect(result.svg).toContain('Mars 2020 as flown');
    // The image really rendered (an SVG that fails to parse has no natural size).
    expect(await page.evaluate(() => (document.querySelector('[data-testid=porkchop-plot]') as HTMLImageElement).naturalWidth)).toBe(960);
    // The marked mission as one transfer, as the job computed it.
    const mark = result.marks[0];
    expect(mark.label).toBe('Mars 2020 as flown');
    expect(await page.textContent('[data-testid=porkchop-mark] dd')).toContain(`C3 ${mark.c3_km2_s2.toFixed(2)} km²/s², DLA ${mark.dla_deg.toFixed(1)}°`);

    // The windows list: a second job, one row per window, equal to its result.
    await page.click('#pc-windows');
    await page.waitForSelector('[data-testid=windows] tbody tr', { timeout: 60_000 });
    const wjobs = (await (await fetch(`${server.url}/api/jobs?limit=5`)).json()) as { jobs: { id: string; type: string }[] };
    const wres = (await (await fetch(`${server.url}/api/jobs/${wjobs.jobs.find((j) => j.type === 'transfer-windows')!.id}`)).json()).result;
    const rows = await page.$$eval('[data-testid=windows] tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map((r) => r[0]!.slice(0, 4))).toEqual(['2020', '2022', '2024', '2026', '2028']);
    expect(rows.map((r) => r[0])).toEqual(wres.windows.map((w: { best: { depart_utc: string } }) => w.best.depart_utc.slice(0, 10)));
    expect(rows[0][2]).toBe(`${wres.windows[0].best.c3_km2_s2.toFixed(2)} (Type I)`);

    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
    if (process.env.STATIONKEEPER_SCREENSHOTS === '1') await page.locator('.panel-porkchop').screenshot({ path: join(WEB_ROOT, '../../docs/porkchop-panel.png') });
    await page.close();
  }, 120_000);
});
