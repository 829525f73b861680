/**
 * `stationkeeper raise`: orbit raising of a launch group, read from its element-set history
 * (altitude against time per satellite, time to the operational shell, satellites that never
 * raised), or modelled for a thruster (constant thrust, Edelbaum for a plane change).
 * Method: docs/constellations.md.
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { lowThrustRaise, raiseHistory, selectGroup, type RaiseSummary } from '@stationkeeper/core';
import { lowThrustChartSvg, raiseHistoryChartSvg } from '@stationkeeper/runtime';
import { readElementsFile } from '../util/elementsFile.js';
import { numberOption, requiredNumber, UsageError } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';
import { selectorFromOptions } from './group.js';

interface RaiseOpts {
  tle?: string;
  group?: string;
  shellKm?: string;
  toleranceKm?: string;
  model?: boolean;
  fromKm?: string;
  toKm?: string;
  thrustMn?: string;
  massKg?: string;
  ispS?: string;
  dutyCycle?: string;
  inclinationChangeDeg?: string;
  plot?: string;
  json?: boolean;
}

export function registerRaise(program: Command): void {
  program
    .command('raise')
    .description("orbit raising of a launch group from its element history, or a modelled low-thrust raise")
    .option('--tle <file>', 'element-set history of the group (several sets per object; TLE/3LE or OMM)')
    .option('--group <selector>', "which objects: a launch 2022-012, a name pattern 'ONEWEB-*' or catalogue numbers A-B")
    .option('--shell-km <km>', 'operational shell altitude (mean altitude above 6378.135 km)')
    .option('--tolerance-km <km>', 'within this of the shell counts as reached (default 20)')
    .option('--model', 'model a raise instead: --from-km --to-km --thrust-mn --mass-kg --isp-s [--duty-cycle] [--inclination-change-deg]')
    .option('--from-km <km>', 'model: start altitude')
    .option('--to-km <km>', 'model: target altitude')
    .option('--thrust-mn <mN>', 'model: thrust, millinewtons')
    .option('--mass-kg <kg>', 'model: initial mass')
    .option('--isp-s <s>', 'model: specific impulse, s')
    .option('--duty-cycle <f>', 'model: fraction of the time the thruster fires (default 1)')
    .option('--inclination-change-deg <deg>', 'model: plane change during the raise (Edelbaum), default 0')
    .option('--plot <file.svg>', 'write an altitude-vs-time SVG chart')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        "  stationkeeper raise --tle oneweb-history.txt --group 2022-012 --shell-km 1200 --plot raise.svg\n" +
        '  stationkeeper raise --model --from-km 450 --to-km 1200 --thrust-mn 20 --mass-kg 150 --isp-s 1500 --duty-cycle 0.5 --json',
    )
    .action((opts: RaiseOpts) => {
      const { report, svg } = opts.model ? modelled(opts) : fromHistory(opts);
      if (opts.plot && svg) writeFileSync(opts.plot, svg);
      if (opts.json) printJson(report);
      else process.stdout.write(renderRaise(report) + '\n');
      if (opts.plot) process.stderr.write(`wrote ${opts.plot}\n`);
    });
}

/** `--group` text: a launch (YYYY-NNN…), a NORAD range (digits), else a name pattern. */
function groupSelector(text: string | undefined) {
  if (text === undefined) throw new UsageError('--group is required (a launch 2022-012, a name pattern or A-B)');
  if (/^\d{4}-\d/.test(text.trim())) return selectorFromOptions({ intldes: text });
  if (/^\d+(\s*-\s*\d+)?$/.test(text.trim())) return selectorFromOptions({ norad: text });
  return selectorFromOptions({ name: text });
}

type RaiseReport = ReturnType<typeof historyJson> | ReturnType<typeof modelJson>;

function historyJson(s: RaiseSummary, shellKm: number) {
  return {
    mode: 'history' as const,
    shell_km: shellKm,
    satellites: s.tracks.length,
    reached: s.reached,
    median_days_to_shell: Number.isFinite(s.medianDaysToShell) ? Math.round(s.medianDaysToShell * 10) / 10 : null,
    never_raised: s.neverRaised,
    tracks: s.tracks.map((t) => ({
      norad: t.noradId,
      name: t.name,
      status: t.status,
      first_utc: t.epochs[0].toIsoUtc(0),
      first_altitude_km: Math.round(t.altitudeKm[0] * 10) / 10,
      last_altitude_km: Math.round(t.altitudeKm[t.altitudeKm.length - 1] * 10) / 10,
      reached_utc: t.reachedAt?.toIsoUtc(0) ?? null,
      days_to_shell: t.daysToShell === undefined ? null : Math.round(t.daysToShell * 10) / 10,
    })),
  };
}

function fromHistory(opts: RaiseOpts): { report: RaiseReport; svg?: string } {
  const selector = groupSelector(opts.group);
  const shellKm = requiredNumber('--shell-km', opts.shellKm, { min: 150, max: 40000 });
  const toleranceKm = numberOption('--tolerance-km', opts.toleranceKm, { min: 0.1, max: 500 });
  const records = readElementsFile('--tle', opts.tle);
  const ids = new Set(selectGroup(records, selector).map((r) => r.noradId));
  if (ids.size === 0) throw new UsageError(`--group: no object of ${opts.tle} matches ${JSON.stringify(opts.group)}`);
  const summary = raiseHistory(records.filter((r) => ids.has(r.noradId)), { shellAltitudeKm: shellKm, toleranceKm });
  return { report: historyJson(summary, shellKm), svg: opts.plot ? raiseHistoryChartSvg(summary.tracks, shellKm, `Orbit raising of ${opts.group}`) : undefined };
}

function modelJson(r: ReturnType<typeof lowThrustRaise>, fromKm: number, toKm: number) {
  const days = r.durationS / 86400;
  return {
    mode: 'model' as const,
    from_km: fromKm,
    to_km: toKm,
    delta_v_m_s: Math.round(r.deltaVMps * 10) / 10,
    duration_days: Math.round(days * 10) / 10,
    propellant_kg: Math.round(r.propellantKg * 1000) / 1000,
    profile: Array.from({ length: 11 }, (_, k) => ({ days: Math.round(days * k) / 10, altitude_km: Math.round(r.altitudeKmAt((r.durationS * k) / 10) * 10) / 10 })),
  };
}

function modelled(opts: RaiseOpts): { report: RaiseReport; svg?: string } {
  const fromKm = requiredNumber('--from-km', opts.fromKm, { min: 150, max: 40000 });
  const toKm = requiredNumber('--to-km', opts.toKm, { min: 150, max: 40000 });
  const input = {
    fromAltitudeKm: fromKm,
    toAltitudeKm: toKm,
    thrustN: requiredNumber('--thrust-mn', opts.thrustMn, { min: 0.001, max: 1e6 }) / 1000,
    massKg: requiredNumber('--mass-kg', opts.massKg, { min: 0.1, max: 1e6 }),
    ispS: requiredNumber('--isp-s', opts.ispS, { min: 1, max: 100000 }),
    dutyCycle: numberOption('--duty-cycle', opts.dutyCycle, { min: 0.01, max: 1 }),
    inclinationChangeDeg: numberOption('--inclination-change-deg', opts.inclinationChangeDeg, { min: -90, max: 90 }),
  };
  let r;
  try {
    r = lowThrustRaise(input);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return { report: modelJson(r, fromKm, toKm), svg: opts.plot ? lowThrustChartSvg(r, `Low-thrust raise ${fromKm} → ${toKm} km`) : undefined };
}

export function renderRaise(r: RaiseReport): string {
  if (r.mode === 'model') {
    return [
      `Raise ${r.from_km} → ${r.to_km} km: Δv ${fixed(r.delta_v_m_s, 1)} m/s, ${fixed(r.duration_days, 1)} days, ${fixed(r.propellant_kg, 3)} kg of propellant`,
      formatTable(['day', 'altitude km'], r.profile.map((p) => [fixed(p.days, 1), fixed(p.altitude_km, 1)])),
    ].join('\n');
  }
  const head = `${r.satellites} satellites; ${r.reached} reached ${r.shell_km} km` + (r.median_days_to_shell === null ? '' : ` (median ${fixed(r.median_days_to_shell, 1)} days)`);
  const table = formatTable(
    ['NORAD', 'name', 'status', 'first set', 'alt km', 'now km', 'days to shell'],
    r.tracks.map((t) => [t.norad, t.name, t.status, t.first_utc.slice(0, 10), fixed(t.first_altitude_km, 1), fixed(t.last_altitude_km, 1), t.days_to_shell === null ? '-' : fixed(t.days_to_shell, 1)]),
  );
  const failed = r.never_raised.length > 0 ? `\nnever raised: ${r.never_raised.join(', ')}` : '';
  return `${head}\n${table}${failed}`;
}
