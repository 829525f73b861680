/**
 * `stationkeeper pc --cdm FILE [--method foster|chan|alfano] [--hbr-m R] [--json]`: collision
 * probability of the conjunction in a CCSDS CDM (KVN or XML). See docs/collision-probability.md.
 *
 * HBR: --hbr-m, else the message's own (CDM 2.0 HBR keyword or NASA CARA's `COMMENT HBR = … [m]`);
 * with neither the command stops and asks for --hbr-m: there is no safe default (the ISS is
 * screened with a ~100 m-scale keep-out box, debris with centimetres; a guess would set the Pc).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  collisionProbability,
  conjunctionStatesFromCdm,
  parseCdm,
  pcMaxIsotropic,
  pcMaxScaledCovariance,
  type Cdm,
  type PcMethod,
} from '@stationkeeper/core';
import { choiceOption, numberOption, UsageError } from '../util/options.js';

export interface PcCommandIo {
  readonly out: (text: string) => void;
  readonly readFile: (path: string) => string;
}

interface PcOpts {
  cdm: string;
  method?: string;
  hbrM?: string;
  json?: boolean;
}

const METHODS = ['foster', 'chan', 'alfano'] as const;
type CliMethod = (typeof METHODS)[number];
const CORE_METHOD: Record<CliMethod, PcMethod> = { foster: 'foster', chan: 'chan', alfano: 'max-scaled' };

export function registerPc(program: Command, ioOverride?: Partial<PcCommandIo>): Command {
  const io: PcCommandIo = { out: (t) => process.stdout.write(t), readFile: (p) => readFileSync(p, 'utf8'), ...ioOverride };
  return program
    .command('pc')
    .description('collision probability of a conjunction from a CCSDS CDM (KVN or XML): 2-D short-encounter Pc')
    .requiredOption('--cdm <file>', 'CCSDS conjunction data message (CCSDS 508.0-B-1), KVN or XML')
    .option('--method <name>', 'foster (exact 2-D integral, default), chan (series approximation) or alfano (maximum Pc over covariance scale)')
    .option('--hbr-m <metres>', 'combined hard-body radius in m (required when the CDM carries none)')
    .option('--json', 'print JSON (snake_case keys with units)')
    .action((opts: PcOpts) => {
      const method = choiceOption('--method', opts.method, METHODS, 'foster');
      const hbrOption = numberOption('--hbr-m', opts.hbrM, { min: 0 });
      let text: string;
      try {
        text = io.readFile(opts.cdm);
      } catch (e) {
        throw new UsageError(`--cdm: cannot read ${opts.cdm}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const cdm = parseCdm(text, opts.cdm);
      const hbrM = hbrOption ?? cdm.hardBodyRadiusM;
      if (hbrM === undefined) {
        throw new UsageError(`${opts.cdm} carries no hard-body radius (HBR keyword or "COMMENT HBR = … [m]"); give the combined radius with --hbr-m`);
      }
      const hbrSource = hbrOption !== undefined ? 'option' : 'cdm';
      const report = computeReport(cdm, hbrM, hbrSource, method, opts.cdm);
      io.out(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderText(report));
    });
}

interface PcReport {
  cdm_file: string;
  message_id: string;
  tca_utc: string;
  primary: string;
  secondary: string;
  method: string;
  pc: number | null;
  hbr_m: number;
  hbr_source: string;
  miss_distance_m: number;
  relative_speed_mps: number;
  sigma_major_m: number;
  sigma_minor_m: number;
  miss_major_m: number;
  miss_minor_m: number;
  covariance_remediated: boolean;
  pc_max_no_covariance: number;
  covariance_scale_at_max?: number;
  cdm_collision_probability: number | null;
  cdm_collision_probability_method: string | null;
  cdm_miss_distance_m: number;
  warnings: string[];
}

function computeReport(cdm: Cdm, hbrM: number, hbrSource: string, method: CliMethod, file: string): PcReport {
  const [p, s] = conjunctionStatesFromCdm(cdm);
  const r = collisionProbability(p, s, hbrM, { method: CORE_METHOD[method] });
  const e = r.encounter;
  const report: PcReport = {
    cdm_file: file,
    message_id: cdm.messageId,
    tca_utc: cdm.tca.toIsoUtc(3),
    primary: `${cdm.objects[0].objectName} (${cdm.objects[0].objectDesignator})`,
    secondary: `${cdm.objects[1].objectName} (${cdm.objects[1].objectDesignator})`,
    method,
    pc: Number.isNaN(r.pc) ? null : r.pc,
    hbr_m: hbrM,
    hbr_source: hbrSource,
    miss_distance_m: r.plane.missDistanceM,
    relative_speed_mps: r.plane.relativeSpeedMps,
    sigma_major_m: e.sigmaXM,
    sigma_minor_m: e.sigmaYM,
    miss_major_m: e.xM,
    miss_minor_m: e.yM,
    covariance_remediated: e.remediated,
    pc_max_no_covariance: pcMaxIsotropic(r.plane.missDistanceM, hbrM).pcMax,
    cdm_collision_probability: cdm.collisionProbability ?? null,
    cdm_collision_probability_method: cdm.collisionProbabilityMethod ?? null,
    cdm_miss_distance_m: cdm.missDistanceM,
    warnings: cdm.warnings,
  };
  if (method === 'alfano' && e.positiveDefinite) report.covariance_scale_at_max = pcMaxScaledCovariance(e).scale;
  return report;
}

const sci = (x: number | null): string => (x === null ? 'n/a' : x === 0 ? '0' : x.toExponential(4));

function renderText(r: PcReport): string {
  const label = r.method === 'alfano' ? 'maximum Pc over covariance scale (Alfano 2005)' : r.method === 'chan' ? 'Chan series' : 'Foster 2-D integral';
  const lines = [
    `Conjunction ${r.primary} – ${r.secondary}, TCA ${r.tca_utc}`,
    `  Pc (${label}): ${sci(r.pc)}`,
    `  CDM COLLISION_PROBABILITY: ${sci(r.cdm_collision_probability)}${r.cdm_collision_probability_method ? ` (${r.cdm_collision_probability_method})` : ''}`,
    `  miss distance ${r.miss_distance_m.toFixed(1)} m (CDM ${r.cdm_miss_distance_m} m), relative speed ${r.relative_speed_mps.toFixed(1)} m/s`,
    `  encounter plane: sigma ${r.sigma_major_m.toPrecision(4)} m × ${r.sigma_minor_m.toPrecision(4)} m, miss ${r.miss_major_m.toFixed(1)} m / ${r.miss_minor_m.toFixed(1)} m along them${r.covariance_remediated ? ' (covariance remediated: eigenvalue clipped)' : ''}`,
    `  hard-body radius ${r.hbr_m} m (${r.hbr_source === 'option' ? '--hbr-m' : 'from the CDM'}); maximum Pc for an unknown isotropic covariance ${sci(r.pc_max_no_covariance)}`,
  ];
  if (r.covariance_scale_at_max !== undefined) lines.push(`  maximum reached with the covariance scaled by ${r.covariance_scale_at_max.toPrecision(4)} (sigmas)`);
  // Real CDMs often carry NaN or odd units in optional fields: show the first, count the rest
  // (all of them are in the --json output).
  if (r.warnings.length > 0) lines.push(`  warning: ${r.warnings[0]}`);
  if (r.warnings.length > 1) lines.push(`  (${r.warnings.length - 1} more tolerated problems in optional fields; --json lists them)`);
  return lines.join('\n') + '\n';
}
