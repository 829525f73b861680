/**
 * Bad inputs at the command line (issue 19): one line on stderr naming what is wrong, no stack
 * trace, a non-zero exit, well under a second of work. Files are written here in the shapes that
 * failed before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'sk-hostile-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

function expectOneLineRefusal(r: { code: number; stdout: string; stderr: string }, why: RegExp): void {
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(why);
  const lines = r.stderr.trim().split('\n').filter((l) => !/no EOP loaded/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stationkeeper: /);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('CLI: hostile inputs get one line', () => {
  it('an SGP4 error (decayed by 2031) is one line, not a stack trace (Sgp4Error.code is a number)', () => {
    const r = runCli(['where', '--at', '2031-01-01T00:00:00Z']);
    expectOneLineRefusal(r, /SGP4 error 6 for object 25544 .*satellite decayed/);
  });

  it('--tle naming a directory says so (was a bare EISDIR)', () => {
    expectOneLineRefusal(runCli(['where', '--tle', dir]), /--tle: .* is a directory, not an element file/);
  });

  it('an OMM whose value carries 150,000 blanks is refused in one line, fast', () => {
    const kvn = ['CCSDS_OMM_VERS = 2.0', 'OBJECT_NAME = X', 'NORAD_CAT_ID = 1', 'EPOCH = 2022-07-15T12:00:00', `MEAN_MOTION = 15.5${' '.repeat(150_000)}x`, 'ECCENTRICITY = 0.001', 'INCLINATION = 51.6', 'RA_OF_ASC_NODE = 0', 'ARG_OF_PERICENTER = 0', 'MEAN_ANOMALY = 0'].join('\n');
    const t = Date.now();
    const r = runCli(['where', '--tle', file('blanks.kvn', kvn)]);
    expectOneLineRefusal(r, /field MEAN_MOTION: .* is not a number/);
    expect(Date.now() - t).toBeLessThan(10_000); // process start included; the parse itself is milliseconds
  });

  it('a scenario with four problems prints all four (was "…: 4 problems:" and nothing)', () => {
    const r = runCli(['scenario', 'run', file('small.yaml', 'name: x\n')]);
    expectOneLineRefusal(r, /4 problems: start: is required; end: is required; orbit: is required; policy: is required/);
  });

  it('alias bombs and unresolved aliases are scenario problems, not library errors', () => {
    expectOneLineRefusal(runCli(['scenario', 'run', file('alias.yaml', 'name: *x\n')]), /refers to no anchor/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefg'[i]).join(', ')}]`)].join('\n');
    expectOneLineRefusal(runCli(['scenario', 'run', file('bomb.yaml', bomb)]), /too many aliases/);
  });
});
