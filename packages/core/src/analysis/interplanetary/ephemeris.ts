/**
 * Heliocentric planet states for transfer design, from astronomy-engine (Don Cross, MIT licence):
 * its HelioState evaluates truncated VSOP87 series for the planets and returns the body's centre
 * (not the Earth–Moon barycentre) relative to the Sun's centre, in EQJ (mean equator and equinox of
 * J2000, ≈ GCRF/EME2000 to 23 mas), AU and AU/day. The library states ±1 arcminute for its
 * positions; at Mars (1.5 AU) that is ≤ 65,000 km. docs/interplanetary.md measures what that does
 * to a porkchop (a 1′ shift of Mars moves C3 by a few hundredths of km²/s²).
 *
 * The accepted span, 1900–2200, is a product choice well inside where VSOP87 holds its accuracy
 * for the Earth and Mars (< 1″ for ±4000 years about J2000, Bretagnon & Francou 1988) and where
 * the project's UTC (leap seconds) and astronomy-engine's ΔT model are meaningful.
 */
import * as Astronomy from 'astronomy-engine';
import { ASTRONOMICAL_UNIT_M } from '../../foundation/bodies/sun.js';
import { Epoch, SECONDS_PER_DAY } from '../../foundation/time/epoch.js';
import { EARTH_EQUATORIAL_RADIUS_M, GM_EARTH_M3_S2, GM_MARS_M3_S2, MARS_EQUATORIAL_RADIUS_M } from './constants.js';

export interface PlanetInfo {
  /** Lower-case name users type: `earth`, `mars`. */
  readonly id: string;
  readonly name: string;
  readonly gmM3S2: number;
  readonly equatorialRadiusM: number;
  readonly body: Astronomy.Body;
}

const PLANETS: Readonly<Record<string, PlanetInfo>> = {
  earth: { id: 'earth', name: 'Earth', gmM3S2: GM_EARTH_M3_S2, equatorialRadiusM: EARTH_EQUATORIAL_RADIUS_M, body: Astronomy.Body.Earth },
  mars: { id: 'mars', name: 'Mars', gmM3S2: GM_MARS_M3_S2, equatorialRadiusM: MARS_EQUATORIAL_RADIUS_M, body: Astronomy.Body.Mars },
};

export const TRANSFER_BODIES: readonly string[] = Object.keys(PLANETS);

/** A bad body name, date or range for the transfer tools (one line, names the field). */
export class TransferInputError extends Error {
  override name = 'TransferInputError';
}

/** The planet called `id` (case-insensitive); throws naming the field and the known bodies. */
export function transferBody(id: string, field = 'body'): PlanetInfo {
  const p = PLANETS[id.trim().toLowerCase()];
  if (!p) throw new TransferInputError(`${field}: unknown body ${JSON.stringify(id)}; known bodies are ${TRANSFER_BODIES.join(', ')}`);
  return p;
}

export const EPHEMERIS_START = Epoch.fromUtc(1900, 1, 1);
export const EPHEMERIS_END = Epoch.fromUtc(2200, 1, 1);

/** Throws naming the field when `epoch` is outside the ephemeris span. */
export function checkEphemerisRange(epoch: Epoch, field: string): void {
  if (epoch.isBefore(EPHEMERIS_START) || epoch.isAfter(EPHEMERIS_END)) {
    throw new TransferInputError(`${field}: ${epoch.toIsoUtc(0)} is outside the planetary ephemeris span (${EPHEMERIS_START.toIsoUtc(0).slice(0, 10)} to ${EPHEMERIS_END.toIsoUtc(0).slice(0, 10)})`);
  }
}

const AU_PER_DAY_TO_M_PER_S = ASTRONOMICAL_UNIT_M / SECONDS_PER_DAY;

/** TT days since J2000.0, astronomy-engine's time argument. */
export function ttDaysJ2000(epoch: Epoch): number {
  return epoch.ttSecondsJ2000() / SECONDS_PER_DAY;
}

/**
 * Heliocentric position (m) and velocity (m/s) of the planet, EQJ, at TT days since J2000.
 * Writes r into out[0..2] and v into out[3..5].
 */
export function planetStateAtTtDays(planet: PlanetInfo, ttDays: number, out: Float64Array = new Float64Array(6)): Float64Array {
  const s = Astronomy.HelioState(planet.body, Astronomy.AstroTime.FromTerrestrialTime(ttDays));
  out[0] = s.x * ASTRONOMICAL_UNIT_M;
  out[1] = s.y * ASTRONOMICAL_UNIT_M;
  out[2] = s.z * ASTRONOMICAL_UNIT_M;
  out[3] = s.vx * AU_PER_DAY_TO_M_PER_S;
  out[4] = s.vy * AU_PER_DAY_TO_M_PER_S;
  out[5] = s.vz * AU_PER_DAY_TO_M_PER_S;
  return out;
}

export function planetState(planet: PlanetInfo, epoch: Epoch, out?: Float64Array): Float64Array {
  return planetStateAtTtDays(planet, ttDaysJ2000(epoch), out);
}

/** Unit vector of the planet's north pole in EQJ (IAU WGCCRE model, via astronomy-engine). */
export function planetPoleAtTtDays(planet: PlanetInfo, ttDays: number, out: Float64Array = new Float64Array(3)): Float64Array {
  const n = Astronomy.RotationAxis(planet.body, Astronomy.AstroTime.FromTerrestrialTime(ttDays)).north;
  out[0] = n.x;
  out[1] = n.y;
  out[2] = n.z;
  return out;
}
