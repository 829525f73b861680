import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collisionProbability, conjunctionStatesFromCdm, FormatError, parseCdm } from '@stationkeeper/core';
import { registerPc } from '../src/commands/pc.js';
import { UsageError } from '../src/util/options.js';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';

/** Run `pc` in-process (main.ts wires it for the real binary); returns stdout or the thrown error. */
async function runPc(args: string[], files: Record<string, string> = {}): Promise<{ out: string; error?: Error }> {
  let out = '';
  const program = new Command('stationkeeper').exitOverride();
  registerPc(program, {
    out: (t) => (out += t),
    readFile: (p) => (p in files ? files[p] : readFileSync(p, 'utf8')),
  });
  try {
    await program.parseAsync(['node', 'stationkeeper', 'pc', ...args]);
    return { out };
  } catch (e) {
    return { out, error: e as Error };
  }
}

const HST = () => sharedPath('conjunction', 'cara', 'cdm', 'PcTestCaseCDMs', '000020580_conj_000002017_20230613_001923_20230608_063715.cdm');

describe.skipIf(!sharedDataAvailable())('stationkeeper pc', () => {
  it('JSON: Pc with the CDM\'s HBR and the CDM\'s own Pc for comparison', async () => {
    const { out, error } = await runPc(['--cdm', HST(), '--json']);
    expect(error).toBeUndefined();
    const j = JSON.parse(out);
    expect(j.method).toBe('foster');
    expect(j.hbr_m).toBe(10);
    expect(j.hbr_source).toBe('cdm');
    // CARA's header value is printed to 4 digits (1.862e-05); ours is the exact 2-D integral.
    expect(Math.abs(j.pc - 1.862e-5) / 1.862e-5).toBeLessThan(5e-4);
    expect(j.cdm_collision_probability).toBe(1.862e-5);
    expect(j.cdm_collision_probability_method).toBe('FOSTER-1992');
    expect(Math.abs(j.miss_distance_m - 12303)).toBeLessThan(1);
    expect(Math.abs(j.relative_speed_mps - 2224)).toBeLessThan(1);
    expect(j.sigma_major_m).toBeGreaterThan(j.sigma_minor_m);
    // Alfano-style isotropic maximum for an unknown covariance: R²/(e d²) scale for d ≫ R.
    expect(Math.abs(j.pc_max_no_covariance - 100 / (Math.E * j.miss_distance_m ** 2)) / j.pc_max_no_covariance).toBeLessThan(1e-3);
  });
  it('text output, chan and alfano methods, --hbr-m override', async () => {
    const text = await runPc(['--cdm', HST()]);
    expect(text.out).toMatch(/Pc \(Foster 2-D integral\): 1\.86\d\de-5/);
    expect(text.out).toMatch(/CDM COLLISION_PROBABILITY: 1\.8620e-5 \(FOSTER-1992\)/);
    const chan = JSON.parse((await runPc(['--cdm', HST(), '--method', 'chan', '--json'])).out);
    const cdm = parseCdm(readFileSync(HST(), 'utf8'));
    const [p, s] = conjunctionStatesFromCdm(cdm);
    expect(chan.pc).toBe(collisionProbability(p, s, 10, { method: 'chan' }).pc);
    const alfano = JSON.parse((await runPc(['--cdm', HST(), '--method', 'alfano', '--json'])).out);
    const foster = JSON.parse((await runPc(['--cdm', HST(), '--json'])).out);
    expect(alfano.pc).toBeGreaterThanOrEqual(foster.pc);
    expect(alfano.covariance_scale_at_max).toBeGreaterThan(0);
    const big = JSON.parse((await runPc(['--cdm', HST(), '--hbr-m', '20', '--json'])).out);
    expect(big.hbr_source).toBe('option');
    expect(big.pc).toBe(collisionProbability(p, s, 20).pc);
    expect(big.pc).toBeGreaterThan(4 * foster.pc); // at least ∝ HBR²: the minor sigma is not ≫ HBR here
  });
  it('no HBR in the CDM and no --hbr-m: a usage error asking for --hbr-m', async () => {
    const file = sharedPath('conjunction', 'orekit', 'cdm', 'CDMExample1.txt');
    const { error } = await runPc(['--cdm', file]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(/carries no hard-body radius .* --hbr-m/);
    const ok = await runPc(['--cdm', file, '--hbr-m', '15', '--json']);
    expect(JSON.parse(ok.out).pc).toBeGreaterThan(0);
  });
  it('invalid CDM: one-line FormatError naming file, line, keyword and value', async () => {
    const file = sharedPath('conjunction', 'orekit', 'cdm', 'CDM-wrong-key-word.txt');
    const { error } = await runPc(['--cdm', file, '--hbr-m', '10']);
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/CDM-wrong-key-word\.txt:6: field WRONG_KEYWORD: "123" is not a CDM keyword/);
    expect(error!.message.includes('\n')).toBe(false);
  });
  it('bad options are usage errors', async () => {
    expect((await runPc(['--cdm', HST(), '--method', 'magic'])).error).toBeInstanceOf(UsageError);
    expect((await runPc(['--cdm', HST(), '--hbr-m', '-3'])).error!.message).toMatch(/--hbr-m must be at least 0/);
    expect((await runPc(['--cdm', '/nonexistent.cdm'])).error!.message).toMatch(/cannot read \/nonexistent\.cdm: ENOENT/);
  });
});
