/**
 * `stationkeeper avoid (--cdm FILE | --primary-tle FILE --secondary-tle FILE --tca ISO) …`: the
 * smallest along-track (or radial) avoidance burn at a lead time before TCA that brings the Pc to
 * or below a threshold (default 1e-4, the ISS rule) and, optionally, the miss above a minimum,
 * each trial simulated with the numerical propagator (core conjunction/avoidance). Both signs are
 * reported; along-track prefers prograde, which is also a reboost. See docs/collision-probability.md.
 *
 * CDM: the primary's state at TCA is propagated back to the burn, the secondary's forward and back
 * around TCA with the same force model; covariances are the CDM's RTN ones.
 * TLEs: the primary starts from SGP4 at the burn epoch (then numerical), the secondary is SGP4;
 * with no covariance in a TLE an assumed per-object RTN sigma is used (--sigma-rtn-m).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import {
  catalogVehicle,
  EGM96_GM_M3_PER_S2,
  parseCdm,
  planAvoidanceBurn,
  Sgp4Propagator,
  stateToGcrf,
  type AvoidanceBurn,
  type AvoidanceInput,
  type AvoidancePlan,
  type Cdm,
  type CdmObject,
  type EncounterOutcome,
  type StateFrame,
} from '@stationkeeper/core';
import { resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { loadElements } from '../elementsSource.js';
import { choiceOption, epochOption, integerOption, numberOption, UsageError } from '../util/options.js';
import { prepareRun } from './propagate.js';

/** The full-force ISS configuration shipped in examples/forces (the default). */
export const DEFAULT_AVOID_CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples', 'forces', 'iss-full.json');

/**
 * Assumed 1-σ position error of a TLE at epoch, per object, RTN, m: 100 / 500 / 200. An
 * assumption (grade EST), of the order of the near-circular LEO TLE errors that ESA's Space Debris
 * Office tabulated (Flohrer, Krag & Klinkrad, "Assessment and categorization of TLE orbit errors
 * for the US SSN catalogue", AMOS 2008); not their table values. A TLE carries no covariance, so
 * a Pc from TLEs is an indication only; give --sigma-rtn-m when better figures are known.
 */
export const DEFAULT_TLE_SIGMA_RTN_M: readonly [number, number, number] = [100, 500, 200];

export interface AvoidCommandIo {
  readonly out: (text: string) => void;
  readonly readFile: (path: string) => string;
}

interface AvoidOpts {
  cdm?: string;
  primaryTle?: string;
  secondaryTle?: string;
  primaryNorad?: string;
  secondaryNorad?: string;
  tca?: string;
  leadOrbits?: string;
  direction?: string;
  pcThreshold?: string;
  minMissKm?: string;
  hbrM?: string;
  sigmaRtnM?: string;
  maxDvMps?: string;
  vehicle?: string;
  massKg?: string;
  config?: string;
  dataDir?: string;
  json?: boolean;
}

export function registerAvoid(program: Command, ioOverride?: Partial<AvoidCommandIo>): Command {
  const io: AvoidCommandIo = { out: (t) => process.stdout.write(t), readFile: (p) => readFileSync(p, 'utf8'), ...ioOverride };
  return program
    .command('avoid')
    .description('collision-avoidance burn: smallest along-track/radial Δv before TCA that brings Pc below a threshold (numerical propagation), with its reboost effect and propellant')
    .option('--cdm <file>', 'CCSDS conjunction data message (KVN or XML): states and covariances at TCA')
    .option('--primary-tle <file>', 'element sets of the primary (TLE/3LE or OMM), instead of --cdm')
    .option('--secondary-tle <file>', 'element sets of the secondary (with --primary-tle)')
    .option('--primary-norad <n>', 'catalogue number of the primary when its file holds several objects')
    .option('--secondary-norad <n>', 'catalogue number of the secondary when its file holds several objects')
    .option('--tca <iso>', 'time of closest approach (UTC; refined here), with --primary-tle')
    .option('--lead-orbits <n>', 'burn this many orbits before TCA (default 0.5: the radial offset of an along-track burn peaks there)')
    .option('--direction <dir>', 'along-track (default; + = prograde) or radial (+ = up)')
    .option('--pc-threshold <pc>', 'clear the event at Pc ≤ this (default 1e-4, the ISS manoeuvre threshold)')
    .option('--min-miss-km <km>', 'also require a miss distance ≥ this at the new TCA')
    .option('--hbr-m <metres>', 'combined hard-body radius in m (required unless the CDM carries one)')
    .option('--sigma-rtn-m <r,t,n>', `assumed 1-σ RTN position error of each TLE object in m (default ${DEFAULT_TLE_SIGMA_RTN_M.join(',')})`)
    .option('--max-dv-mps <v>', 'largest |Δv| searched, m/s (default 5)')
    .option('--vehicle <id>', 'vehicle whose thrusters burn, for propellant and duration (default progress-ms)')
    .option('--mass-kg <kg>', 'station mass (default: the configuration spacecraft.massKg)')
    .option('--config <file>', 'run configuration: forces, mass, integrator (default examples/forces/iss-full.json: full ISS force model)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print JSON (snake_case keys with units)')
    .action(async (opts: AvoidOpts) => {
      const report = await runAvoid(opts, io);
      io.out(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderText(report));
    });
}

/** Parse the options, plan, and build the report (exported for tests and the server). */
export async function runAvoid(opts: AvoidOpts, io: AvoidCommandIo): Promise<AvoidReport> {
  const fromCdm = opts.cdm !== undefined;
  const fromTle = opts.primaryTle !== undefined || opts.secondaryTle !== undefined;
  if (fromCdm && fromTle) throw new UsageError('give either --cdm or --primary-tle with --secondary-tle, not both');
  if (!fromCdm && !fromTle) throw new UsageError('give --cdm FILE, or --primary-tle FILE --secondary-tle FILE --tca ISO');
  const direction = choiceOption('--direction', opts.direction, ['along-track', 'radial'] as const, 'along-track');
  const leadOrbits = numberOption('--lead-orbits', opts.leadOrbits, { min: 0.3, max: 50 }) ?? 0.5;
  const pcThreshold = numberOption('--pc-threshold', opts.pcThreshold, { min: 1e-12, max: 0.5 }) ?? 1e-4;
  const minMissKm = numberOption('--min-miss-km', opts.minMissKm, { min: 1e-3, max: 1000 });
  const hbrOption = numberOption('--hbr-m', opts.hbrM, { min: 0, max: 1000 });
  const maxDv = numberOption('--max-dv-mps', opts.maxDvMps, { min: 1e-3, max: 100 }) ?? 5;
  const massKg = numberOption('--mass-kg', opts.massKg, { min: 1 });
  const vehicleId = opts.vehicle ?? 'progress-ms';
  let vehicle;
  try {
    vehicle = catalogVehicle(vehicleId);
  } catch (e) {
    throw new UsageError(`--vehicle: ${(e as Error).message}`);
  }
  const config = opts.config ?? DEFAULT_AVOID_CONFIG;
  const dataDir = resolveDataDir({ dataDir: opts.dataDir });
  const eop = loadEop(dataDir);
  const warnings: string[] = [];

  let base: Omit<AvoidanceInput, 'burnLeadTimeS' | 'direction' | 'pcThreshold' | 'minMissM' | 'maxDeltaVMps' | 'vehicle'>;
  let periodS: number;
  let source: Record<string, unknown>;
  let covarianceSource: string;
  const sigmaText = opts.sigmaRtnM;
  if (fromCdm) {
    if (opts.tca !== undefined || opts.primaryNorad !== undefined || opts.secondaryNorad !== undefined) throw new UsageError('--tca and --*-norad go with --primary-tle, not --cdm (the CDM has its TCA)');
    if (sigmaText !== undefined) throw new UsageError('--sigma-rtn-m goes with TLEs; a CDM carries its own covariances');
    let text: string;
    try {
      text = io.readFile(opts.cdm!);
    } catch (e) {
      throw new UsageError(`--cdm: cannot read ${opts.cdm}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let cdm: Cdm;
    try {
      cdm = parseCdm(text, opts.cdm);
    } catch (e) {
      throw new UsageError((e as Error).message.split('\n')[0]);
    }
    warnings.push(...cdm.warnings);
    const hbrM = hbrOption ?? cdm.hardBodyRadiusM;
    if (hbrM === undefined) throw new UsageError(`${opts.cdm} carries no hard-body radius (HBR keyword or "COMMENT HBR = … [m]"); give the combined radius with --hbr-m`);
    const [o1, o2] = cdm.objects;
    const f1 = stateFrame(o1);
    const f2 = stateFrame(o2);
    // The primary through a state file, so that prepareRun builds the configured forces and reads their data files.
    const dir = mkdtempSync(join(tmpdir(), 'sk-avoid-'));
    const stateFile = join(dir, 'primary.json');
    let run;
    try {
      writeFileSync(
        stateFile,
        JSON.stringify({ epoch: cdm.tca.toIsoUtc(6), frame: f1, r_km: o1.positionM.map((x) => x / 1e3), v_km_s: o1.velocityMps.map((x) => x / 1e3), mass_kg: massKg ?? 1, object_name: o1.objectName }),
      );
      run = await prepareRun({ state: stateFile, config, dataDir, ...(massKg !== undefined ? { massKg: String(massKg) } : {}) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (massKg === undefined) {
      if (run.config.massKg === undefined) throw new UsageError(`no station mass: set spacecraft.massKg in ${config} or pass --mass-kg`);
      run.initial.massKg = run.config.massKg;
    }
    const secondaryState = stateToGcrf({ epoch: cdm.tca, frame: f2, rM: Float64Array.from(o2.positionM), vMps: Float64Array.from(o2.velocityMps), massKg: 1 }, eop);
    base = {
      propagator: run.propagator,
      primary: run.initial,
      secondary: { state: secondaryState },
      primaryCovariance: { frame: 'rtn', matrix: positionVelocityBlock(o1) },
      secondaryCovariance: { frame: 'rtn', matrix: positionVelocityBlock(o2) },
      hardBodyRadiusM: hbrM,
      tca: cdm.tca,
    };
    periodS = keplerPeriodS(run.initial.rGcrfM, run.initial.vGcrfMps);
    covarianceSource = 'cdm (RTN, each object at its TCA state)';
    source = { source: 'cdm', cdm_file: opts.cdm, message_id: cdm.messageId, primary: `${o1.objectName} (${o1.objectDesignator})`, secondary: `${o2.objectName} (${o2.objectDesignator})`, cdm_tca_utc: cdm.tca.toIsoUtc(3), cdm_miss_distance_m: cdm.missDistanceM, hbr_source: hbrOption !== undefined ? 'option' : 'cdm' };
  } else {
    if (opts.primaryTle === undefined || opts.secondaryTle === undefined) throw new UsageError('the TLE form needs both --primary-tle and --secondary-tle (and --tca)');
    const tca = epochOption('--tca', opts.tca);
    if (tca === undefined) throw new UsageError('--tca ISO is required with --primary-tle (e.g. from `stationkeeper screen`)');
    if (hbrOption === undefined) throw new UsageError('--hbr-m is required with TLEs (the combined hard-body radius in m; there is no safe default)');
    const primaryNorad = integerOption('--primary-norad', opts.primaryNorad, { min: 0, max: 339999 });
    const secondaryNorad = integerOption('--secondary-norad', opts.secondaryNorad, { min: 0, max: 339999 });
    const sigma = sigmaText === undefined ? DEFAULT_TLE_SIGMA_RTN_M : parseSigmas(sigmaText);
    const p = await loadElements({ tle: opts.primaryTle, norad: primaryNorad, dataDir, at: tca });
    const s = await loadElements({ tle: opts.secondaryTle, norad: secondaryNorad, dataDir, at: tca });
    if (p.elements.noradId === s.elements.noradId) throw new UsageError(`--primary-tle and --secondary-tle give the same object (NORAD ${p.elements.noradId}); use --primary-norad/--secondary-norad`);
    periodS = 86400 / p.elements.meanMotionRevPerDay;
    const burnEpoch = tca.plusSeconds(-leadOrbits * periodS);
    const run = await prepareRun({
      tle: opts.primaryTle,
      config,
      dataDir,
      start: burnEpoch.toIsoUtc(6),
      ...(primaryNorad !== undefined ? { norad: String(primaryNorad) } : {}),
      ...(massKg !== undefined ? { massKg: String(massKg) } : {}),
    });
    const cov = [sigma[0] ** 2, 0, 0, 0, sigma[1] ** 2, 0, 0, 0, sigma[2] ** 2];
    base = {
      propagator: run.propagator,
      primary: run.initial,
      secondary: { source: Sgp4Propagator.fromElements(s.elements) },
      primaryCovariance: { frame: 'rtn', matrix: cov },
      secondaryCovariance: { frame: 'rtn', matrix: cov },
      hardBodyRadiusM: hbrOption,
      tca,
    };
    covarianceSource = `assumed: 1-σ R/T/N ${sigma.join(' / ')} m for each object (TLEs carry no covariance${sigmaText === undefined ? '; default, grade EST' : ''})`;
    warnings.push('Pc from TLEs with an assumed covariance is an indication only');
    const name = (e: { objectName?: string; noradId: number }): string => `${e.objectName || 'NORAD'} (${e.noradId})`;
    source = { source: 'tle', primary_tle: opts.primaryTle, secondary_tle: opts.secondaryTle, primary: name(p.elements), secondary: name(s.elements), primary_elements_epoch_utc: p.elements.epoch.toIsoUtc(3), secondary_elements_epoch_utc: s.elements.epoch.toIsoUtc(3), hbr_source: 'option' };
  }

  let plan: AvoidancePlan;
  try {
    plan = planAvoidanceBurn({
      ...base,
      burnLeadTimeS: leadOrbits * periodS,
      direction,
      pcThreshold,
      ...(minMissKm !== undefined ? { minMissM: minMissKm * 1e3 } : {}),
      maxDeltaVMps: maxDv,
      vehicle,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return buildReport(plan, { ...source, config, lead_orbits: leadOrbits, covariance_source: covarianceSource }, warnings);
}

function stateFrame(o: CdmObject): StateFrame {
  const f = o.refFrame.toUpperCase();
  if (['EME2000', 'J2000', 'GCRF', 'ICRF'].includes(f)) return 'GCRF';
  if (f === 'TEME') return 'TEME';
  if (/^ITRF/.test(f)) return 'ITRF';
  throw new UsageError(`${o.object} REF_FRAME ${o.refFrame} is not supported for avoidance planning (EME2000, GCRF, ICRF, TEME or ITRF)`);
}

/** 6×6 position/velocity block of a CDM object's RTN covariance. */
function positionVelocityBlock(o: CdmObject): Float64Array {
  const n = o.covarianceSize;
  const out = new Float64Array(36);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) out[i * 6 + j] = o.covarianceRtn[i * n + j];
  return out;
}

function keplerPeriodS(r: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = 1 / (2 / Math.hypot(r[0], r[1], r[2]) - (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) / EGM96_GM_M3_PER_S2);
  if (!(a > 0)) throw new UsageError('the primary is not on a bound orbit');
  return 2 * Math.PI * Math.sqrt(a ** 3 / EGM96_GM_M3_PER_S2);
}

function parseSigmas(text: string): [number, number, number] {
  const parts = text.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 3 || !parts.every((x) => Number.isFinite(x) && x > 0)) {
    throw new UsageError(`--sigma-rtn-m must be three positive numbers in m, "R,T,N" (e.g. 100,500,200), got ${JSON.stringify(text)}`);
  }
  return parts as [number, number, number];
}

interface OutcomeJson {
  tca_utc: string;
  tca_shift_s: number;
  pc: number;
  miss_distance_m: number;
  miss_rtn_m: [number, number, number];
  encounter_plane_miss_m: number;
  encounter_plane_miss_nominal_axes_m: [number, number];
  relative_speed_mps: number;
}

interface BurnJson {
  label: string;
  feasible: boolean;
  reason?: string;
  delta_v_mps: number | null;
  linear_prediction_delta_v_mps: number | null;
  semi_major_axis_change_km: number | null;
  mean_altitude_change_km: number | null;
  altitude_change_km_per_mps: number | null;
  propellant_kg: number | null;
  burn_duration_s: number | null;
  non_monotone: boolean;
  after?: OutcomeJson;
}

export interface AvoidReport {
  [key: string]: unknown;
  needed: boolean;
  direction: string;
  pc_threshold: number;
  min_miss_m: number | null;
  hbr_m: number;
  burn_epoch_utc: string;
  burn_lead_s: number;
  nominal: OutcomeJson;
  recommended: BurnJson | null;
  options: BurnJson[];
  vehicle: { id: string; name: string; isp_s: number; thrust_n: number };
  station_mass_kg: number;
  propagations: number;
  assumptions: string[];
  warnings: string[];
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function outcomeJson(o: EncounterOutcome): OutcomeJson {
  return {
    tca_utc: o.tca.toIsoUtc(6),
    tca_shift_s: o.tcaShiftS,
    pc: o.pc,
    miss_distance_m: o.missDistanceM,
    miss_rtn_m: o.missRtnM,
    encounter_plane_miss_m: o.planeMissM,
    encounter_plane_miss_nominal_axes_m: o.planeMissNominalAxesM,
    relative_speed_mps: o.relativeSpeedMps,
  };
}

function burnJson(b: AvoidanceBurn, direction: string): BurnJson {
  const label = direction === 'along-track' ? (b.sign > 0 ? 'prograde' : 'retrograde') : b.sign > 0 ? 'radial up' : 'radial down';
  return {
    label,
    feasible: b.feasible,
    ...(b.reason ? { reason: b.reason } : {}),
    delta_v_mps: num(b.deltaVMps),
    linear_prediction_delta_v_mps: num(b.predictedDeltaVMps),
    semi_major_axis_change_km: num(b.semiMajorAxisChangeM / 1e3),
    mean_altitude_change_km: num(b.semiMajorAxisChangeM / 1e3),
    altitude_change_km_per_mps: num(b.semiMajorAxisChangeKmPerMps),
    propellant_kg: num(b.propellantKg),
    burn_duration_s: num(b.burnDurationS),
    non_monotone: b.nonMonotone,
    ...(b.outcome ? { after: outcomeJson(b.outcome) } : {}),
  };
}

function buildReport(plan: AvoidancePlan, source: Record<string, unknown>, warnings: string[]): AvoidReport {
  const options = [plan.positive, plan.negative].filter((b): b is AvoidanceBurn => b !== undefined).map((b) => burnJson(b, plan.direction));
  return {
    ...source,
    needed: plan.needed,
    direction: plan.direction,
    pc_threshold: plan.pcThreshold,
    min_miss_m: plan.minMissM ?? null,
    hbr_m: plan.hardBodyRadiusM,
    burn_epoch_utc: plan.burnEpoch.toIsoUtc(3),
    burn_lead_s: plan.burnLeadTimeS,
    nominal: outcomeJson(plan.nominal),
    recommended: plan.recommended ? burnJson(plan.recommended, plan.direction) : null,
    options,
    vehicle: { id: plan.vehicle.id, name: plan.vehicle.name, isp_s: plan.vehicle.ispS, thrust_n: plan.vehicle.thrustN },
    station_mass_kg: plan.primaryMassKg,
    propagations: plan.propagations,
    assumptions: plan.assumptions,
    warnings,
  };
}

const sci = (x: number | null): string => (x === null ? 'n/a' : x === 0 ? '0' : x.toExponential(3));

function renderText(r: AvoidReport): string {
  const n = r.nominal;
  const lines = [
    `Conjunction ${String(r.primary)} – ${String(r.secondary)} (${String(r.source)})`,
    `  nominal: TCA ${n.tca_utc}, Pc ${sci(n.pc)} (Foster, HBR ${r.hbr_m} m), miss ${n.miss_distance_m.toFixed(1)} m (R ${n.miss_rtn_m[0].toFixed(1)}, T ${n.miss_rtn_m[1].toFixed(1)}, N ${n.miss_rtn_m[2].toFixed(1)} m), relative speed ${n.relative_speed_mps.toFixed(1)} m/s`,
    `  criteria: Pc ≤ ${sci(r.pc_threshold)}${r.min_miss_m !== null ? `, miss ≥ ${(r.min_miss_m / 1e3).toFixed(3)} km` : ''}; covariance ${String(r.covariance_source)}`,
  ];
  if (!r.needed) {
    lines.push('  no burn needed: the nominal encounter meets the criteria');
  } else {
    lines.push(`  ${r.direction} burn at ${r.burn_epoch_utc} (${(r.burn_lead_s / 60).toFixed(1)} min = ${String(r.lead_orbits)} orbits before TCA), ${r.vehicle.name} thrusters:`);
    for (const o of r.options) {
      const mark = r.recommended && r.recommended.label === o.label ? '→' : ' ';
      if (!o.feasible || !o.after) {
        lines.push(`  ${mark} ${o.label.padEnd(11)} not possible: ${o.reason ?? 'no solution'}`);
        continue;
      }
      const a = o.after;
      lines.push(
        `  ${mark} ${o.label.padEnd(11)} Δv ${o.delta_v_mps!.toFixed(4)} m/s → Pc ${sci(a.pc)}, miss ${a.miss_distance_m.toFixed(1)} m (R ${a.miss_rtn_m[0].toFixed(1)}, T ${a.miss_rtn_m[1].toFixed(1)}, N ${a.miss_rtn_m[2].toFixed(1)} m), TCA ${a.tca_shift_s >= 0 ? '+' : ''}${a.tca_shift_s.toFixed(3)} s`,
        `      mean altitude ${o.mean_altitude_change_km! >= 0 ? '+' : ''}${o.mean_altitude_change_km!.toFixed(3)} km (${o.altitude_change_km_per_mps!.toFixed(2)} km per m/s), propellant ${o.propellant_kg!.toFixed(1)} kg, burn ${o.burn_duration_s!.toFixed(0)} s at ${r.vehicle.thrust_n} N${o.non_monotone ? ' (Pc(Δv) not monotone: smaller root found by scan)' : ''}`,
      );
    }
    if (!r.recommended) lines.push(`  no ${r.direction} burn up to the Δv limit clears the event`);
  }
  lines.push(`  ${r.propagations} numerical propagations; station mass ${r.station_mass_kg.toFixed(0)} kg`);
  if (r.warnings.length > 0) lines.push(`  warning: ${r.warnings[0]}${r.warnings.length > 1 ? ` (+${r.warnings.length - 1} more; --json lists them)` : ''}`);
  return lines.join('\n') + '\n';
}

