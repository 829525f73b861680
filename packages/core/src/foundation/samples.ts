/**
 * The embedded sample: one ISS (ZARYA, NORAD 25544) element set, so that `npm start`, the CLI and
 * the server answer something on a fresh clone with no data fetched.
 *
 * Source: the 18th Space Defense Squadron general-perturbations element set of epoch
 * 2022-07-15 12:14:42 UTC (day 196.51021208), as published on Space-Track.org and
 * CelesTrak. It is old by design: commands that use it say so, and compute at its epoch by
 * default. `stationkeeper data fetch --only tle` gets current elements.
 */
export const ISS_SAMPLE_TLE = [
  'ISS (ZARYA)',
  '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
  '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577',
].join('\n');

export const ISS_NORAD_ID = 25544;
