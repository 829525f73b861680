import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';

/** Run main in this process, capturing what it writes. */
async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  const code = await main(['node', 'stationkeeper', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

/** Every command path, from the top-level help and each group's help. */
async function commandPaths(): Promise<string[][]> {
  const names = (help: string) =>
    [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((n) => n !== 'help');
  const paths: string[][] = [];
  for (const name of names((await capture(['--help'])).out)) {
    paths.push([name]);
    const sub = (await capture([name, '--help'])).out;
    if (sub.includes('Commands:')) for (const child of names(sub)) paths.push([name, child]);
  }
  return paths;
}

describe('--help', () => {
  it('every command shows at least one example, and the help ends with 0', async () => {
    const paths = await commandPaths();
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const r = await capture([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      expect(r.out, `${path.join(' ')} --help`).toMatch(/\nExamples?:\n {2}stationkeeper /);
    }
  });
});

describe('usage errors', () => {
  it("commander's own errors read like ours and exit 2", async () => {
    const unknown = await capture(['history', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("stationkeeper: unknown option '--bogus'\n");
    const missing = await capture(['pc']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("stationkeeper: required option '--cdm <file>' not specified\n");
  });
});

describe('--no-checksum', () => {
  it('accepts an element set with a wrong checksum, which is refused without it', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { ISS_SAMPLE_TLE } = await import('@stationkeeper/core');
    const [name, l1, l2] = ISS_SAMPLE_TLE.split('\n');
    const bad = `${name}\n${l1.slice(0, 68)}${(Number(l1[68]) + 1) % 10}\n${l2}\n`;
    const dir = mkdtempSync(join(tmpdir(), 'sk-cksum-'));
    const file = join(dir, 'bad.tle');
    writeFileSync(file, bad);
    const args = ['where', '--tle', file, '--at', '2022-07-15T13:00:00Z', '--json', '--data-dir', dir];
    const strict = await capture(args);
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/checksum/);
    const lenient = await capture([...args, '--no-checksum']);
    expect(lenient.code, lenient.err).toBe(0);
    expect(JSON.parse(lenient.out).lat_deg).toBeCloseTo(-48.847, 3);
  });
});

describe('screen --data-dir', () => {
  it("takes the data directory's catalogue when --catalog is not given, and names it when it is missing", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { ISS_SAMPLE_TLE } = await import('@stationkeeper/core');
    const dir = mkdtempSync(join(tmpdir(), 'sk-screen-'));
    const missing = await capture(['screen', '--primary', '25544', '--data-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('stationkeeper: --catalog <file> is required: the data directory has no catalog/active.txt (run `stationkeeper data fetch --only tle`)\n');
    mkdirSync(join(dir, 'catalog'));
    writeFileSync(join(dir, 'catalog', 'active.txt'), ISS_SAMPLE_TLE + '\n');
    const r = await capture(['screen', '--primary', '25544', '--data-dir', dir, '--start', '2022-07-15T12:00:00Z', '--days', '0.05', '--workers', '0', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]); // one object: nothing to come close to it
  });
});
