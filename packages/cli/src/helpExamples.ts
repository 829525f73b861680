/**
 * One or two examples for each command's --help, by command path ("scenario run"). main.ts adds
 * them after the commands are registered; a command may carry its own instead (addHelpText), and
 * test/help.test.ts checks that every command's help shows at least one.
 */
import type { Command } from 'commander';

export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  where: ['stationkeeper where --at 2022-07-15T13:00:00Z', 'stationkeeper where --lat 48.8566 --lon 2.3522 --json'],
  ephem: ['stationkeeper ephem --from-min 0 --to-min 90 --step-s 60 --frame geodetic', 'stationkeeper ephem --tle iss.tle --start 2022-07-15T12:00:00Z --stop 2022-07-15T14:00:00Z --step-s 30 --frame gcrf --format json'],
  passes: ['stationkeeper passes --lat 48.8566 --lon 2.3522 --start 2022-07-15T12:00:00Z --days 2 --visible-only --tz Europe/Paris'],
  history: ['stationkeeper history --plot iss-history.svg          # the embedded ISS history 2021-01 … 2022-03', 'stationkeeper history --tle iss-2024.tle --summary month --json'],
  propagate: ['stationkeeper propagate --config examples/forces/j2.json --duration 1d --step-s 60', 'stationkeeper propagate --tle iss.tle --config examples/forces/iss-full.json --duration 7d --format oem --out iss.oem'],
  atmosphere: ['stationkeeper atmosphere --at 2022-03-01T00:00:00Z --lat 0 --lon 0 --alt-km 420', 'stationkeeper atmosphere --model harris-priester --at now --lat 51.6 --lon 0 --alt-km 400 --json'],
  reentry: ['stationkeeper reentry --tle object.tle --as-of 2009-04-10 --mc 200 --plot cdf.svg', 'stationkeeper reentry --as-of 2022-02-20 --mc 100 --json      # the embedded ISS history'],
  lifetime: ['stationkeeper lifetime --from 2022-03-01 --mc 50 --seed 1', 'stationkeeper lifetime --tle iss.tle --from 2024-01-01 --mc 200 --plot lifetime.svg'],
  scenario: ['stationkeeper scenario run examples/scenarios/iss-no-russian-reboost-2022.yaml --report no-russia.html'],
  deorbit: ['stationkeeper deorbit', 'stationkeeper deorbit --vehicles usdv --geojson footprint.geojson --json'],
  screen: ['stationkeeper screen --primary 25544 --catalog active.txt --days 7 --threshold-km 5', 'stationkeeper screen --catalog active.txt --all-vs-all --days 1 --threshold-km 2 --json'],
  pc: ['stationkeeper pc --cdm conjunction.cdm', 'stationkeeper pc --cdm conjunction.cdm --method alfano --json'],
  avoid: ['stationkeeper avoid --cdm conjunction.cdm', 'stationkeeper avoid --primary-tle iss.tle --secondary-tle debris.tle --tca 2022-07-16T03:12:00Z --json'],
  attitude: ['stationkeeper attitude tea --config examples/attitude/iss-2022.json', 'stationkeeper attitude simulate --config examples/attitude/iss-2022.json --duration 6h --plot momentum.svg'],
  worker: ['stationkeeper worker --queue redis://127.0.0.1:6379'],
  data: ['stationkeeper data fetch', 'stationkeeper data status'],
  'data fetch': ['stationkeeper data fetch', 'stationkeeper data fetch --only tle,spaceweather --data-dir ./data'],
  'data status': ['stationkeeper data status', 'stationkeeper data status --json'],
  'bench-sgp4': ['stationkeeper bench-sgp4 catalog/active.txt 1440 1 --kernel wasm-simd', 'stationkeeper bench-sgp4 catalog/geo.txt 1440 1 --workers 1 --compare'],
};

/** Add the examples above to every command of `program` (nested ones included) that has some. */
export function addHelpExamples(program: Command, path: string[] = []): void {
  for (const cmd of program.commands) {
    const key = [...path, cmd.name()].join(' ');
    const lines = HELP_EXAMPLES[key];
    if (lines) cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`);
    addHelpExamples(cmd, [...path, cmd.name()]);
  }
}
