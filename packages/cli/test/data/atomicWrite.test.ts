import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../src/data/atomicWrite.js';
import { startServer, syntheticGfc } from './fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'sk-atomic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves nothing else behind', async () => {
    const p = join(tmp, 'a', 'b.txt');
    await writeFileAtomic(p, new TextEncoder().encode('one'));
    await writeFileAtomic(p, new TextEncoder().encode('two'));
    expect(readFileSync(p, 'utf8')).toBe('two');
    expect(readdirSync(join(tmp, 'a'))).toEqual(['b.txt']);
  });

  it('removes its temporary file when the rename fails', async () => {
    const p = join(tmp, 'c');
    mkdirSync(join(p, 'occupied'), { recursive: true }); // a non-empty directory cannot be replaced by a file
    await expect(writeFileAtomic(p, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(tmp).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('cleans .part files of writers that are gone, not of live ones', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const d = join(tmp, 'stale');
    mkdirSync(d);
    writeFileSync(join(d, `.EGM96.gfc.${dead}.0123abcd.part`), 'half');
    writeFileSync(join(d, `.EGM96.gfc.${process.pid}.0123abcd.part`), 'mine');
    writeFileSync(join(d, 'EGM96.gfc'), 'good');
    expect(await removeStaleTempFiles(d)).toEqual([`.EGM96.gfc.${dead}.0123abcd.part`]);
    expect(readdirSync(d).sort()).toEqual([`.EGM96.gfc.${process.pid}.0123abcd.part`, 'EGM96.gfc']);
  });
});

describe('an interrupted `data fetch` process', () => {
  it('exits 130 on SIGINT and leaves the data directory as it was', async () => {
    const server = await startServer(new Map([['/gravity/EGM96.gfc', { body: syntheticGfc(180), stallMs: 20_000 }]]));
    const dir = join(tmp, 'sigint');
    mkdirSync(join(dir, 'gravity'), { recursive: true });
    writeFileSync(join(dir, 'gravity', 'EGM96.gfc'), 'previous good file');
    const script = [
      "import { Command } from 'commander';",
      `import { registerData } from ${JSON.stringify(resolve(__dirname, '../../src/commands/data.ts'))};`,
      "const p = new Command('stationkeeper'); registerData(p);",
      'await p.parseAsync(process.argv.slice(1), { from: "user" });',
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script, 'data', 'fetch', '--only', 'gravity', '--data-dir', dir, '--source-base', server.base],
      { cwd: resolve(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    try {
      // Wait until the request reached the (stalled) server, then interrupt.
      const t0 = Date.now();
      while (server.hits.length === 0 && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 50));
      expect(server.hits, stderr).toEqual(['/gravity/EGM96.gfc']);
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(code).toBe(130);
      expect(stderr).toContain('interrupted (SIGINT)');
      expect(readFileSync(join(dir, 'gravity', 'EGM96.gfc'), 'utf8')).toBe('previous good file');
      expect(readdirSync(join(dir, 'gravity'))).toEqual(['EGM96.gfc']);
      expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
  });
});
