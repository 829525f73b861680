/**
 * `stationkeeper deploy`: a dispenser releasing a launch group, the group's along-track spread
 * over the following days (SGP4 with drag), and the first conjunction screening against the
 * station and within the group. The configuration is a JSON file; the server runs the same as a
 * job (POST /api/jobs, type constellation-deploy). Method: docs/constellations.md.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { DeploymentConfigError, deploymentJson, parseDeploymentConfig, simulateDeployment } from '@stationkeeper/core';
import { UsageError } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';

interface DeployOpts {
  config?: string;
  json?: boolean;
}

export function registerDeploy(program: Command): void {
  program
    .command('deploy')
    .description('a launch group released by its dispenser: along-track spread under drag and first conjunction screening')
    .option('--config <file.json>', 'deployment configuration: release_utc, altitude_km, inclination_deg, raan_deg, satellites, per_event, event_interval_s, delta_v_step_m_s, bstar, duration_days; optional arg_latitude_deg, spread_delta_v_m_s, threshold_km, sample_step_s, name_prefix, station_tle')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper deploy --config examples/constellation/oneweb-14-deploy.json\n' +
        '  stationkeeper deploy --config examples/constellation/oneweb-14-deploy.json --json',
    )
    .action((opts: DeployOpts) => {
      const report = deploy(opts);
      if (opts.json) printJson(report);
      else process.stdout.write(renderDeploy(report) + '\n');
    });
}

function readConfig(path: string | undefined): unknown {
  if (path === undefined) throw new UsageError('--config <file.json> is required');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--config: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config: ${path} is not JSON: ${(e as Error).message}`);
  }
}

export function deploy(opts: DeployOpts): ReturnType<typeof deploymentJson> {
  const json = readConfig(opts.config);
  let config;
  try {
    config = parseDeploymentConfig(json);
  } catch (e) {
    if (e instanceof DeploymentConfigError) throw new UsageError(`${opts.config}: ${e.message}`);
    throw e;
  }
  if (config.station && Math.abs(config.station.epoch.secondsSince(config.releaseEpoch)) > 7 * 86400) {
    process.stderr.write(`warning: the station's element set is ${fixed(Math.abs(config.station.epoch.secondsSince(config.releaseEpoch)) / 86400, 0)} days from the release: its position is uncertain by hundreds of km, the station screening only illustrates\n`);
  }
  return deploymentJson(simulateDeployment(config));
}

export function renderDeploy(r: ReturnType<typeof deploymentJson>): string {
  const out = [`${r.satellites.length} satellites released ${r.first_release_utc} – ${r.last_release_utc}`];
  out.push(formatTable(['day', 'along-track spread km', 'mean altitude km'], r.spread.map((s) => [fixed(s.days ?? NaN, 0), fixed(s.spread_km ?? NaN, 0), fixed(s.mean_altitude_km ?? NaN, 1)])));
  out.push(r.station_conjunctions.length === 0 ? 'station: no approach below the threshold' : `station: ${r.station_conjunctions.length} approach(es), first ${r.station_conjunctions[0].tca_utc} at ${fixed(r.station_conjunctions[0].miss_km ?? NaN, 3)} km (${r.station_conjunctions[0].satellite})`);
  const pairs = r.pair_conjunctions;
  out.push(pairs.length === 0 ? 'group: no pair below the threshold' : `group: ${pairs.length} pair(s) below the threshold; first ${pairs[0].satellite_a} / ${pairs[0].satellite_b} at ${pairs[0].first_tca_utc}, ${fixed(pairs[0].first_miss_km ?? NaN, 3)} km`);
  return out.join('\n');
}
