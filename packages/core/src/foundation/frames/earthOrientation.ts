/**
 * Earth orientation at one instant: everything the TEME/PEF/ITRF/FK5 rotations need, computed
 * once per epoch so that many states at the same epoch (catalog screening, passes) reuse it.
 */
import { EARTH_ROTATION_RATE_IAU82_RAD_PER_S } from '../bodies/earth.js';
import type { Epoch } from '../time/epoch.js';
import { SECONDS_PER_DAY, utcDayLengthS } from '../time/epoch.js';
import { eopOrDefault, zeroEopValues, type EopSource, type EopValues } from '../time/eop.js';

const ARCSEC_TO_RAD = Math.PI / (180 * 3600);
const TWO_PI = 2 * Math.PI;

export interface EarthOrientation {
  /** Continuous UTC MJD of the instant. */
  utcMjd: number;
  /** TT Julian centuries since J2000.0 (argument of precession/nutation). */
  ttCenturies: number;
  /** UT1 − UTC used, s. */
  ut1MinusUtcS: number;
  /** Greenwich mean sidereal time (IAU-1982), rad in [0, 2π). */
  gmstRad: number;
  /** Earth rotation rate corrected for LOD: ω = 7.292115146706979e-5 (1 − LOD/86400), rad/s. */
  omegaRadPerS: number;
  /** Polar motion x_p, y_p, rad. */
  xpRad: number;
  ypRad: number;
  /** IAU-1980 celestial pole offsets dPsi, dEps, rad. */
  dPsiCorrRad: number;
  dEpsCorrRad: number;
}

export function emptyEarthOrientation(): EarthOrientation {
  return {
    utcMjd: 0,
    ttCenturies: 0,
    ut1MinusUtcS: 0,
    gmstRad: 0,
    omegaRadPerS: EARTH_ROTATION_RATE_IAU82_RAD_PER_S,
    xpRad: 0,
    ypRad: 0,
    dPsiCorrRad: 0,
    dEpsCorrRad: 0,
  };
}

/**
 * IAU-1982 Greenwich mean sidereal time (Aoki et al. 1982, A&A 105, 359; Vallado 4th ed. Eq. 3-45):
 * GMST = 67310.54841 s + (876600 h + 8640184.812866 s) T + 0.093104 s T² − 6.2e-6 s T³,
 * T = UT1 Julian centuries since J2000. The UT1 date comes as day number + seconds of day so the
 * 876600 h T term (whole turns) is reduced exactly: it equals 86400 s × (days since J2000 UT1).
 */
export function gmst82Rad(ut1MjdDay: number, ut1SecondsOfDay: number): number {
  const daysJ2000 = ut1MjdDay - 51544.5 + ut1SecondsOfDay / SECONDS_PER_DAY;
  const t = daysJ2000 / 36525;
  // 86400 × daysJ2000 mod 86400 = (ut1SecondsOfDay − 43200) mod 86400 (ut1MjdDay integer).
  const dayPart = Number.isInteger(ut1MjdDay)
    ? ut1SecondsOfDay - 43200
    : (daysJ2000 - Math.floor(daysJ2000)) * SECONDS_PER_DAY;
  let s = (67310.54841 + dayPart + (8640184.812866 + (0.093104 - 6.2e-6 * t) * t) * t) % SECONDS_PER_DAY;
  if (s < 0) s += SECONDS_PER_DAY;
  return (s / SECONDS_PER_DAY) * TWO_PI;
}

const scratchEop: EopValues = zeroEopValues();

/**
 * Compute the Earth orientation at `epoch` from `eop` (default: no EOP, with a one-time warning).
 * Writes into `out` when given.
 */
export function earthOrientation(epoch: Epoch, eop?: EopSource, out?: EarthOrientation): EarthOrientation {
  const r = out ?? emptyEarthOrientation();
  const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
  const utcMjd = mjdDay + secondsOfDay / utcDayLengthS(mjdDay);
  const source = eopOrDefault(eop);
  const v = hasAtInto(source) ? source.atInto(utcMjd, scratchEop) : source.at(utcMjd);
  r.utcMjd = utcMjd;
  r.ttCenturies = epoch.ttJulianCenturiesJ2000();
  r.ut1MinusUtcS = v.ut1MinusUtcS;
  // Inside a leap second UT1 continues smoothly while UTC repeats 86400: clamp like Epoch.ut1Mjd.
  r.gmstRad = gmst82Rad(mjdDay, secondsOfDay + v.ut1MinusUtcS);
  r.omegaRadPerS = EARTH_ROTATION_RATE_IAU82_RAD_PER_S * (1 - v.lodS / SECONDS_PER_DAY);
  r.xpRad = v.xpArcsec * ARCSEC_TO_RAD;
  r.ypRad = v.ypArcsec * ARCSEC_TO_RAD;
  r.dPsiCorrRad = v.dPsiArcsec * ARCSEC_TO_RAD;
  r.dEpsCorrRad = v.dEpsArcsec * ARCSEC_TO_RAD;
  return r;
}

function hasAtInto(s: EopSource): s is EopSource & { atInto(mjd: number, out: EopValues): EopValues } {
  return typeof (s as { atInto?: unknown }).atInto === 'function';
}
