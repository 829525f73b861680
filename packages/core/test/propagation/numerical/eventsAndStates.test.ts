import { describe, expect, it } from 'vitest';
import { shadowAngles } from '../../../src/foundation/bodies/shadow.js';
import { sunPositionJ2000GeometricM } from '../../../src/foundation/bodies/sun.js';
import { altitudeDetector, apsideDetector, eclipseDetector, nodeDetector } from '../../../src/propagation/events/detectors.js';
import { PointMassGravityForce, ZonalGravityForce } from '../../../src/models/forces/gravity.js';
import { earthOrientation } from '../../../src/foundation/frames/earthOrientation.js';
import { fk5Matrices, gcrfToItrf } from '../../../src/foundation/frames/fk5.js';
import { itrfToGeodetic } from '../../../src/foundation/frames/geodetic.js';
import { mulVec } from '../../../src/foundation/frames/mat3.js';
import { parseElements } from '../../../src/foundation/formats/index.js';
import { EGM96_GM_M3_PER_S2, EGM96_J2_MODEL } from '../../../src/models/gravity/zonal.js';
import {
  EventEnvironment,
  NumericalPropagator,
  parseStateFile,
  StateFileError,
  stateFromMeanElements,
  stateToGcrf,
  type OrbitState,
} from '../../../src/propagation/numerical/index.js';
import { Sgp4Propagator } from '../../../src/propagation/sgp4/index.js';
import { ISS_SAMPLE_TLE } from '../../../src/foundation/samples.js';
import { Epoch } from '../../../src/foundation/time/epoch.js';
import { constantEop } from '../../../src/foundation/time/eop.js';

const GM = EGM96_GM_M3_PER_S2;
const EOP = constantEop({ ut1MinusUtcS: -0.1, xpArcsec: 0.1, ypArcsec: 0.3 });
const START = Epoch.fromIso('2024-03-15T00:00:00Z');

function circular(rM: number, incDeg: number): OrbitState {
  const v = Math.sqrt(GM / rM);
  const i = (incDeg * Math.PI) / 180;
  return { epoch: START, rGcrfM: [rM, 0, 0], vGcrfMps: [0, v * Math.cos(i), v * Math.sin(i)], massKg: 1000 };
}

describe('events through the propagator', () => {
  it('nodes of a two-body circular orbit fall every half period; the ephemeris ends at a stop event', () => {
    const s0 = circular(6_778_137, 51.6);
    const period = 2 * Math.PI * Math.sqrt(6_778_137 ** 3 / GM);
    const stopAtThird = (() => {
      let count = 0;
      return () => (++count === 3 ? ('stop' as const) : ('continue' as const));
    })();
    const prop = new NumericalPropagator({
      forces: [new PointMassGravityForce(GM)],
      rtol: 1e-12,
      eop: EOP,
      needsSun: false,
      needsMoon: false,
      detectors: [nodeDetector({ action: stopAtThird, timeToleranceS: 1e-6 })],
    });
    const res = prop.propagate(s0, START.plusSeconds(10 * period), { stepS: 60 });
    // Start on the ascending node (z = 0): next nodes at T/2, T, 3T/2 (the third one stops).
    expect(res.events.map((e) => e.tSeconds / period)).toEqual([expect.closeTo(0.5, 8), expect.closeTo(1, 8), expect.closeTo(1.5, 8)]);
    expect(res.events.map((e) => e.increasing)).toEqual([false, true, false]);
    expect(res.stopped).toBe(true);
    expect(res.final.epoch.secondsSince(START)).toBeCloseTo(1.5 * period, 5);
    const eph = res.ephemeris!;
    expect(eph.tSeconds[eph.tSeconds.length - 1]).toBeCloseTo(1.5 * period, 5);
    expect(Math.abs(res.final.rGcrfM[2])).toBeLessThan(1e-2);
    expect(res.events[0].epoch.secondsSince(START)).toBeCloseTo(0.5 * period, 5);
  });

  it('an impulsive Δv at apogee (reset) raises the perigee as the vis-viva equation says', () => {
    const s0 = circular(6_778_137, 51.6);
    const dv = 1; // m/s prograde
    const prop = new NumericalPropagator({
      forces: [new PointMassGravityForce(GM)],
      rtol: 1e-12,
      eop: EOP,
      needsSun: false,
      needsMoon: false,
      events: [
        {
          name: 'burn at t = 1000 s',
          g: (t) => t - 1000,
          action: 'reset',
          resetState: (_t, y) => {
            const v = Math.hypot(y[3], y[4], y[5]);
            return [y[0], y[1], y[2], y[3] * (1 + dv / v), y[4] * (1 + dv / v), y[5] * (1 + dv / v)];
          },
        },
      ],
    });
    const res = prop.propagate(s0, START.plusSeconds(4000));
    const r = Math.hypot(...res.final.rGcrfM);
    const v2 = res.final.vGcrfMps.reduce((s, x) => s + x * x, 0);
    const a = 1 / (2 / r - v2 / GM);
    // Energy after the burn: v' = v + dv at r0 ⇒ 1/a = 2/r0 − (v + dv)²/GM.
    const v0 = Math.sqrt(GM / 6_778_137);
    const aExpected = 1 / (2 / 6_778_137 - (v0 + dv) ** 2 / GM);
    expect(Math.abs(a - aExpected)).toBeLessThan(1e-3);
    expect(res.events[0].action).toBe('reset');
  });

  it('EventEnvironment: eclipse entries/exits where the exact Sun puts the umbra boundary; geodetic altitude and apsides', () => {
    const env = new EventEnvironment(START, EOP);
    const s0 = circular(6_778_137, 51.6);
    const prop = new NumericalPropagator({
      forces: [new ZonalGravityForce(EGM96_J2_MODEL)],
      eop: EOP,
      needsSun: false,
      needsMoon: false,
      detectors: [
        eclipseDetector({ sunPositionM: env.sunAtM, timeToleranceS: 1e-4 }),
        altitudeDetector({ thresholdM: 405_000, altitudeM: env.geodeticAltitudeOfM, crossing: 'both' }),
        apsideDetector(),
      ],
    });
    const res = prop.propagate(s0, START.plusSeconds(3 * 5560));
    const eclipses = res.events.filter((e) => e.name.startsWith('umbra'));
    expect(eclipses.length).toBeGreaterThanOrEqual(4);
    for (const e of eclipses) {
      const sun = sunPositionJ2000GeometricM(e.epoch);
      const ang = shadowAngles(e.rGcrfM, sun, { sunRadiusRad: 0, earthRadiusRad: 0, separationRad: 0 });
      // |g| at the event: 1e-4 s × ~1.1e-3 rad/s ≈ 1e-7 rad, plus the cache error (< 1e-10).
      expect(Math.abs(ang.separationRad - (ang.earthRadiusRad - ang.sunRadiusRad))).toBeLessThan(1e-6);
    }
    const alt = res.events.filter((e) => e.name.startsWith('altitude'));
    expect(alt.length).toBeGreaterThan(0);
    for (const e of alt) expect(itrfToGeodetic(gcrfToItrf(e.epoch, e.rGcrfM, undefined, EOP).r).altM).toBeCloseTo(405_000, 1);
    expect(res.events.some((e) => e.name === 'apsides')).toBe(true);
  });
});

describe('initial states', () => {
  it('from a TLE: SGP4 TEME state at the epoch, rotated to GCRF (|r|, |v| kept; matches SGP4 + FK5 directly)', () => {
    const el = parseElements(ISS_SAMPLE_TLE).records[0];
    const s = stateFromMeanElements(el, 450_000, EOP);
    const teme = Sgp4Propagator.fromElements(el).propagateMinutes(0);
    expect(s.epoch.secondsSince(el.epoch)).toBe(0);
    expect(Math.hypot(...s.rGcrfM) / 1e3).toBeCloseTo(Math.hypot(teme[0], teme[1], teme[2]), 9);
    const m = fk5Matrices(earthOrientation(el.epoch, EOP)).temeToGcrf;
    const r = mulVec(m, [teme[0] * 1e3, teme[1] * 1e3, teme[2] * 1e3], new Float64Array(3));
    expect(Math.hypot(r[0] - s.rGcrfM[0], r[1] - s.rGcrfM[1], r[2] - s.rGcrfM[2])).toBeLessThan(1e-6);
    expect(s.massKg).toBe(450_000);
  });

  const good = { epoch: '2024-03-15T00:00:00Z', frame: 'GCRF', r_km: [6778.137, 0, 0], v_km_s: [0, 4.77, 6.02], mass_kg: 459154.2 };

  it('reads a JSON state in km and km/s; ITRF and TEME inputs come back to the same GCRF state', () => {
    const gcrf = stateToGcrf(parseStateFile(JSON.stringify(good)), EOP);
    expect(Array.from(gcrf.rGcrfM)).toEqual([6778137, 0, 0]);
    expect(gcrf.vGcrfMps[2]).toBeCloseTo(6020, 9);
    // Convert to ITRF (with the rotating-frame velocity), write it as a file, read it back.
    const itrf = gcrfToItrf(Epoch.fromIso(good.epoch), gcrf.rGcrfM, gcrf.vGcrfMps, EOP);
    const back = stateToGcrf(
      parseStateFile(JSON.stringify({ ...good, frame: 'itrf', r_km: Array.from(itrf.r, (x) => x / 1e3), v_km_s: Array.from(itrf.v!, (x) => x / 1e3) })),
      EOP,
    );
    for (let k = 0; k < 3; k++) {
      expect(back.rGcrfM[k]).toBeCloseTo(gcrf.rGcrfM[k], 5);
      expect(back.vGcrfMps[k]).toBeCloseTo(gcrf.vGcrfMps[k], 8);
    }
  });

  it('names the bad field', () => {
    const fieldOf = (doc: unknown): string => {
      try {
        parseStateFile(typeof doc === 'string' ? doc : JSON.stringify(doc), 's.json');
      } catch (e) {
        expect(e).toBeInstanceOf(StateFileError);
        expect((e as Error).message).toMatch(/^s\.json: field /);
        return (e as StateFileError).field;
      }
      throw new Error('no error');
    };
    expect(fieldOf('{')).toBe('(document)');
    expect(fieldOf([1])).toBe('(document)');
    expect(fieldOf({ ...good, epoch: '2024-13-01' })).toBe('epoch');
    expect(fieldOf({ ...good, frame: 'EME2000' })).toBe('frame');
    expect(fieldOf({ ...good, r_km: [1, 2] })).toBe('r_km');
    expect(fieldOf({ ...good, r_km: [6778, 'x', 0] })).toBe('r_km[1]');
    expect(fieldOf({ ...good, r_km: [6778137, 0, 0] })).toBe('r_km'); // metres given where km are expected
    expect(fieldOf({ ...good, r_km: [6.778, 0, 0] })).toBe('r_km');
    expect(fieldOf({ ...good, v_km_s: [0, 4770, 6020] })).toBe('v_km_s');
    expect(fieldOf({ ...good, mass_kg: 0 })).toBe('mass_kg');
    expect(fieldOf({ ...good, mass: 1 })).toBe('mass');
  });
});
