/**
 * `stationkeeper lambert --from earth --to mars --depart ISO --arrive ISO [--json]`: the direct
 * (zero-revolution) transfer between two planets on two dates — C3 and the asymptote's
 * declination at departure, v∞ at arrival, the burn from a circular parking orbit.
 */
import { Command } from 'commander';
import { lambertReport } from '@stationkeeper/core';
import { integerOption, numberOption } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { altitudeOptionM, asUsage, requiredBody, requiredEpoch, transferIo, type TransferIo } from './transferOptions.js';

interface LambertOpts {
  from?: string;
  to?: string;
  depart?: string;
  arrive?: string;
  parkingAltitudeKm?: string;
  captureAltitudeKm?: string;
  launchLatDeg?: string;
  maxRevolutions?: string;
  json?: boolean;
}

export function registerLambert(program: Command, ioOverride?: Partial<TransferIo>): Command {
  const io = transferIo(ioOverride);
  return program
    .command('lambert')
    .description('direct transfer between two planets on two dates: C3, DLA, arrival v∞, parking-orbit Δv')
    .option('--from <body>', 'departure body: earth or mars')
    .option('--to <body>', 'arrival body: earth or mars')
    .option('--depart <iso>', 'departure time, ISO 8601 UTC')
    .option('--arrive <iso>', 'arrival time, ISO 8601 UTC')
    .option('--parking-altitude-km <km>', 'circular parking orbit at departure (default 185)')
    .option('--capture-altitude-km <km>', 'circular capture orbit at arrival (default 400)')
    .option('--launch-lat-deg <deg>', 'launch-site latitude: report the smallest parking-orbit inclination and azimuth')
    .option('--max-revolutions <n>', 'also list the multi-revolution solutions up to n complete revolutions (0–5)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper lambert --from earth --to mars --depart 2020-07-30T11:50:01Z --arrive 2021-02-18T20:55:00Z\n' +
        '  stationkeeper lambert --from earth --to mars --depart 2022-09-20 --arrive 2023-06-10 --launch-lat-deg 45.9 --json\n' +
        '\nPatched conics: the heliocentric leg is Lambert\'s problem (Izzo\'s method) between the planets\' centres\n' +
        '(astronomy-engine, ±1′); C3 = v∞² at departure. DLA is on the Earth\'s mean equator of J2000.',
    )
    .action((opts: LambertOpts) => {
      const from = requiredBody('--from', opts.from);
      const to = requiredBody('--to', opts.to);
      const depart = requiredEpoch('--depart', opts.depart);
      const arrive = requiredEpoch('--arrive', opts.arrive);
      const lat = numberOption('--launch-lat-deg', opts.launchLatDeg, { min: -90, max: 90 });
      const maxRevolutions = integerOption('--max-revolutions', opts.maxRevolutions, { min: 0, max: 5 });
      const r = asUsage(() =>
        lambertReport({
          from, to, depart, arrive,
          parkingAltitudeM: altitudeOptionM('--parking-altitude-km', opts.parkingAltitudeKm),
          captureAltitudeM: altitudeOptionM('--capture-altitude-km', opts.captureAltitudeKm),
          launchLatitudeRad: lat === undefined ? undefined : (lat * Math.PI) / 180,
          maxRevolutions,
        }),
      );
      if (opts.json) {
        io.out(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      const rows: string[][] = [
        ['time of flight', `${r.tof_days} days (Type ${r.type}, transfer angle ${r.transfer_angle_deg}°)`],
        ['C3 at departure', `${r.c3_km2_s2} km²/s² (v∞ ${r.vinf_departure_km_s} km/s)`],
        ['departure asymptote', `DLA ${r.dla_deg}°, RLA ${r.rla_deg}°`],
        ['v∞ at arrival', `${r.vinf_arrival_km_s} km/s, declination ${r.arrival_declination_deg}° on the equator of ${r.to === 'mars' ? 'Mars' : 'the Earth'}`],
        [`Δv from ${r.parking_altitude_km} km circular`, `${r.departure_delta_v_km_s} km/s`],
        [`Δv into ${r.capture_altitude_km} km circular`, `${r.capture_delta_v_km_s} km/s`],
      ];
      if (r.minimum_parking_inclination_deg !== undefined) {
        rows.push(['parking orbit from the site', `inclination ≥ ${r.minimum_parking_inclination_deg}°, launch azimuth ${r.launch_azimuth_deg}°${r.dla_within_site_latitude ? '' : ' (|DLA| above the site latitude)'}`]);
      }
      let text = `${r.from} ${r.depart_utc} → ${r.to} ${r.arrive_utc}\n` + formatTable(['quantity', 'value'], rows) + '\n';
      if (r.solutions) {
        text += '\nall solutions (revolutions about the Sun)\n' + formatTable(['revolutions', 'branch', 'C3 km²/s²', 'DLA °', 'v∞ arr km/s'], r.solutions.map((x) => [String(x.revolutions), x.branch, String(x.c3_km2_s2), String(x.dla_deg), String(x.vinf_arrival_km_s)])) + '\n';
      }
      io.out(text);
    });
}
