/** Element sets shared by the SGP4 batch tests (test helper only). */
import { tleLinePairs, type Sgp4TleLines } from '../../src/propagation/index.js';
import { readShared } from '../../../../test/sharedData.js';

// ISS (ZARYA), 2022-07-15 (Space-Track catalogue of that day), near-Earth.
export const ISS: Sgp4TleLines = {
  line1: '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
  line2: '2 25544  51.6431 204.8524 0004888  20.0962 109.2092 15.50080774349702',
};
// MOLNIYA 2-14 of the verification set: deep space (12 h resonant).
export const MOLNIYA: Sgp4TleLines = {
  line1: '1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813',
  line2: '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656',
};

/** Every TLE line pair of the 2022-07-15 Space-Track catalogue (../shared/data), in file order. */
export function catalogueTles(): Sgp4TleLines[] {
  return tleLinePairs(readShared('catalog', 'spacetrack_3le_2022-07-15.txt'));
}
