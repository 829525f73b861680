/**
 * `stationkeeper lifetime --tle FILE --norad 25544 --from ISO [--mass-kg --area-m2 --cd] [--mc N]`:
 * "the station stops reboosting on --from: when does it re-enter?" — the re-entry ensemble of
 * `reentry` (same members, same as-of space weather) started from the last element set at or
 * before --from, with p05/p50/p95 mean-altitude curves. See docs/reentry.md.
 *
 * Ballistic coefficient: with any of --mass-kg/--area-m2/--cd, B = m/(Cd·A) with the missing ones
 * from the ISS defaults below (σ 20 %); otherwise B is fitted to the TLEs before --from (the
 * model-relative value), falling back to the ISS defaults, with a warning, when the fit is refused.
 */
import { randomInt } from 'node:crypto';
import { Command } from 'commander';
import {
  ballisticWithSigma,
  Epoch,
  FAST_MEMBER_INTEGRATION,
  ISS_BALLISTIC_SIGMA_FRACTION,
  ISS_BALLISTIC_SOURCE,
  ISS_STATION,
  summariseEnsemble,
  type EnsembleSummary,
  type ReentryPreparation,
} from '@stationkeeper/core';
import { svgChart } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { epochOption, integerOption, numberOption, UsageError } from '../util/options.js';
import { fixed, formatTable } from '../util/table.js';
import { defaultReentryIo, loadHistory, loadModelData, prepareOrExplain, runWithProgress, type ReentryCommandIo } from './reentry.js';

/**
 * ISS defaults: core ISS_STATION (NASA TOPO ephemeris header of 2024-11-27, the latest in
 * ../shared/facts/iss-operations.md §1, grade P): mass 473,264 kg, drag area 1,524.99 m²,
 * Cd 2.00 → m/(Cd·A) = 155 kg/m², σ 20 % (core reentry/issBallistic.ts).
 */
export const ISS_TOPO_DEFAULTS = Object.freeze({
  massKg: ISS_STATION.massKg,
  areaM2: ISS_STATION.dragAreaM2,
  cd: ISS_STATION.dragCoefficient,
  sigmaFraction: ISS_BALLISTIC_SIGMA_FRACTION,
  source: ISS_BALLISTIC_SOURCE,
});

interface LifetimeOpts {
  tle?: string;
  norad?: string;
  from: string;
  massKg?: string;
  areaM2?: string;
  cd?: string;
  mc?: string;
  seed?: string;
  workers?: string;
  json?: boolean;
  plot?: string;
  dataDir?: string;
}

export function registerLifetime(program: Command, ioOverride?: Partial<ReentryCommandIo>): Command {
  const io: ReentryCommandIo = { ...defaultReentryIo(), ...ioOverride };
  return program
    .command('lifetime')
    .description('re-entry of a station that stops reboosting on --from: ensemble of no-reboost lifetimes with p05/p50/p95 altitude curves')
    .option('--tle <file>', 'TLE / 3LE history of the station (default: the embedded sample ISS history 2021-01 … 2022-03)')
    .option('--norad <id>', 'NORAD catalogue number (default 25544, the ISS)')
    .requiredOption('--from <iso>', 'last reboost / start of the free decay (UTC); TLEs after it are not used')
    .option('--mass-kg <kg>', `mass (default ${ISS_TOPO_DEFAULTS.massKg} kg, ${ISS_TOPO_DEFAULTS.source})`)
    .option('--area-m2 <m2>', `drag area (default ${ISS_TOPO_DEFAULTS.areaM2} m²)`)
    .option('--cd <cd>', `drag coefficient (default ${ISS_TOPO_DEFAULTS.cd})`)
    .option('--mc <n>', 'ensemble members (default 100)')
    .option('--seed <n>', 'random seed (default: random, printed)')
    .option('--workers <n>', 'worker threads (default: all cores; 1 runs in the main thread)')
    .option('--json', 'print JSON')
    .option('--plot <file.svg>', 'write mean altitude vs time with the 5–95 % band')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: LifetimeOpts) => {
      const norad = integerOption('--norad', opts.norad, { min: 1 }) ?? 25544;
      const from = epochOption('--from', opts.from)!;
      const mass = numberOption('--mass-kg', opts.massKg, { min: 1e-3 });
      const area = numberOption('--area-m2', opts.areaM2, { min: 1e-6 });
      const cd = numberOption('--cd', opts.cd, { min: 0.1, max: 10 });
      const members = integerOption('--mc', opts.mc, { min: 1, max: 100000 }) ?? 100;
      const seed = integerOption('--seed', opts.seed, { min: 0, max: 2 ** 31 - 1 }) ?? randomInt(2 ** 31 - 1);
      const workers = integerOption('--workers', opts.workers, { min: 1, max: 256 });
      const physical = mass !== undefined || area !== undefined || cd !== undefined;
      const m = mass ?? ISS_TOPO_DEFAULTS.massKg;
      const a = area ?? ISS_TOPO_DEFAULTS.areaM2;
      const c = cd ?? ISS_TOPO_DEFAULTS.cd;
      const ballistic = {
        ...ballisticWithSigma({ massKg: m, dragAreaM2: a, dragCoefficient: c }, ISS_TOPO_DEFAULTS.sigmaFraction),
        source: `m/(Cd·A) = ${fixed(m, 0)} kg / (${fixed(c, 2)} × ${fixed(a, 2)} m²)${physical ? '' : ` (${ISS_TOPO_DEFAULTS.source})`}, σ ${ISS_TOPO_DEFAULTS.sigmaFraction * 100} %`,
      };
      const history = loadHistory(io, opts.tle, norad);
      const { table, msisCoefficients } = loadModelData(io, opts.dataDir);
      const prep = prepareOrExplain(history, {
        asOf: from,
        noradId: norad,
        spaceWeatherTable: table,
        msisCoefficients,
        members,
        seed,
        ballistic,
        fallbackOnFitError: !physical,
        altitudeSampleDays: 5,
        maxYears: 30,
        // Multi-year runs: the faster first-phase settings (≤ 0.5 % of the lifetime, bench/reentry.bench.ts).
        integration: prep0Eccentricity(history, from) < 0.005 ? FAST_MEMBER_INTEGRATION : undefined,
      });
      const results = await runWithProgress(io, prep.input, workers);
      const summary = summariseEnsemble(prep.input, results);
      const j = lifetimeJson(prep, summary, seed, from);
      if (opts.plot) {
        io.writeFile(opts.plot, lifetimeSvg(prep, summary, from));
        io.err(`wrote ${opts.plot}\n`);
      }
      if (opts.json) io.out(JSON.stringify(j, null, 2) + '\n');
      else io.out(renderLifetime(j, summary));
    });
}

/** Eccentricity of the last element set at or before `from` (the FAST settings need e < 0.005). */
function prep0Eccentricity(history: readonly { epoch: Epoch; eccentricity: number }[], from: Epoch): number {
  let e = history[0].eccentricity;
  for (const r of history) if (!r.epoch.isAfter(from)) e = r.eccentricity;
  return e;
}

const iso = (e: Epoch | undefined) => (e ? e.toIsoUtc(0) : null);

function lifetimeJson(prep: ReentryPreparation, s: EnsembleSummary, seed: number, from: Epoch) {
  const start = Epoch.fromTai(prep.input.initial.epoch.taiMjdDay, prep.input.initial.epoch.taiSecondsOfDay);
  const band = s.altitudeBand;
  return {
    norad: prep.input.noradId ?? null,
    from_utc: iso(from),
    start_state_utc: iso(start),
    reentry_epoch_utc: iso(s.median),
    window_p05_utc: iso(s.p05),
    window_p95_utc: iso(s.p95),
    lifetime_days_from_start: { p05: fin(s.p05Days), median: fin(s.medianDays), p95: fin(s.p95Days) },
    reentry_definition: '80 km mean altitude a − R⊕ of the orbit-averaged model',
    ballistic_coefficient_kg_m2: prep.input.ballisticCoefficientKgPerM2,
    ballistic_coefficient_sigma_kg_m2: prep.input.ballisticSigmaKgPerM2,
    ballistic_coefficient_source: prep.ballisticSource,
    members: s.members,
    members_reentered: s.reenteredMembers,
    seed,
    space_weather: 'observed to the day before --from, then persistence relaxing to the solar-cycle model with lognormal member factors (docs/reentry.md)',
    altitude_band_km: band
      ? band.days.map((d, k) => ({ t_utc: start.plusSeconds(d * 86400).toIsoUtc(0).slice(0, 10), days: d, p05: num(band.p05[k]), p50: num(band.p50[k]), p95: num(band.p95[k]) }))
      : null,
    warnings: prep.warnings,
  };
}

const fin = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(2)) : null);
const num = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(2)) : null);

function renderLifetime(j: ReturnType<typeof lifetimeJson>, s: EnsembleSummary): string {
  const lines: string[] = [];
  lines.push(`NORAD ${j.norad}: no reboosts after ${j.from_utc} (decay starts from the element set of ${j.start_state_utc})`);
  lines.push(`  ballistic coefficient ${fixed(j.ballistic_coefficient_kg_m2, 1)} ± ${fixed(j.ballistic_coefficient_sigma_kg_m2, 1)} kg/m² (${j.ballistic_coefficient_source})`);
  lines.push(`  ${j.members} members, seed ${j.seed}; re-entry = ${j.reentry_definition}`, '');
  lines.push(
    formatTable(
      ['', 're-entry UTC', 'years after start'],
      [
        ['5 %', j.window_p05_utc ?? 'after 30 years', fixed(s.p05Days / 365.25, 2)],
        ['median', j.reentry_epoch_utc ?? 'after 30 years', fixed(s.medianDays / 365.25, 2)],
        ['95 %', j.window_p95_utc ?? 'after 30 years', fixed(s.p95Days / 365.25, 2)],
      ],
    ),
  );
  if (j.altitude_band_km) {
    lines.push('', 'Mean altitude (km), every 90 days:');
    const rows = j.altitude_band_km.filter((r) => r.days % 90 === 0).map((r) => [r.t_utc, r.p95 === null ? '—' : fixed(r.p95, 1), r.p50 === null ? 're-entered' : fixed(r.p50, 1), r.p05 === null ? 're-entered' : fixed(r.p05, 1)]);
    lines.push(formatTable(['date', 'high (95 %)', 'median', 'low (5 %)'], rows));
  }
  for (const w of j.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

function lifetimeSvg(prep: ReentryPreparation, s: EnsembleSummary, from: Epoch): string {
  const band = s.altitudeBand;
  if (!band) throw new UsageError('no altitude samples to plot');
  const start = Epoch.fromTai(prep.input.initial.epoch.taiMjdDay, prep.input.initial.epoch.taiSecondsOfDay).utcMjd();
  const x = band.days.map((d) => start + d);
  const q = [s.p05, s.median, s.p95].filter((e): e is Epoch => e !== undefined).map((e) => e.utcMjd());
  return svgChart({
    title: `NORAD ${prep.input.noradId}: no reboosts after ${from.toIsoUtc(0).slice(0, 10)}`,
    subtitle: `${s.members} members; B = ${fixed(prep.input.ballisticCoefficientKgPerM2, 1)} ± ${fixed(prep.input.ballisticSigmaKgPerM2, 1)} kg/m²; as-of space weather`,
    xAxis: { label: 'UTC', type: 'utc-mjd' },
    yAxis: { label: 'mean altitude a − R⊕, km' },
    series: [
      { label: '95 % (slowest decay)', x, y: band.p95, dash: '4 3', color: '#1f77b4' },
      { label: 'median', x, y: band.p50, color: '#000000', lineWidthPx: 2 },
      { label: '5 % (fastest decay)', x, y: band.p05, dash: '4 3', color: '#d62728' },
    ],
    markers: [{ label: 're-entry 5 % / median / 95 %', x: q, shape: 'vline', color: '#7f7f7f' }],
  });
}
