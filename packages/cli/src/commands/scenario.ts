/**
 * `stationkeeper scenario run FILE [--json] [--plot out.svg] [--report out.html]`: run a what-if
 * scenario (station, vehicles, timeline, altitude policy) and print the burn schedule, propellant
 * ledger and, from the first reboost that no available vehicle can fly, the re-entry. See docs/station-keeping.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parseScenarioText, partnerName, runScenario, SCENARIO_REENTRY_MEMBERS, type ScenarioResult } from '@stationkeeper/core';
import { resolveDataDir, scenarioAltitudeSvg, scenarioDeps, scenarioReportHtml } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { choiceOption, integerOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';


export interface ScenarioCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
}

const defaultIo = (): ScenarioCommandIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
});

interface RunOpts {
  json?: boolean;
  plot?: string;
  report?: string;
  dataDir?: string;
  decay?: string;
  reentryMembers?: string;
}

function summary(r: ScenarioResult): string {
  const lines: string[] = [];
  lines.push(`${r.scenario.name}  (${r.scenario.start_utc.slice(0, 10)} → ${r.scenario.end_utc.slice(0, 10)})`);
  lines.push(`decay: ${r.assumptions.decay_model}; ${r.assumptions.atmosphere}; space weather: ${r.assumptions.space_weather}`);
  lines.push('');
  lines.push(
    formatTable(
      ['year', 'Δv flown m/s', 'Δv needed m/s', 'burned kg', 'mean alt km', 'decay m/day', 'F10.7a'],
      r.years.map((y) => [String(y.year), y.delta_v_m_s.toFixed(2), y.delta_v_needed_m_s.toFixed(2), y.propellant_kg.toFixed(0), y.mean_altitude_km.toFixed(1), y.decay_m_per_day.toFixed(1), y.f107a_mean.toFixed(0)]),
    ),
  );
  lines.push('');
  lines.push(formatTable(['partner', 'year', 'delivered kg', 'burned kg', 'Δv m/s'], r.ledger.by_partner.map((p) => [partnerName(p.partner), String(p.year), p.delivered_kg.toFixed(0), p.burned_kg.toFixed(0), p.delta_v_m_s.toFixed(2)])));
  lines.push('');
  lines.push(`${r.burns.length} burns; first reboost that no available vehicle can fly: ${r.first_unflown_reboost_utc ?? 'none within the run'}`);
  if (r.reentry) {
    const w = r.reentry.window;
    lines.push(`re-entry: ${r.reentry.nominal_utc ?? 'not within the search span'} nominal (${r.reentry.model})`);
    lines.push(w ? `  window ${Math.round(w.confidence * 100)} %: ${w.earliest_utc} … ${w.latest_utc}, median ${w.median_utc} (${w.members} members, seed ${w.seed})` : `  window ${r.reentry.window_status}`);
  }
  for (const n of r.notes.slice(0, 8)) lines.push(`note ${n.epoch_utc.slice(0, 10)}: ${n.text}`);
  if (r.notes.length > 8) lines.push(`… ${r.notes.length - 8} more notes (--json)`);
  return lines.join('\n') + '\n';
}

export function registerScenario(program: Command, ioOverride?: Partial<ScenarioCommandIo>): Command {
  const io: ScenarioCommandIo = { ...defaultIo(), ...ioOverride };
  const cmd = program.command('scenario').description('station-keeping what-if scenarios: reboost schedule, propellant ledger, re-entry');
  cmd
    .command('run')
    .description('run a scenario file (YAML or JSON; schema in docs/station-keeping.md)')
    .argument('<file>', 'scenario file')
    .option('--json', 'print the full result as JSON')
    .option('--plot <file.svg>', 'write the altitude timeline as SVG')
    .option('--report <file.html>', 'write a self-contained HTML report')
    .option('--decay <model>', 'decay model: circular (fast, default) or averaged (decay module, slower)')
    .option('--reentry-members <n>', `re-entry ensemble members for the uncertainty window (default ${SCENARIO_REENTRY_MEMBERS}; 0: nominal date only)`)
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper scenario run examples/scenarios/iss-no-russian-reboost-2022.yaml --report no-russia.html\n' +
        '  stationkeeper scenario run examples/scenarios/iss-us-reboost-only.yaml --json > us-only.json',
    )
    .action((file: string, opts: RunOpts) => {
      const decay = choiceOption('--decay', opts.decay, ['circular', 'averaged'] as const, 'circular');
      const reentryMembers = integerOption('--reentry-members', opts.reentryMembers, { min: 0, max: 100000 });
      let text: string;
      try {
        text = io.readFile(file);
      } catch (e) {
        throw new UsageError(`cannot read scenario ${file}: ${(e as Error).message}`);
      }
      const scenario = parseScenarioText(text, file);
      const deps = scenarioDeps(resolveDataDir({ dataDir: opts.dataDir }), decay, { reentryMembers, relativeNames: true });
      const result = runScenario(scenario, deps);
      if (opts.plot) {
        io.writeFile(opts.plot, scenarioAltitudeSvg(result));
        io.err(`wrote ${opts.plot}\n`);
      }
      if (opts.report) {
        io.writeFile(opts.report, scenarioReportHtml(result));
        io.err(`wrote ${opts.report}\n`);
      }
      io.out(opts.json ? JSON.stringify(result, null, 2) + '\n' : summary(result));
    });
  return cmd;
}
