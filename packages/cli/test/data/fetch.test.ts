import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, convertNrlmsise00DataC } from '@stationkeeper/runtime';
import { registerData } from '../../src/commands/data.js';
import { fetchData } from '../../src/data/fetch.js';
import { plainReporter } from '../../src/data/progress.js';
import { resolveSources } from '../../src/data/sources.js';
import { dataStatus, renderStatus } from '../../src/data/status.js';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import {
  cSourceFromArrays,
  startServer,
  syntheticGfc,
  syntheticNrlmsiseArrays,
  syntheticOmmJson,
  syntheticSatcat,
  syntheticTleText,
  type Route,
  type TestServer,
} from './fixtures.js';

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const bytesOf = (r: Route): Uint8Array => (typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body);

const tmpRoot = mkdtempSync(join(tmpdir(), 'sk-fetch-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));
let dirCount = 0;
const freshDir = (): string => {
  const d = join(tmpRoot, `d${dirCount++}`);
  mkdirSync(d);
  return d;
};

/** Synthetic source bodies for the datasets ../shared/data lacks (tle, gravity, msis). */
function syntheticRoutes(): Map<string, Route> {
  return new Map<string, Route>([
    ['/tle/stations.txt', { body: syntheticTleText(6), headers: { 'last-modified': 'Mon, 01 Jan 2024 12:00:00 GMT', etag: '"st-1"' } }],
    ['/tle/stations.json', { body: syntheticOmmJson(6), headers: { 'content-type': 'application/json' } }],
    ['/catalog/active.txt', { body: syntheticTleText(700) }],
    ['/catalog/satcat.csv', { body: syntheticSatcat(1300) }],
    ['/gravity/EGM96.gfc', { body: syntheticGfc(180) }],
    ['/nrlmsise/nrlmsise-00_data.c', { body: cSourceFromArrays(syntheticNrlmsiseArrays()) }],
  ]);
}

interface CliRun {
  out: string;
  err: string;
  log: string[];
  error?: Error;
}

async function runData(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log: string[] = [];
  const program = new Command('stationkeeper');
  program.exitOverride();
  registerData(program, { out: (t) => out.push(t), err: (t) => err.push(t), env, reporter: plainReporter((l) => log.push(l)) });
  let error: Error | undefined;
  try {
    await program.parseAsync(['data', ...args], { from: 'user' });
  } catch (e) {
    error = e as Error;
  }
  return { out: out.join(''), err: err.join(''), log, error };
}

const listAll = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('data fetch from a local mirror of synthetic sources', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(syntheticRoutes());
  });
  afterAll(() => server.close());

  it('stores tle, gravity and msis byte for byte, converts NRLMSISE-00, and records the manifest', async () => {
    const dir = freshDir();
    const run = await runData(['fetch', '--only', 'tle,gravity', '--only', 'msis', '--data-dir', dir, '--source-base', `${server.base}/`]);
    expect(run.error).toBeUndefined();
    expect(run.err).toBe('');
    expect(run.out).toBe(`fetched 6 file(s) into ${dir}\n`);
    expect(listAll(dir)).toEqual([
      'catalog/active.txt',
      'catalog/satcat.csv',
      'gravity/EGM96.gfc',
      'manifest.json',
      'nrlmsise/nrlmsise00-coefficients.json',
      'tle/stations.json',
      'tle/stations.txt',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('stationkeeper-data-manifest');
    for (const p of ['tle/stations.txt', 'tle/stations.json', 'catalog/active.txt', 'catalog/satcat.csv', 'gravity/EGM96.gfc']) {
      const served = bytesOf(server.routes.get(`/${p}`)!);
      const stored = readFileSync(join(dir, p));
      expect(Buffer.compare(stored, served), p).toBe(0);
      const e = manifest.files[p];
      expect(e.url).toBe(`${server.base}/${p}`);
      expect(e.bytes).toBe(served.byteLength);
      expect(e.sha256).toBe(sha256(served));
      expect(Date.now() - Date.parse(e.fetchedUtc)).toBeLessThan(60_000);
    }
    expect(manifest.files['tle/stations.txt']).toMatchObject({ dataset: 'tle', lastModified: 'Mon, 01 Jan 2024 12:00:00 GMT', etag: '"st-1"' });
    expect(manifest.files['gravity/EGM96.gfc'].lastModified).toBeUndefined();

    const msis = JSON.parse(readFileSync(join(dir, 'nrlmsise/nrlmsise00-coefficients.json'), 'utf8'));
    expect(msis.arrays).toEqual(syntheticNrlmsiseArrays());
    const src = bytesOf(server.routes.get('/nrlmsise/nrlmsise-00_data.c')!);
    expect(manifest.files['nrlmsise/nrlmsise00-coefficients.json'].derivedFrom).toEqual({
      url: `${server.base}/nrlmsise/nrlmsise-00_data.c`,
      bytes: src.byteLength,
      sha256: sha256(src),
      converter: 'nrlmsise00-c-to-json',
    });
    // Progress went to the reporter as plain lines, one result per file.
    expect(run.log).toHaveLength(6);
    expect(run.log.filter((l) => l.startsWith('saved '))).toHaveLength(6);
  });

  it('asks with If-None-Match next time and keeps a copy the server says is current', async () => {
    const dir = freshDir();
    const args = ['fetch', '--only', 'tle', '--data-dir', dir, '--source-base', server.base];
    expect((await runData(args)).out).toBe(`fetched 4 file(s) into ${dir}\n`);
    const first = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files['tle/stations.txt'];
    const again = await runData(args);
    // stations.txt carries an ETag, so it is 304; the other three have no validator and are downloaded again.
    expect(again.out).toBe(`fetched 3 file(s), 1 unchanged, into ${dir}\n`);
    expect(again.log).toContain('unchanged tle/stations.txt (not modified since the last fetch)');
    const second = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files['tle/stations.txt'];
    expect(second).toEqual({ ...first, checkedUtc: second.checkedUtc });
    expect(Date.parse(second.checkedUtc)).toBeGreaterThanOrEqual(Date.parse(first.fetchedUtc));
    // --force, or a copy that no longer matches its record, downloads in full.
    expect((await runData([...args, '--force'])).out).toBe(`fetched 4 file(s) into ${dir}\n`);
    writeFileSync(join(dir, 'tle/stations.txt'), 'damaged');
    expect((await runData(args)).out).toBe(`fetched 4 file(s) into ${dir}\n`);
    expect(Buffer.compare(readFileSync(join(dir, 'tle/stations.txt')), bytesOf(server.routes.get('/tle/stations.txt')!))).toBe(0);
  });

  it('a connection cut mid-body leaves no file and no temporary file', async () => {
    const dir = freshDir();
    const body = syntheticGfc(180);
    server.routes.set('/cut/gravity/EGM96.gfc', { body, cutAfter: 300_000 });
    const run = await runData(['fetch', '--only', 'gravity', '--data-dir', dir, '--source-base', `${server.base}/cut`]);
    expect(run.error?.message).toMatch(/1 of 1 dataset\(s\) failed \(gravity\)/);
    expect(run.err).toMatch(
      new RegExp(`^error: gravity: gravity/EGM96\\.gfc from ${server.base}/cut/gravity/EGM96\\.gfc: connection lost after \\d+ of ${body.length} bytes`),
    );
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(listAll(dir)).toEqual([]);
  });

  it('a cut download keeps the previous good file and its manifest entry intact', async () => {
    const dir = freshDir();
    expect((await runData(['fetch', '--only', 'tle', '--data-dir', dir, '--source-base', server.base])).error).toBeUndefined();
    const before = readFileSync(join(dir, 'catalog/active.txt'));
    const manifestBefore = readFileSync(join(dir, 'manifest.json'), 'utf8');

    const cutBase = `${server.base}/cut2`;
    for (const [p, r] of syntheticRoutes()) server.routes.set(`/cut2${p}`, r);
    const newer = syntheticTleText(800, 70000);
    server.routes.set('/cut2/catalog/active.txt', { body: newer, cutAfter: 50_000 });
    // A chunked response (no Content-Length) cut mid-body must fail the same way.
    server.routes.set('/cut2/catalog/satcat.csv', { body: syntheticSatcat(1400), cutAfter: 40_000, chunked: true });
    const run = await runData(['fetch', '--only', 'tle', '--data-dir', dir, '--source-base', cutBase]);
    expect(run.error).toBeDefined();
    expect(run.err).toMatch(/^error: tle: catalog\/active\.txt from .*: connection lost after \d+ of \d+ bytes.*; catalog\/satcat\.csv from .*: connection lost after \d+ bytes/);
    expect(Buffer.compare(readFileSync(join(dir, 'catalog/active.txt')), before)).toBe(0);
    const m0 = JSON.parse(manifestBefore);
    const m1 = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m1.files['catalog/active.txt']).toEqual(m0.files['catalog/active.txt']);
    expect(m1.files['catalog/satcat.csv']).toEqual(m0.files['catalog/satcat.csv']);
    // The files that did arrive were replaced and re-recorded.
    expect(m1.files['tle/stations.txt'].url).toBe(`${cutBase}/tle/stations.txt`);
    expect(listAll(dir).filter((p) => p.endsWith('.part'))).toEqual([]);
  });

  it('a 404 HTML page and a 200 HTML page are rejected naming the dataset and URL, while others proceed', async () => {
    const dir = freshDir();
    const base = `${server.base}/html`;
    for (const [p, r] of syntheticRoutes()) server.routes.set(`/html${p}`, r);
    server.routes.delete('/html/gravity/EGM96.gfc'); // -> the server's HTML 404 page
    server.routes.set('/html/nrlmsise/nrlmsise-00_data.c', {
      headers: { 'content-type': 'text/html' },
      body: `<!DOCTYPE html>\n<html><body>${'Please log in. '.repeat(1000)}</body></html>`,
    });
    const run = await runData(['fetch', '--data-dir', dir, '--source-base', base, '--only', 'tle,gravity,msis']);
    expect(run.error?.message).toBe('2 of 3 dataset(s) failed (gravity, msis); files already there were kept; commands fall back to the embedded defaults');
    const lines = run.err.trim().split('\n');
    expect(lines).toEqual([
      `error: gravity: gravity/EGM96.gfc from ${base}/gravity/EGM96.gfc: HTTP 404 Not Found`,
      expect.stringMatching(
        new RegExp(`^error: msis: nrlmsise/nrlmsise00-coefficients\\.json from ${base}/nrlmsise/nrlmsise-00_data\\.c: got an HTML page instead of nrlmsise-00_data\\.c`),
      ),
    ]);
    expect(run.out).toBe(`fetched 4 file(s) into ${dir}\n`);
    expect(existsSync(join(dir, 'gravity'))).toBe(false);
    expect(existsSync(join(dir, 'nrlmsise/nrlmsise00-coefficients.json'))).toBe(false);
    expect(existsSync(join(dir, 'tle/stations.txt'))).toBe(true);
  });

  it('a short body, an oversized one and a stalled server fail with a reason', async () => {
    const dir = freshDir();
    const reporter = plainReporter(() => undefined);
    const only = (path: string, route: Route): ReturnType<typeof resolveSources> => {
      server.routes.set(`/one${path}`, route);
      return { urlFor: (spec) => `${server.base}/one/${spec.mirrorPath}`, isOverridden: () => true };
    };
    let [o] = await fetchData({ dataDir: dir, datasets: ['spaceweather'], reporter, sources: only('/spaceweather/SW-All.csv', { body: 'DATE,BSRN\n' }) });
    expect(o.error).toMatch(/only 10 bytes; the real file is at least 100000/);
    [o] = await fetchData({
      dataDir: dir,
      datasets: ['msis'],
      reporter,
      sources: only('/nrlmsise/nrlmsise-00_data.c', { body: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(o.error).toMatch(/Content-Length 11534336 is over the 10485760-byte limit/);
    [o] = await fetchData({
      dataDir: dir,
      datasets: ['msis'],
      reporter,
      idleTimeoutMs: 300,
      sources: only('/nrlmsise/nrlmsise-00_data.c', { body: cSourceFromArrays(syntheticNrlmsiseArrays()), stallMs: 3000 }),
    });
    expect(o.error).toMatch(/: no data for 0\.3 s$/);
    expect(listAll(dir)).toEqual([]);
  });

  it('no network: one plain line per dataset naming the hosts, nothing written, non-zero exit', async () => {
    const dir = freshDir();
    const noDns = async (url: string | URL | Request): Promise<Response> => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${new URL(String(url)).hostname}` } });
    };
    const out: string[] = [];
    const err: string[] = [];
    const log: string[] = [];
    const program = new Command('stationkeeper');
    program.exitOverride();
    registerData(program, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, reporter: plainReporter((l) => log.push(l)), fetchImpl: noDns as typeof fetch });
    await expect(program.parseAsync(['data', 'fetch', '--only', 'tle,eop', '--data-dir', dir], { from: 'user' })).rejects.toThrow(
      /^2 of 2 dataset\(s\) failed \(tle, eop\); files already there were kept; commands fall back to the embedded defaults$/,
    );
    expect(err.join('').trim().split('\n')).toEqual([
      'error: tle: no network: could not reach celestrak.org',
      'error: eop: no network: could not reach celestrak.org, datacenter.iers.org, maia.usno.navy.mil',
    ]);
    expect(log).toEqual([]);
    expect(out.join('')).toBe(`fetched 0 file(s) into ${dir}\n`);
    expect(listAll(dir).filter((f) => f !== 'manifest.json')).toEqual([]);
  });

  it('a refused connection is one line per dataset', async () => {
    const dir = freshDir();
    const closed = await startServer(new Map());
    const base = closed.base;
    await closed.close();
    const run = await runData(['fetch', '--only', 'gravity', '--data-dir', dir, '--source-base', base]);
    expect(run.err).toMatch(/^error: gravity: connection refused by 127\.0\.0\.1:\d+\n$/);
  });

  it('STATIONKEEPER_SOURCES maps datasets and single files to mirrors', async () => {
    const dir = freshDir();
    const alt = `${server.base}/alt`;
    server.routes.set('/alt/gravity/EGM96.gfc', { body: syntheticGfc(181) });
    server.routes.set('/elsewhere/egm.gfc', { body: syntheticGfc(182) });
    const sourcesFile = join(tmpRoot, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ '*': alt, 'gravity/EGM96.gfc': `${server.base}/elsewhere/egm.gfc` }));
    const run = await runData(['fetch', '--only', 'gravity', '--data-dir', dir], { STATIONKEEPER_SOURCES: sourcesFile });
    expect(run.error).toBeUndefined();
    expect(readFileSync(join(dir, 'gravity/EGM96.gfc'), 'utf8')).toBe(syntheticGfc(182));
    // Inline JSON works too; a dataset key beats "*".
    const run2 = await runData(['fetch', '--only', 'gravity', '--data-dir', dir], {
      STATIONKEEPER_SOURCES: JSON.stringify({ '*': `${server.base}/nowhere`, gravity: alt }),
    });
    expect(run2.error).toBeUndefined();
    expect(readFileSync(join(dir, 'gravity/EGM96.gfc'), 'utf8')).toBe(syntheticGfc(181));
  });
});

describe('source resolution', () => {
  const gravity = DATASETS.find((d) => d.id === 'gravity')!.files[0];
  const msis = DATASETS.find((d) => d.id === 'msis')!.files[0];

  it('uses the official URL unless overridden; --source-base wins over the environment', () => {
    expect(resolveSources({ env: {} }).urlFor(gravity)).toBe(gravity.url);
    expect(gravity.url).toMatch(/^https:\/\/icgem\.gfz-potsdam\.de\/getmodel\/gfc\/[0-9a-f]{64}\/EGM96\.gfc$/);
    const env = { STATIONKEEPER_SOURCES: '{"*":"http://m.example/a"}' };
    expect(resolveSources({ env }).urlFor(msis)).toBe('http://m.example/a/nrlmsise/nrlmsise-00_data.c');
    expect(resolveSources({ env, sourceBase: 'http://b.example/x/' }).urlFor(gravity)).toBe('http://b.example/x/gravity/EGM96.gfc');
  });

  it('rejects malformed overrides with a clear message', () => {
    expect(() => resolveSources({ sourceBase: 'ftp://x' })).toThrow(/--source-base: 'ftp:\/\/x' must be an http\(s\) URL/);
    expect(() => resolveSources({ env: { STATIONKEEPER_SOURCES: '{"weather":"http://x"}' } })).toThrow(/key 'weather' is neither/);
    expect(() => resolveSources({ env: { STATIONKEEPER_SOURCES: '/no/such/sources.json' } })).toThrow(/cannot read the file/);
  });
});

describe('data status', () => {
  it('reports present, missing, age and the fetch command', async () => {
    const server = await startServer(syntheticRoutes());
    try {
      const dir = freshDir();
      await runData(['fetch', '--only', 'gravity,msis', '--data-dir', dir, '--source-base', server.base]);
      // A file put there by hand (no manifest record): age from mtime.
      mkdirSync(join(dir, 'eop'));
      writeFileSync(join(dir, 'eop', 'tai-utc.dat'), 'by hand\n');
      const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
      utimesSync(join(dir, 'eop', 'tai-utc.dat'), threeDaysAgo, threeDaysAgo);

      const st = dataStatus(dir);
      const by = new Map(st.files.map((f) => [f.path, f]));
      expect(st.files.map((f) => f.path)).toEqual(DATASETS.flatMap((d) => d.files.map((f) => f.path)));
      const g = by.get('gravity/EGM96.gfc')!;
      expect(g).toMatchObject({ present: true, ageFrom: 'manifest', source: `${server.base}/gravity/EGM96.gfc`, bytes: syntheticGfc(180).length });
      expect(g.ageSeconds!).toBeLessThan(60);
      const t = by.get('eop/tai-utc.dat')!;
      expect(t).toMatchObject({ present: true, ageFrom: 'mtime', bytes: 8 });
      expect(t.ageSeconds! / 86_400).toBeCloseTo(3, 2);
      const e = by.get('eop/EOP-All.txt')!;
      expect(e).toMatchObject({ present: false, source: 'https://celestrak.org/SpaceData/EOP-All.txt' });
      expect(e.fetchCommand).toBe(`stationkeeper data fetch --only eop --data-dir ${dir}`);

      const text = (await runData(['status', '--data-dir', dir])).out;
      expect(text).toContain(`data directory: ${dir}`);
      expect(text).toMatch(/gravity\s+gravity\/EGM96\.gfc\s+present\s+1\.\d MB\s+\d+ s\s+http:\/\/127\.0\.0\.1/);
      expect(text).toMatch(/eop\s+eop\/tai-utc\.dat\s+present\s+8 B\s+3\.0 d \(mtime\)/);
      expect(text).toMatch(/eop\s+eop\/EOP-All\.txt\s+MISSING\s+-\s+-\s+https:\/\/celestrak\.org\/SpaceData\/EOP-All\.txt/);
      expect(text).toContain(`to get what is missing:\n  stationkeeper data fetch --only tle --data-dir ${dir}\n`);
      expect(text).not.toContain('--only gravity');

      const json = JSON.parse((await runData(['status', '--json', '--data-dir', dir])).out);
      expect(json.files.find((f: { path: string }) => f.path === 'nrlmsise/nrlmsise00-coefficients.json')).toMatchObject({ present: true, ageFrom: 'manifest' });

      // Hand-edited after the fetch: flagged, and its age falls back to the mtime.
      writeFileSync(join(dir, 'gravity', 'EGM96.gfc'), 'edited');
      expect(dataStatus(dir).files.find((f) => f.path === 'gravity/EGM96.gfc')).toMatchObject({ changedSinceFetch: true, ageFrom: 'mtime' });
      expect(renderStatus(dataStatus(dir))).toContain('present (changed since fetch)');
    } finally {
      await server.close();
    }
  });

  it('reports a damaged manifest instead of failing', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'manifest.json'), '{ not json');
    const st = dataStatus(dir);
    expect(st.manifestProblem).toMatch(/manifest\.json does not parse/);
    expect(st.files.every((f) => !f.present)).toBe(true);
  });
});

describe.skipIf(!sharedDataAvailable())('data fetch of every dataset from a mirror serving ../shared/data', () => {
  let server: TestServer;
  const fromShared: Record<string, string[]> = {
    '/spaceweather/SW-All.csv': ['spaceweather', 'SW-All.csv'],
    '/eop/EOP-All.txt': ['eop', 'EOP-All.txt'],
    '/eop/finals2000A.all': ['eop', 'finals2000A.all'],
    '/eop/tai-utc.dat': ['eop', 'tai-utc.dat'],
    // A real 3LE catalogue (Space-Track snapshot) stands in for CelesTrak's active group.
    '/catalog/active.txt': ['catalog', 'spacetrack_3le_2022-07-15.txt'],
  };
  beforeAll(async () => {
    const routes = syntheticRoutes();
    for (const [p, parts] of Object.entries(fromShared)) routes.set(p, { body: new Uint8Array(readFileSync(sharedPath(...parts))) });
    server = await startServer(routes);
  });
  afterAll(() => server.close());

  it('fetches all five datasets; the real files arrive byte-identical and the status is complete', async () => {
    const dir = freshDir();
    const run = await runData(['fetch', '--data-dir', dir, '--source-base', server.base]);
    expect(run.error).toBeUndefined();
    expect(run.out).toBe(`fetched 10 file(s) into ${dir}\n`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    for (const [p, parts] of Object.entries(fromShared)) {
      const rel = p.slice(1);
      const original = readFileSync(sharedPath(...parts));
      expect(Buffer.compare(readFileSync(join(dir, rel)), original), rel).toBe(0);
      expect(manifest.files[rel]).toMatchObject({ bytes: original.byteLength, sha256: sha256(original), url: `${server.base}${p}` });
    }
    const st = dataStatus(dir);
    expect(st.files.filter((f) => !f.present)).toEqual([]);
    expect(st.files.every((f) => f.ageFrom === 'manifest')).toBe(true);
  });

  it('converts a C file written from the reference coefficients into the same coefficient tables', async () => {
    const ref = JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'));
    server.routes.set('/ref/nrlmsise/nrlmsise-00_data.c', { body: cSourceFromArrays(ref.arrays) });
    const dir = freshDir();
    const run = await runData(['fetch', '--only', 'msis', '--data-dir', dir, '--source-base', `${server.base}/ref`]);
    expect(run.error).toBeUndefined();
    const ours = JSON.parse(readFileSync(join(dir, 'nrlmsise/nrlmsise00-coefficients.json'), 'utf8'));
    expect(Object.keys(ours)).toEqual(Object.keys(ref));
    expect(ours.arrays).toEqual(ref.arrays);
    expect(ours).toEqual(convertNrlmsise00DataC(cSourceFromArrays(ref.arrays)));
  });
});
