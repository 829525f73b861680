/** Benchmark inputs: near-Earth TLEs from the shared catalogue, or synthetic ones without it. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isSgp4DeepSpace, sgp4ElementsFromTle, tleLinePairs, type Sgp4TleLines } from '@stationkeeper/core';

export const CATALOG_PATH = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'catalog', 'spacetrack_3le_2022-07-15.txt');

export interface BenchCatalog {
  readonly tles: Sgp4TleLines[];
  readonly origin: string;
}

/** Which objects of the catalogue file to take. */
export type CatalogueSelection = 'near-earth' | 'deep-space' | 'all';

/** The first `count` objects of the catalogue file of the selected kind (period < or ≥ 225 min, or any), in file order; null without the file. */
export function catalogueTles(selection: CatalogueSelection, count = Infinity): BenchCatalog | null {
  if (!existsSync(CATALOG_PATH)) return null;
  const tles: Sgp4TleLines[] = [];
  for (const tle of tleLinePairs(readFileSync(CATALOG_PATH, 'utf8'))) {
    if (tles.length >= count) break;
    try {
      const deep = isSgp4DeepSpace(sgp4ElementsFromTle(tle.line1, tle.line2));
      if (selection === 'all' || deep === (selection === 'deep-space')) tles.push(tle);
    } catch {
      // unreadable entry: skip, as a catalogue consumer would
    }
  }
  const what = selection === 'all' ? 'objects' : `${selection} objects`;
  return { tles, origin: count === Infinity ? `all ${tles.length} ${what} of ${CATALOG_PATH}` : `first ${tles.length} ${what} of ${CATALOG_PATH}` };
}

/** The first `count` near-Earth (period < 225 min) objects of the catalogue file, in file order. */
export function nearEarthTles(count: number): BenchCatalog {
  return catalogueTles('near-earth', count) ?? { tles: syntheticTles(count), origin: `${count} synthetic LEO TLEs (catalogue file not found)` };
}

/** Deterministic LEO TLEs spread in altitude, inclination, node and anomaly (checksums omitted). */
export function syntheticTles(count: number): Sgp4TleLines[] {
  const out: Sgp4TleLines[] = [];
  for (let k = 0; k < count; k++) {
    const id = String(90000 + (k % 9999)).padStart(5, '0');
    const incl = (20 + ((k * 37) % 80)).toFixed(4).padStart(8);
    const raan = ((k * 137.5) % 360).toFixed(4).padStart(8);
    const ecc = String(1000 + ((k * 7919) % 20000)).padStart(7, '0');
    const argp = ((k * 97.3) % 360).toFixed(4).padStart(8);
    const ma = ((k * 211.1) % 360).toFixed(4).padStart(8);
    const n = (14 + ((k * 0.013) % 1.6)).toFixed(8).padStart(11);
    out.push({
      line1: `1 ${id}U 22001A   22196.50000000  .00001000  00000-0  10000-3 0  9990`,
      line2: `2 ${id} ${incl} ${raan} ${ecc} ${argp} ${ma} ${n}    10`,
    });
  }
  return out;
}
