/**
 * `stationkeeper deorbit [--scenario FILE] [orbit flags] [--json] [--geojson out.geojson]`:
 * controlled de-orbit plan — perigee-lowering burns, the final burn, total Δv, propellant per
 * vehicle option and the debris footprint (GeoJSON) in the South Pacific uninhabited area.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { catalogVehicle, Epoch, parseScenarioText, planDeorbit, type VehicleSpec, RAD_PER_DEG } from '@stationkeeper/core';
import { resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { epochOption, numberOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';

export interface DeorbitCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
}

const defaultIo = (): DeorbitCommandIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
});

interface DeorbitOpts {
  scenario?: string;
  dataDir?: string;
  epoch?: string;
  apogeeKm?: string;
  perigeeKm?: string;
  inclinationDeg?: string;
  raanDeg?: string;
  massKg?: string;
  finalPerigeeKm?: string;
  stepsKm?: string;
  vehicles?: string;
  json?: boolean;
  geojson?: string;
}


export function registerDeorbit(program: Command, ioOverride?: Partial<DeorbitCommandIo>): Command {
  const io: DeorbitCommandIo = { ...defaultIo(), ...ioOverride };
  return program
    .command('deorbit')
    .description('controlled de-orbit plan: perigee-lowering burns, final burn, Δv and propellant per vehicle, debris footprint')
    .option('--scenario <file>', 'take station mass, vehicles and the date (scenario end) from a scenario file')
    .option('--epoch <iso>', 'earliest first burn (default: scenario end, else 2030-12-01)')
    .option('--apogee-km <km>', 'apogee height at the start (default 220)')
    .option('--perigee-km <km>', 'perigee height at the start (default 215)')
    .option('--inclination-deg <deg>', 'inclination (default 51.64)')
    .option('--raan-deg <deg>', 'right ascension of the ascending node at --epoch (default 0)')
    .option('--mass-kg <kg>', 'stack mass (default: scenario station mass, else 473,264 kg)')
    .option('--final-perigee-km <km>', 'perigee after the final burn (default 50)')
    .option('--steps-km <list>', 'perigee heights after each lowering burn, comma-separated (default: 30 km steps down to 160 km)')
    .option('--vehicles <ids>', 'vehicle options to cost, comma-separated (default usdv,progress-ms,dragon-boost-trunk)')
    .option('--json', 'print the plan as JSON')
    .option('--geojson <file>', 'write the footprint, ground track and zone as GeoJSON')
    .option('--data-dir <dir>', `${DATA_DIR_HELP}; its Earth orientation (UT1 − UTC) places the footprint under the rotating Earth`)
    .action((opts: DeorbitOpts) => {
      let massKg = numberOption('--mass-kg', opts.massKg, { min: 1 });
      let epoch = epochOption('--epoch', opts.epoch);
      let catalog: Record<string, VehicleSpec> | undefined;
      if (opts.scenario) {
        let text: string;
        try {
          text = io.readFile(opts.scenario);
        } catch (e) {
          throw new UsageError(`cannot read --scenario ${opts.scenario}: ${(e as Error).message}`);
        }
        const sc = parseScenarioText(text, opts.scenario);
        massKg ??= sc.station.massKg;
        epoch ??= sc.end;
        catalog = sc.vehicles;
      }
      const ids = (opts.vehicles ?? 'usdv,progress-ms,dragon-boost-trunk').split(',').map((s) => s.trim()).filter(Boolean);
      const vehicles = ids.map((id) => {
        const v = catalog?.[id];
        if (v) return v;
        try {
          return catalogVehicle(id);
        } catch (e) {
          throw new UsageError(`--vehicles: ${(e as Error).message}`);
        }
      });
      let steps: number[] | undefined;
      if (opts.stepsKm !== undefined) {
        steps = opts.stepsKm.split(',').map((s, i) => {
          const v = Number(s);
          if (!Number.isFinite(v)) throw new UsageError(`--steps-km: item ${i + 1} is not a number: ${JSON.stringify(s)}`);
          return v * 1000;
        });
      }
      const km = (name: string, t: string | undefined, def: number) => (numberOption(name, t, { min: 0, max: 5000 }) ?? def) * 1000;
      let plan;
      try {
        plan = planDeorbit({
          epoch: epoch ?? Epoch.fromIso('2030-12-01'),
          apogeeAltitudeM: km('--apogee-km', opts.apogeeKm, 220),
          perigeeAltitudeM: km('--perigee-km', opts.perigeeKm, 215),
          inclinationRad: (numberOption('--inclination-deg', opts.inclinationDeg, { min: 0, max: 180 }) ?? 51.64) * RAD_PER_DEG,
          raanRad: (numberOption('--raan-deg', opts.raanDeg, { min: -360, max: 360 }) ?? 0) * RAD_PER_DEG,
          stackMassKg: massKg ?? 473_264,
          finalPerigeeM: opts.finalPerigeeKm !== undefined ? km('--final-perigee-km', opts.finalPerigeeKm, 50) : undefined,
          intermediatePerigeesM: steps,
          vehicles,
          eop: loadEop(resolveDataDir({ dataDir: opts.dataDir })),
        });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      if (opts.geojson) {
        io.writeFile(opts.geojson, JSON.stringify(plan.footprint, null, 2) + '\n');
        io.err(`wrote ${opts.geojson}\n`);
      }
      if (opts.json) {
        io.out(JSON.stringify(plan, null, 2) + '\n');
        return;
      }
      const lines = [
        formatTable(['burn', 'epoch UTC', 'Δv m/s', 'perigee after km', 'apogee km'], plan.burns.map((b) => [b.label, b.epoch_utc, b.delta_v_m_s.toFixed(2), b.perigee_after_km.toFixed(1), b.apogee_after_km.toFixed(1)])),
        `total Δv ${plan.total_delta_v_m_s.toFixed(2)} m/s`,
        '',
        formatTable(['vehicle', 'propellant kg', 'flights', 'burn time s'], plan.vehicle_options.map((v) => [v.name, v.propellant_kg.toFixed(0), v.flights.toFixed(2), v.burn_time_s.toFixed(0)])),
        '',
        `breakup ${plan.breakup.epoch_utc} at ${plan.breakup.lat_deg.toFixed(1)}°, ${plan.breakup.lon_deg.toFixed(1)}° (${plan.breakup.altitude_km} km); footprint ${plan.inside_zone ? 'inside' : 'NOT inside'} the uninhabited area; centre ${plan.target_miss_km.toFixed(0)} km from the target`,
        `model: ${plan.model}`,
      ];
      io.out(lines.join('\n') + '\n');
    });
}
