/**
 * `stationkeeper landing opportunities --tle FILE --from ISO --days D [--vehicle] [--zone] [--daylight] [--json]`:
 * the deorbit-burn times that bring a crew vehicle down in its landing zone. See docs/crew-return.md.
 */
import type { Command } from 'commander';
import { ENTRY_ZONE_IDS, entryZone, findLandingOpportunities } from '@stationkeeper/core';
import { epochOption, numberOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { elementsFor, landingModel, vehicleOption } from './landing.js';
import type { ReentryCommandIo } from './reentry.js';

interface OpportunityOpts {
  tle?: string;
  norad?: string;
  from?: string;
  days?: string;
  vehicle?: string;
  zone?: string;
  daylight?: boolean;
  maxCrossrangeKm?: string;
  json?: boolean;
  dataDir?: string;
}

export function registerOpportunities(landing: Command, io: ReentryCommandIo): Command {
  return landing
    .command('opportunities')
    .description('deorbit-burn times in a date range that bring the crew vehicle down in its landing zone')
    .requiredOption('--from <iso>', 'start of the search, ISO 8601 UTC')
    .option('--days <d>', 'length of the search, days (at most 60)', '7')
    .option('--zone <id>', `landing zone: ${ENTRY_ZONE_IDS.join(' | ')} (default: the vehicle's)`)
    .option('--daylight', 'only landings with the Sun above the horizon')
    .option('--max-crossrange-km <km>', 'skip passes farther than this from the zone (default 250)')
    .addHelpText(
      'after',
      '\nWith the options of `landing`: --tle FILE (required; the latest element set at or before --from\n' +
        'is used), --norad N, --vehicle soyuz-ms|crew-dragon, --json (a JSON array), --data-dir DIR.\n' +
        '\nExamples:\n' +
        '  stationkeeper landing opportunities --tle iss.tle --from 2022-03-28T00:00:00Z --days 7\n' +
        '  stationkeeper landing opportunities --tle iss.tle --from 2022-03-28T00:00:00Z --days 30 --daylight --json\n' +
        '\nElements age: far opportunities inherit the elements\' growing along-track error (and no\n' +
        'reboost after them is known): refresh the elements before relying on one.',
    )
    .action((_o: OpportunityOpts, cmd: Command) => {
      const opts = cmd.optsWithGlobals<OpportunityOpts>();
      if (opts.tle === undefined) throw new UsageError('--tle is required (the station element sets)');
      const from = epochOption('--from', opts.from)!;
      const days = numberOption('--days', opts.days, { min: 0.01, max: 60 }) ?? 7;
      const vehicle = vehicleOption(opts.vehicle, 'soyuz-ms');
      if (opts.zone !== undefined && !ENTRY_ZONE_IDS.includes(opts.zone)) throw new UsageError(`--zone: unknown landing zone ${JSON.stringify(opts.zone)} (known: ${ENTRY_ZONE_IDS.join(', ')})`);
      const maxCrossrangeKm = numberOption('--max-crossrange-km', opts.maxCrossrangeKm, { min: 0, max: 2000 });
      const model = landingModel(io, opts);
      const elements = elementsFor(model.history, from);
      let found;
      try {
        found = findLandingOpportunities({ elements, from, days, vehicle, zone: opts.zone, daylight: opts.daylight, maxCrossrangeKm, atmosphere: model.atmosphere, spaceWeather: model.spaceWeather, eop: model.eop, maxElementsAgeDays: days + 7 });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(e.message);
        throw e;
      }
      const rows = found.map((o) => ({
        burn_utc: o.burnEpoch.toIsoUtc(0),
        landing_utc: o.prediction.landing.epoch.toIsoUtc(0),
        landing_lat_deg: Number(o.prediction.landing.latDeg.toFixed(4)),
        landing_lon_deg: Number(o.prediction.landing.lonDeg.toFixed(4)),
        crossrange_km: Number(o.crossrangeKm.toFixed(1)),
        sunlit_at_landing: o.sunlitAtLanding,
      }));
      if (opts.json) {
        io.out(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const zone = entryZone(opts.zone ?? vehicle.zone.id);
      io.out(
        `${rows.length} landing opportunit${rows.length === 1 ? 'y' : 'ies'} for ${vehicle.name} in ${zone.name}, ${from.toIsoUtc(0)} + ${days} days${opts.daylight ? ' (daylight only)' : ''}:\n` +
          formatTable(['burn UTC', 'landing UTC', 'lat °', 'lon °', 'crossrange km', 'sunlit'], rows.map((r) => [r.burn_utc, r.landing_utc, r.landing_lat_deg.toFixed(3), r.landing_lon_deg.toFixed(3), r.crossrange_km.toFixed(1), r.sunlit_at_landing ? 'yes' : 'no'])) +
          '\n',
      );
    });
}
