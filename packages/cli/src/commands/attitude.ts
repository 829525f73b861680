/**
 * `stationkeeper attitude tea|simulate|slew --config FILE`: torque-equilibrium attitude, a
 * closed-loop CMG momentum simulation with desaturations, and attitude manoeuvre plans, for a
 * station attitude config (an inertia tensor and orbit, or the built-in 2022 ISS model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  attitudeSimulateReport,
  attitudeSlewReport,
  attitudeTeaReport,
  Epoch,
  parseAttitudeConfig,
  parseNamedAttitude,
  type AtmosphereModel,
  type AttitudeConfig,
} from '@stationkeeper/core';
import { attitudeMomentumChartSvg, loadAtmosphere, resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { choiceOption, epochOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { parseDuration } from './propagate.js';


interface CommonOpts { config?: string; start?: string; json?: boolean; dataDir?: string }

function loadConfig(path: string | undefined): AttitudeConfig {
  if (!path) throw new UsageError('--config is required (a station attitude config, JSON)');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config ${path}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return parseAttitudeConfig(json);
  } catch (e) {
    throw new UsageError(`--config ${path}: ${(e as Error).message}`);
  }
}

/** NRLMSISE-00 with the data directory's coefficients when fetched, otherwise the embedded table. */
function atmosphereFor(cfg: AttitudeConfig, dataDir: string | undefined): { model: AtmosphereModel | null; name: string } {
  if (!cfg.hasSurfaces) return { model: null, name: 'none (no surface model)' };
  const atmosphere = loadAtmosphere(resolveDataDir({ dataDir }));
  return { model: atmosphere.model, name: atmosphere.name };
}

const common = (c: Command) =>
  c.requiredOption('--config <file>', 'station attitude config (JSON): inertia_kg_m2 + orbit_rate_rad_s|altitude_km [+ bias_torque_n_m], or "station": "iss-2022"')
    .option('--start <iso>', 'epoch of the start (Sun and air density), default 2022-07-15T00:00:00Z')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', DATA_DIR_HELP);

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}

export function registerAttitude(program: Command, out: (t: string) => void = (t) => process.stdout.write(t), err: (t: string) => void = (t) => process.stderr.write(t)): Command {
  const att = program.command('attitude').description('attitude and CMG momentum: torque-equilibrium attitude, momentum simulation with desaturations, slews');
  common(att.command('tea').description('torque-equilibrium attitude (yaw/pitch/roll from LVLH, 3-2-1) and the CMG momentum left per orbit'))
    .addHelpText('after', '\nExamples:\n  stationkeeper attitude tea --config examples/attitude/iss-2022.json\n  stationkeeper attitude tea --config examples/attitude/wie-space-station.json --json\n')
    .action((o: CommonOpts) => {
      const cfg = loadConfig(o.config);
      const start = epochOption('--start', o.start) ?? Epoch.fromIso('2022-07-15T00:00:00Z');
      const atm = atmosphereFor(cfg, o.dataDir);
      const r = wrap(() => attitudeTeaReport(cfg, start, atm.model));
      if (o.json) return out(JSON.stringify({ ...r, atmosphere: atm.name }, null, 2) + '\n');
      out(`${r.station}, ${r.altitude_km} km, atmosphere ${atm.name}\n`);
      out(`TEA  yaw ${r.yaw_deg.toFixed(2)}°  pitch ${r.pitch_deg.toFixed(2)}°  roll ${r.roll_deg.toFixed(2)}°  (3-2-1 from LVLH)\n`);
      out(`residual torque ${r.residual_torque_n_m} N·m; CMG momentum left per orbit ${r.cmg_secular_momentum_n_m_s_per_orbit} N·m·s\n`);
    });

  common(att.command('simulate').description('closed-loop CMG momentum simulation: attitude and momentum history, desaturations and their propellant, saturation events'))
    .requiredOption('--duration <d>', 'simulated time, e.g. 12h, 3d')
    .option('--controller <name>', 'tea-lqr (momentum management to the TEA) or hold (hold --hold attitude)', 'tea-lqr')
    .option('--hold <attitude>', 'attitude held by the hold controller: xvv, -xvv, yvv, -yvv', 'xvv')
    .option('--no-desaturation', 'no vehicle can desaturate (e.g. the partner that does withdraws)')
    .option('--plot <file.svg>', 'write CMG momentum against time with the saturation line')
    .addHelpText('after', '\nExamples:\n  stationkeeper attitude simulate --config examples/attitude/iss-2022.json --start 2022-07-15T00:00:00Z --duration 3d\n  stationkeeper attitude simulate --config examples/attitude/iss-2022.json --duration 6h --controller hold --no-desaturation --plot momentum.svg\n')
    .action((o: CommonOpts & { duration?: string; controller?: string; hold?: string; desaturation?: boolean; plot?: string }) => {
      const cfg = loadConfig(o.config);
      const start = epochOption('--start', o.start) ?? Epoch.fromIso('2022-07-15T00:00:00Z');
      const durationS = parseDuration('--duration', o.duration);
      if (durationS > 30 * 86400) throw new UsageError(`--duration must be at most 30d, got ${JSON.stringify(o.duration)}`);
      const controller = choiceOption('--controller', o.controller, ['tea-lqr', 'hold'] as const, 'tea-lqr');
      const hold = wrap(() => parseNamedAttitude(o.hold ?? 'xvv', '--hold'));
      if (hold === 'xpop') throw new UsageError('--hold must be an LVLH attitude (xvv, -xvv, yvv, -yvv), got "xpop"');
      const atm = atmosphereFor(cfg, o.dataDir);
      const r = wrap(() => attitudeSimulateReport(cfg, start, atm.model, { durationS, controller, hold, desaturation: o.desaturation !== false }));
      if (o.plot) {
        writeFileSync(o.plot, attitudeMomentumChartSvg(r, cfg.station.cmg.desatThresholdFraction));
        err(`wrote ${o.plot}\n`);
      }
      if (o.json) return out(JSON.stringify({ ...r, atmosphere: atm.name }, null, 2) + '\n');
      out(`${cfg.station.name}: ${controller} from ${r.start_utc} for ${(durationS / 3600).toFixed(1)} h, atmosphere ${atm.name}\n`);
      out(`CMG capacity ${r.capacity_n_m_s} N·m·s; peak ${(100 * r.peak_momentum_fraction).toFixed(1)} %\n`);
      out(`${r.desaturations.length} desaturations, ${r.total_propellant_kg} kg of propellant\n`);
      if (r.desaturations.length > 0) out(formatTable(['desaturation UTC', 'propellant kg', 'momentum removed N·m·s'], r.desaturations.slice(0, 20).map((d) => [d.epoch_utc, d.propellant_kg.toFixed(2), d.momentum_removed_n_m_s.toFixed(0)])) + (r.desaturations.length > 20 ? `\n… ${r.desaturations.length - 20} more (--json lists all)` : '') + '\n');
      out(`${r.saturation_events.length} saturation events${r.saturation_events[0] ? `, first ${r.saturation_events[0].start_utc}` : ''}; attitude ${r.attitude_lost_utc ? `cannot be held from ${r.attitude_lost_utc}` : 'held throughout'}\n`);
    });

  common(att.command('slew').description('attitude manoeuvre between named attitudes: duration, peak CMG momentum, propellant'))
    .requiredOption('--from <attitude>', 'xvv, -xvv, yvv or -yvv')
    .requiredOption('--to <attitude>', 'xvv, -xvv, yvv or -yvv')
    .option('--cmg-only', 'zero-propellant: CMGs only, inside the momentum envelope; when no eigenaxis rate fits, an optimised path between the TEAs is planned (default: thrusters)')
    .option('--search <preset>', 'CMG-only path search: quick (default, under a minute) or thorough (more harmonics and starts, every duration to 12 h; minutes)', 'quick')
    .addHelpText('after', '\nExamples:\n  stationkeeper attitude slew --config examples/attitude/iss-2022.json --from xvv --to -xvv --json\n  stationkeeper attitude slew --config examples/attitude/iss-2022.json --from xvv --to yvv --cmg-only\n')
    .action((o: CommonOpts & { from?: string; to?: string; cmgOnly?: boolean; search?: string }) => {
      const cfg = loadConfig(o.config);
      const start = epochOption('--start', o.start) ?? Epoch.fromIso('2022-07-15T00:00:00Z');
      const from = wrap(() => parseNamedAttitude(o.from ?? '', '--from'));
      const to = wrap(() => parseNamedAttitude(o.to ?? '', '--to'));
      if (from === 'xpop' || to === 'xpop') throw new UsageError('--from/--to: slews are planned between LVLH attitudes (xvv, -xvv, yvv, -yvv)');
      if (o.search !== 'quick' && o.search !== 'thorough') throw new UsageError(`--search: must be quick or thorough, got "${o.search}"`);
      const search = o.search;
      const atm = atmosphereFor(cfg, o.dataDir);
      const r = wrap(() => attitudeSlewReport(cfg, start, atm.model, from, to, o.cmgOnly === true, search));
      if (o.json) return out(JSON.stringify({ ...r, atmosphere: atm.name }, null, 2) + '\n');
      out(`${from} → ${to}: ${r.angle_deg}° ${r.cmg_only ? 'on CMGs only' : 'on thrusters'}, ${r.path_kind === 'eigenaxis' ? 'eigenaxis rotation' : 'optimised non-eigenaxis path'}\n`);
      if (r.path) out(`eigenaxis needs ${(100 * r.path.eigenaxis_peak_momentum_fraction).toFixed(1)} % of capacity: planned a path from the TEA (yaw/pitch/roll ${r.path.from_ypr_deg.join(', ')}°) to the TEA (${r.path.to_ypr_deg.join(', ')}°)\n`);
      out(`duration ${r.duration_h} h (${r.duration_s} s), mean ${r.rate_deg_s}°/s; peak CMG momentum ${(100 * r.peak_momentum_fraction).toFixed(1)} % of capacity; propellant ${r.propellant_kg} kg\n`);
      if (r.path) out(`simulated on the full dynamics: peak ${(100 * r.path.simulated_peak_momentum_fraction).toFixed(1)} %, final attitude error ${r.path.simulated_final_error_deg < 0.001 ? '< 0.001' : r.path.simulated_final_error_deg}°; CMG momentum left ${(100 * r.path.end_momentum_fraction).toFixed(1)} %\n`);
      if (r.path) out(`work bound: a steadily turning path needs ${(100 * r.path.steady_turn_bound_fraction).toFixed(1)} % of capacity (${r.path.search} search)\n`);
      const further = r.path?.search === 'quick' ? '--search thorough looks further, else ' : '';
      if (!r.feasible) out(`no CMG-only ${r.path ? 'path' : 'rate'} kept the momentum inside the envelope: the figures are for the least-bad one; ${further}thrusters are needed\n`);
    });
  return att;
}
