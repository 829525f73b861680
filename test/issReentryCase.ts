import { readFileSync } from 'node:fs';
import {
  meanStateFromElements,
  observedSnapshot,
  parseCelestrakSpaceWeatherCsv,
  parseTle,
  toWireEpoch,
  toWireState,
  type MeanElements,
  type ReentryEnsembleInput,
} from '@stationkeeper/core';
import { readShared, sharedPath } from './sharedData.js';

/**
 * The ISS no-reboost ensemble of bench/reentry.bench.ts and core's ensembleSpeed test: from the
 * last TLE of the shared 2021–22 history (~418 km), B = 117 ± 14 kg/m², density σ 0.15, space
 * weather as of an hour after that TLE (observed to the day before, forecast after), seed 20240601.
 */
export function issReentryCase(members: number): { input: ReentryEnsembleInput; last: MeanElements } {
  const records = parseTle(readShared('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt')).records;
  const last = records[records.length - 1];
  const asOf = last.epoch.plusSeconds(3600);
  const table = parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv'));
  const input: ReentryEnsembleInput = {
    noradId: 25544,
    initial: toWireState(meanStateFromElements(last)),
    asOf: toWireEpoch(asOf),
    ballisticCoefficientKgPerM2: 117,
    ballisticSigmaKgPerM2: 14,
    densitySigma: 0.15,
    spaceWeather: { mode: 'forecast', snapshot: observedSnapshot(table, asOf, asOf.utcDaySeconds().mjdDay - 200) },
    msisCoefficients: JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8')),
    members,
    seed: 20240601,
  };
  return { input, last };
}
