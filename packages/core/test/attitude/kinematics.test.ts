import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dcmToEuler321, dcmToQuat, euler321ToDcm, euler321ToQuat, lvlhDcm, namedAttitudeQuat, parseNamedAttitude,
  quatAngleBetween, quatCompose, quatFromAxisAngle, quatToDcm, quatToEuler321, yawPitchRollFromDeg,
} from '../../src/analysis/attitude/index.js';
import { rot3 } from '../../src/foundation/frames/mat3.js';

const D = Math.PI / 180;
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
};

describe('quaternions and 3-2-1 angles', () => {
  it('a rotation about z has the DCM of the passive rot3 (Wie Eq. 5.45 vs Vallado Eq. 3-15)', () => {
    close(quatToDcm(quatFromAxisAngle([0, 0, 1], 0.7)), rot3(0.7, new Float64Array(9)), 1e-15);
  });

  it('composition matches the product of DCMs, and DCM → quaternion → DCM round-trips', () => {
    fc.assert(fc.property(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 1, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })), ([a, b, c, ang1, ang2]) => {
      const q1 = quatFromAxisAngle([a, b, c], ang1);
      const q2 = quatFromAxisAngle([c, a, b], ang2);
      const c12 = new Float64Array(9);
      const m1 = quatToDcm(q1), m2 = quatToDcm(q2);
      for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) c12[3 * i + k] += m2[3 * i + l] * m1[3 * l + k];
      close(quatToDcm(quatCompose(q2, q1)), c12, 1e-12);
      close(quatToDcm(dcmToQuat(c12)), c12, 1e-12);
    }), { numRuns: 2000 });
  });

  it('3-2-1 angles → DCM → angles both ways, and a hand-built yaw/pitch/roll', () => {
    fc.assert(fc.property(fc.double({ min: -179, max: 179, noNaN: true }), fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }), (y, p, r) => {
      const a = quatToEuler321(euler321ToQuat(yawPitchRollFromDeg(y, p, r)));
      expect(a.yawRad / D).toBeCloseTo(y, 8);
      expect(a.pitchRad / D).toBeCloseTo(p, 8);
      expect(a.rollRad / D).toBeCloseTo(r, 8);
    }), { numRuns: 3000 });
    // Yaw 30° alone: body x = (cos 30°, sin 30°, 0) in the reference frame (first row of C).
    const c = euler321ToDcm({ yawRad: 30 * D, pitchRad: 0, rollRad: 0 });
    close([c[0], c[1], c[2]], [Math.cos(30 * D), Math.sin(30 * D), 0], 1e-15);
    // Pitch up 10°: body x tilts toward −z (zenith) of LVLH: C13 = −sin θ.
    expect(euler321ToDcm({ yawRad: 0, pitchRad: 10 * D, rollRad: 0 })[2]).toBeCloseTo(-Math.sin(10 * D), 15);
    expect(dcmToEuler321(euler321ToDcm({ yawRad: 1, pitchRad: -0.3, rollRad: 2 })).rollRad).toBeCloseTo(2, 12);
  });

  it('rejects angles out of range naming the field', () => {
    expect(() => yawPitchRollFromDeg(0, 91, 0)).toThrow(/pitch_deg.*-90 and 90.*91/);
    expect(() => yawPitchRollFromDeg(Number.NaN, 0, 0)).toThrow(/yaw_deg/);
  });
});

describe('LVLH and named attitudes', () => {
  const r = [7_000_000, 0, 0], v = [0, 5000, 5000];
  it('LVLH x is along the velocity of a circular orbit, z nadir, y opposite the orbit normal', () => {
    const c = lvlhDcm(r, v);
    close([c[0], c[1], c[2]], [0, Math.SQRT1_2, Math.SQRT1_2], 1e-15);
    close([c[6], c[7], c[8]], [-1, 0, 0], 1e-15);
    close([c[3], c[4], c[5]], [0, Math.SQRT1_2, -Math.SQRT1_2], 1e-15);
  });

  it('xvv / -xvv / yvv put the named body axis along the velocity and z at nadir', () => {
    const vHat = [0, Math.SQRT1_2, Math.SQRT1_2];
    const body = (name: string) => quatToDcm(namedAttitudeQuat(parseNamedAttitude(name), r, v));
    const x = body('+XVV'), mx = body('-xvv'), y = body('yvv');
    close([x[0], x[1], x[2]], vHat, 1e-12);
    close([mx[0], mx[1], mx[2]], vHat.map((e) => -e), 1e-12);
    close([y[3], y[4], y[5]], vHat, 1e-12);
    for (const c of [x, mx, y]) close([c[6], c[7], c[8]], [-1, 0, 0], 1e-12);
    expect(quatAngleBetween(namedAttitudeQuat('xvv', r, v), namedAttitudeQuat('-xvv', r, v)) / D).toBeCloseTo(180, 9);
  });

  it('xpop puts body x along the orbit normal', () => {
    const c = quatToDcm(namedAttitudeQuat('xpop', r, v));
    close([c[0], c[1], c[2]], [0, -Math.SQRT1_2, Math.SQRT1_2], 1e-12);
  });

  it('an unknown attitude name is refused by name', () => {
    expect(() => parseNamedAttitude('zvv', 'from')).toThrow(/from: unknown attitude "zvv"/);
  });
});
