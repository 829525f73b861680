/**
 * A generated mixed catalogue for the SGP4 benchmark: 80 % near-Earth, 20 % deep space (a real
 * catalogue is ~17 % deep space: GEO, GNSS, Molniya, GTO). Templates: the ISS and the healthy
 * cases of Vallado's verification set (those that propagate without an SGP4 error over the
 * benchmark window), each copy with its node and mean anomaly moved along a low-discrepancy
 * sequence and its epoch set to one common instant so that absolute times suit every object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Sgp4Batch, Sgp4SatelliteModel, tleLinePairs, type Sgp4TleLines } from '@stationkeeper/core';

export const VERIFICATION_TLE_PATH = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sgp4', 'SGP4-VER.TLE');

/** ISS (ZARYA) of the 2022-07-15 Space-Track catalogue. */
const ISS: Sgp4TleLines = {
  line1: '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
  line2: '2 25544  51.6431 204.8524 0004888  20.0962 109.2092 15.50080774349702',
};

export interface MixedCatalog {
  readonly tles: Sgp4TleLines[];
  readonly nearEarth: number;
  readonly deepSpace: number;
  readonly origin: string;
}

/** TLE mod-10 checksum of the first 68 columns (digits count their value, '-' counts 1). */
function checksum(line: string): number {
  let sum = 0;
  for (const ch of line.slice(0, 68)) {
    if (ch >= '0' && ch <= '9') sum += Number(ch);
    else if (ch === '-') sum += 1;
  }
  return sum % 10;
}

function withChecksum(line: string): string {
  const body = line.slice(0, 68).padEnd(68);
  return body + String(checksum(body));
}

/** A copy of `t` with epoch `epochField` (cols 19–32), node and mean anomaly (degrees) replaced. */
function perturbed(t: Sgp4TleLines, epochField: string, raanDeg: number, meanAnomalyDeg: number): Sgp4TleLines {
  const l1 = t.line1.slice(0, 18) + epochField + t.line1.slice(32);
  const l2 = t.line2.slice(0, 17) + raanDeg.toFixed(4).padStart(8) + t.line2.slice(25, 43) + meanAnomalyDeg.toFixed(4).padStart(8) + t.line2.slice(51);
  return { line1: withChecksum(l1), line2: withChecksum(l2.slice(0, 69)) };
}

function verificationTemplates(): Sgp4TleLines[] {
  if (!existsSync(VERIFICATION_TLE_PATH)) return [];
  // The verification file carries start/stop/step columns after each line 2.
  return tleLinePairs(readFileSync(VERIFICATION_TLE_PATH, 'utf8')).map((t) => ({ line1: t.line1.slice(0, 69), line2: t.line2.slice(0, 69) }));
}

/** Templates split by model, keeping those that propagate without error at `minutes` after the common epoch. */
function healthyTemplates(epochField: string, minutes: Float64Array): { near: Sgp4TleLines[]; deep: Sgp4TleLines[] } {
  const candidates = [ISS, ...verificationTemplates()].map((t) => perturbed(t, epochField, Number(t.line2.slice(17, 25)), Number(t.line2.slice(43, 51))));
  const batch = Sgp4Batch.fromSources(candidates);
  const res = batch.propagate({ kind: 'minutesSinceEpoch', minutes });
  const near: Sgp4TleLines[] = [];
  const deep: Sgp4TleLines[] = [];
  candidates.forEach((t, s) => {
    const row = res.errors.subarray(s * minutes.length, (s + 1) * minutes.length);
    if (row.some((e) => e !== 0)) return;
    if (batch.models[s] === Sgp4SatelliteModel.NearEarth) near.push(t);
    else if (batch.models[s] === Sgp4SatelliteModel.DeepSpace) deep.push(t);
  });
  return { near, deep };
}

/**
 * `count` objects, every fifth one deep space, all with epoch `epochField` (TLE columns 19–32,
 * e.g. '22196.00000000'); healthy over `windowMin` minutes after it.
 */
export function mixedCatalog(count: number, epochField = '22196.00000000', windowMin = 1440): MixedCatalog {
  const probe = Float64Array.from({ length: 25 }, (_, k) => (k * windowMin) / 24);
  const { near, deep } = healthyTemplates(epochField, probe);
  const tles: Sgp4TleLines[] = [];
  let nNear = 0;
  let nDeep = 0;
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < count; k++) {
    const isDeep = k % 5 === 4 && deep.length > 0;
    const pool = isDeep ? deep : near;
    const index = isDeep ? nDeep++ : nNear++;
    const t = pool[index % pool.length];
    // Node and anomaly spread over the circle (golden-ratio and √2 sequences: no two copies alike).
    const raan = (Number(t.line2.slice(17, 25)) + 360 * ((k * golden) % 1)) % 360;
    const anomaly = (Number(t.line2.slice(43, 51)) + 360 * ((k * Math.SQRT2) % 1)) % 360;
    tles.push(perturbed(t, epochField, raan, anomaly));
  }
  const origin = `${count} generated objects (${nNear} near-Earth from ${near.length} templates: ISS and healthy verification cases; ${nDeep} deep space from ${deep.length} healthy verification cases), node and mean anomaly perturbed, epoch ${epochField}`;
  return { tles, nearEarth: nNear, deepSpace: nDeep, origin };
}
