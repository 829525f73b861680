/**
 * The README's commands, run as a newcomer would on a fresh clone: an empty data directory, no
 * network, in a scratch directory that holds only the examples. Every `npx stationkeeper …` line
 * of its shell blocks must succeed (except `data fetch`, which needs the network and is tested
 * offline in packages/cli/test/data/fetch.test.ts), and the console block must print exactly
 * what the README shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOffline, scratch, type Scratch } from './offlineRun.js';
import { REPO_ROOT } from './sharedData.js';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const BIN = join(REPO_ROOT, 'packages/cli/bin/stationkeeper.js');

/** Fenced blocks of one language, as text. */
function blocks(lang: string): string[] {
  return [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** `npx stationkeeper …` arguments of a command line (quotes are not used in the README's commands). */
function argsOf(line: string): string[] {
  return line.replace(/#.*$/, '').trim().split(/\s+/).slice(2);
}

function run(args: string[], where: Scratch) {
  return runOffline(process.execPath, [BIN, ...args], where, 120_000);
}

const shellLines = blocks('sh')
  .flatMap((b) => b.split('\n'))
  .filter((l) => l.startsWith('npx stationkeeper ') && !l.startsWith('npx stationkeeper data fetch'));

describe('README on a fresh clone (empty data directory, no network)', () => {
  it('finds the headline commands', () => {
    const joined = shellLines.join('\n');
    for (const c of ['scenario run examples/scenarios/iss-no-russian-reboost-2022.yaml', 'passes --lat', 'history', 'lifetime --from', 'data status']) expect(joined).toContain(c);
  });

  it.each(shellLines.map((l) => [l]))('%s', (line) => {
    const where = scratch();
    const r = run(argsOf(line), where);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/missing .* — run `stationkeeper data fetch/);
    // Files the command says it wrote are there.
    for (const m of r.stderr.matchAll(/^wrote (\S+)$/gm)) expect(existsSync(join(where.cwd, m[1])), m[1]).toBe(true);
  }, 120_000);

  it('the console example prints what the README shows', () => {
    const [console] = blocks('console');
    const [command, ...shown] = console.trimEnd().split('\n');
    expect(command.startsWith('$ npx stationkeeper ')).toBe(true);
    const r = run(argsOf(command.slice(2)), scratch());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(shown);
  });

  it('the headline scenario says what stood in for the missing data and names the date in plain words', () => {
    const r = run(['scenario', 'run', 'examples/scenarios/iss-no-russian-reboost-2022.yaml', '--reentry-members', '0'], scratch());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/first reboost that no available vehicle can fly: 2022-\d\d-\d\d/);
    expect(r.stdout).toMatch(/no space-weather file in the data directory: the solar-cycle model stands in/);
    expect(r.stdout).not.toMatch(/\.ts\b|\/tmp\//);
  }, 120_000);
});
