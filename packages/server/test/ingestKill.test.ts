import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ElementStore, openDatabase } from '../src/index.js';
import { syntheticCatalogue, tempDataDir } from './helpers.js';
import { sharedPath } from '../../../test/sharedData.js';

const CHILD = fileURLToPath(new URL('./fixtures/ingestChild.ts', import.meta.url));
const CATALOGUE = sharedPath('catalog', 'spacetrack_3le_2022-07-15.txt');
const hasCatalogue = existsSync(CATALOGUE);

function runChild(dataDir: string, file: string, mode: 'stall' | 'full', onLine: (line: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, dataDir, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        onLine(line, () => child.kill('SIGKILL'));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => (code && code !== 0 ? reject(new Error(`child failed (${code}): ${err}`)) : resolve({ code, signal, lines })));
  });
}

describe('catalogue ingest is one transaction', () => {
  it(`SIGKILL in the middle loses nothing committed and leaves no half batch (${hasCatalogue ? '24,132-object catalogue' : 'synthetic 20,000 objects'})`, async () => {
    const d = tempDataDir();
    try {
      let file = CATALOGUE;
      if (!hasCatalogue) {
        file = join(d.dir, 'synthetic.tle');
        writeFileSync(file, syntheticCatalogue(20_000, 100_000));
      }
      // Committed before: a small file, in its own transaction.
      const db0 = openDatabase(d.dir);
      const pre = new ElementStore(db0).ingestText(syntheticCatalogue(50, 90_000, 3));
      expect(pre.accepted).toBe(150);
      const committed = new ElementStore(db0).totals();
      db0.close();

      const killed = await runChild(d.dir, file, 'stall', (line, kill) => {
        if (line.startsWith('IN-TRANSACTION')) kill();
      });
      expect(killed.signal).toBe('SIGKILL');
      const mid = killed.lines.find((l) => l.startsWith('IN-TRANSACTION'));
      expect(Number(mid!.split(' ')[1])).toBeGreaterThan(5000); // thousands of rows were written, uncommitted
      expect(killed.lines.some((l) => l.startsWith('DONE'))).toBe(false);

      const db1 = openDatabase(d.dir);
      expect(db1.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(new ElementStore(db1).totals()).toEqual(committed);
      db1.close();

      // The same file now goes in whole.
      const full = await runChild(d.dir, file, 'full', () => {});
      const done = full.lines.find((l) => l.startsWith('DONE'));
      const db2 = openDatabase(d.dir);
      const after = new ElementStore(db2).totals();
      db2.close();
      expect(after.elementSets).toBe(committed.elementSets + Number(done!.split(' ')[1]));
      expect(Number(done!.split(' ')[1])).toBe(hasCatalogue ? 24_132 : 20_000);
    } finally {
      d.remove();
    }
  }, 30_000);
});
