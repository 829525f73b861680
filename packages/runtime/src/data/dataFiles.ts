/**
 * Every file the applications read from the data directory, declared once: '/'-separated paths
 * relative to it, in the layout of ../shared/data (docs/data.md). The dataset catalogue
 * (datasets.ts), the loaders (loaders.ts, dataDirEop.ts) and the CLI and server name the files
 * through these constants only.
 */

/** NRLMSISE-00 coefficients as JSON (`stationkeeper data fetch --only msis`; else the embedded table). */
export const MSIS_COEFFICIENTS_PATH = 'nrlmsise/nrlmsise00-coefficients.json';
/** CelesTrak SW-All.csv: observed and forecast space weather (`--only spaceweather`). */
export const SPACE_WEATHER_PATH = 'spaceweather/SW-All.csv';
/** CelesTrak EOP-All.txt: Earth orientation (`--only eop`), preferred over finals2000A.all. */
export const EOP_CELESTRAK_PATH = 'eop/EOP-All.txt';
/** IERS finals2000A.all: Earth orientation when EOP-All.txt is absent. */
export const EOP_FINALS_PATH = 'eop/finals2000A.all';
/** USNO tai-utc.dat: a newer leap-second table than the embedded one. */
export const LEAP_SECONDS_PATH = 'eop/tai-utc.dat';
/** CelesTrak stations group as TLE text (`--only tle`). */
export const STATIONS_TLE_PATH = 'tle/stations.txt';
/** CelesTrak stations group as OMM JSON. */
export const STATIONS_OMM_PATH = 'tle/stations.json';
/** CelesTrak active-satellite catalogue as TLE text (`--only tle`). */
export const ACTIVE_CATALOG_PATH = 'catalog/active.txt';
/** CelesTrak SATCAT. */
export const SATCAT_PATH = 'catalog/satcat.csv';
/** Folder of ICGEM .gfc gravity fields; a field named `EGM96.gfc` lies at `gravity/EGM96.gfc`. */
export const GRAVITY_DIR = 'gravity';

/** Path of a gravity field file inside the data directory. */
export function gravityFilePath(fileName: string): string {
  return `${GRAVITY_DIR}/${fileName}`;
}
