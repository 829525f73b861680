/** Shared inputs of the Soyuz landing tests: NRLMSISE-00, space weather and the ISS elements of MS-17 and MS-19 (read from ../shared/data). */
import { readFileSync } from 'node:fs';
import { readShared, sharedPath } from '../../../../test/sharedData.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../src/models/atmosphere/nrlmsise00/index.js';
import { parseElements } from '../../src/foundation/formats/index.js';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { parseCelestrakSpaceWeatherCsv, TabulatedSpaceWeather } from '../../src/foundation/spaceWeather/index.js';
import type { Epoch } from '../../src/foundation/time/epoch.js';

/** Call inside a describe that is skipped without the shared data. */
export function soyuzFixtures() {
  const msis = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  const sw = new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv')));
  const history = parseElements(readShared('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt')).records;
  const latestBefore = (at: Epoch): MeanElements => history.filter((r) => r.epoch.isBefore(at)).pop()!;
  const ms19Elements = parseElements(readShared('tle_iss', 'iss_25544_2022-03-27.tle')).records[0];
  return { msis, sw, latestBefore, ms19Elements };
}
