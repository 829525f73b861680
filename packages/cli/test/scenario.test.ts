import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DATA, sharedDataAvailable } from '../../../test/sharedData.js';
import { registerScenario } from '../src/commands/scenario.js';

async function run(args: string[]): Promise<{ out: string; files: Map<string, string> }> {
  let out = '';
  const files = new Map<string, string>();
  const program = new Command('stationkeeper').exitOverride();
  registerScenario(program, { out: (t) => (out += t), err: () => {}, writeFile: (p, t) => files.set(p, t) });
  await program.parseAsync(['node', 'stationkeeper', ...args]);
  return { out, files };
}

describe.skipIf(!sharedDataAvailable())('stationkeeper scenario run', () => {
  it('example (b): Roscosmos stops reboosts on 2022-04-02 → propellant exhausted in 2022, re-entry 2023–2025', async () => {
    const file = resolve(REPO_ROOT, 'examples/scenarios/iss-no-russian-reboost-2022.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'sk-scn-'));
    const { out, files } = await run(['scenario', 'run', file, '--json', '--data-dir', SHARED_DATA, '--reentry-members', '0', '--plot', join(dir, 'a.svg'), '--report', join(dir, 'r.html')]);
    const j = JSON.parse(out);
    for (const k of ['burns', 'ledger', 'propellant_exhausted_utc', 'reentry', 'altitude_series']) expect(j).toHaveProperty(k);
    expect(j.burns.every((b: { epoch_utc: string }) => b.epoch_utc < '2022-04-02')).toBe(true);
    expect(j.propellant_exhausted_utc.slice(0, 4)).toBe('2022');
    expect(j.first_unflown_reboost_utc).toBe(j.propellant_exhausted_utc); // the old name is an alias
    // Roscosmos (2022, facts §2): 2–5 years to re-entry without reboosts, depending on the Sun.
    const years = (Date.parse(j.reentry.nominal_utc) - Date.parse('2022-04-02')) / (365.25 * 86400e3);
    expect(years).toBeGreaterThan(1.5);
    expect(years).toBeLessThan(5);
    // --reentry-members 0: nominal date only (the window is tested in core/test/scenarios/ensembleReentry.test.ts).
    expect(j.reentry.window_status).toBe('pending');
    expect(j.reentry.window).toBeNull();
    expect(files.get(join(dir, 'a.svg'))!.startsWith('<svg')).toBe(true);
    expect(files.get(join(dir, 'r.html'))).toMatch(/re-enter around <strong>/);
  });

  it('prints a summary table and names scenario errors by path', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sk-bad-')), 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, readFileSync(resolve(REPO_ROOT, 'examples/scenarios/iss-baseline.yaml'), 'utf8').replace('date: 2022-10-24', 'date: 24/10/2022'));
    await expect(run(['scenario', 'run', bad, '--data-dir', SHARED_DATA])).rejects.toThrow(/events\[2\]\.date: not a date: "24\/10\/2022"/);
  });
});

describe.skipIf(!sharedDataAvailable())('stationkeeper scenario run: partner names', () => {
  it('the summary names partners by their display names, never by id', async () => {
    const file = resolve(REPO_ROOT, 'examples/scenarios/iss-no-russian-reboost-2022.yaml');
    const { out } = await run(['scenario', 'run', file, '--data-dir', SHARED_DATA, '--reentry-members', '0']);
    expect(out).toMatch(/^Roscosmos +2022 /m);
    expect(out).toMatch(/note 2022-04-02: Roscosmos withdraws: its vehicles and modules no longer burn or fly/);
    expect(out).not.toMatch(/roscosmos|\bnasa\b/);
  });
});
