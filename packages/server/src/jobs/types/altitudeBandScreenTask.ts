/**
 * Worker side of `altitude-band-screen`: SGP4 for every object over a time grid (Sgp4Batch, in
 * chunks so progress is reported and memory stays bounded), and which objects enter an
 * altitude band.
 *
 * Altitude above the WGS-84 ellipsoid is taken from the TEME position directly: the ellipsoid is
 * symmetric about the pole, so the Earth's rotation does not change the height; TEME's pole and
 * the ITRF pole differ only by polar motion (< 0.5″, < 20 m at the surface, a few cm in height).
 */
import { Epoch, itrfToGeodetic, Sgp4Batch, WGS84, type Geodetic } from '@stationkeeper/core';
import { fromWire, type WireElements } from '../wireElements.js';

export interface ScreenInput {
  elements: WireElements[];
  startTai: { taiMjdDay: number; taiSecondsOfDay: number };
  steps: number;
  stepS: number;
  minAltKm: number;
  maxAltKm: number;
  maxListed: number;
}

export interface InBand {
  norad: number;
  name: string;
  first_in_band_utc: string;
  fraction_in_band: number;
  min_alt_km: number;
}

export interface ScreenResult {
  objects_screened: number;
  samples: number;
  propagation_errors: number;
  objects_with_errors: number;
  start_utc: string;
  end_utc: string;
  in_band_count: number;
  in_band: InBand[];
  in_band_truncated: boolean;
}

const CHUNK = 256;

export function screenAltitudeBand(input: ScreenInput, report: (fraction: number, message?: string) => void): ScreenResult {
  const start = Epoch.fromTai(input.startTai.taiMjdDay, input.startTai.taiSecondsOfDay);
  const epochs: Epoch[] = [];
  for (let j = 0; j < input.steps; j++) epochs.push(start.plusSeconds(j * input.stepS));
  const n = input.elements.length;
  const minM = input.minAltKm * 1e3;
  const maxM = input.maxAltKm * 1e3;
  const r = new Float64Array(3);
  let geo: Geodetic | undefined;
  let errors = 0;
  let objectsWithErrors = 0;
  const found: InBand[] = [];
  for (let from = 0; from < n; from += CHUNK) {
    const chunk = input.elements.slice(from, from + CHUNK).map(fromWire);
    const result = Sgp4Batch.fromSources(chunk).propagate({ kind: 'epochs', epochs });
    for (let s = 0; s < chunk.length; s++) {
      let inside = 0;
      let firstIn = -1;
      let minAlt = Infinity;
      let bad = 0;
      for (let j = 0; j < input.steps; j++) {
        const k = s * input.steps + j;
        if (result.errors[k] !== 0) {
          bad++;
          continue;
        }
        r[0] = result.positionKm[3 * k] * 1e3;
        r[1] = result.positionKm[3 * k + 1] * 1e3;
        r[2] = result.positionKm[3 * k + 2] * 1e3;
        geo = itrfToGeodetic(r, WGS84, geo);
        if (geo.altM < minAlt) minAlt = geo.altM;
        if (geo.altM >= minM && geo.altM <= maxM) {
          inside++;
          if (firstIn < 0) firstIn = j;
        }
      }
      errors += bad;
      if (bad > 0) objectsWithErrors++;
      if (inside > 0) {
        found.push({
          norad: chunk[s].noradId,
          name: chunk[s].objectName,
          first_in_band_utc: epochs[firstIn].toIsoUtc(0),
          fraction_in_band: Math.round((inside / input.steps) * 1e4) / 1e4,
          min_alt_km: Math.round(minAlt) / 1e3,
        });
      }
    }
    const done = Math.min(n, from + CHUNK);
    report(done / n, `${done} of ${n} objects`);
  }
  found.sort((a, b) => b.fraction_in_band - a.fraction_in_band || a.norad - b.norad);
  return {
    objects_screened: n,
    samples: n * input.steps,
    propagation_errors: errors,
    objects_with_errors: objectsWithErrors,
    start_utc: start.toIsoUtc(0),
    end_utc: epochs[epochs.length - 1].toIsoUtc(0),
    in_band_count: found.length,
    in_band: found.slice(0, input.maxListed),
    in_band_truncated: found.length > input.maxListed,
  };
}
