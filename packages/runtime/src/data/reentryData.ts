/** Data-directory files the re-entry and lifetime predictions read (CLI and server alike). */

/** NRLMSISE-00 coefficients, as written by `stationkeeper data fetch`. */
export const REENTRY_MSIS_COEFFICIENTS_PATH = 'nrlmsise/nrlmsise00-coefficients.json';
/** CelesTrak SW-All.csv: observed space weather up to the as-of day. */
export const REENTRY_SPACE_WEATHER_PATH = 'spaceweather/SW-All.csv';
