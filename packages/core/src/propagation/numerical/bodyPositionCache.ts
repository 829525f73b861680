/**
 * Geocentric Sun and Moon positions for a propagation, from bodies/sun.ts
 * (sunPositionJ2000GeometricM) and bodies/moon.ts (moonPositionGcrfM), both astronomy-engine,
 * evaluated on a grid of nodes and interpolated with the cubic Lagrange polynomial through the
 * four nodes around t.
 *
 * Frame: astronomy-engine's EQJ (J2000 mean equator and equinox), which differs from GCRF by the
 * frame bias (≤ 23 mas = 1.1e-7 rad). That tilts the Sun/Moon direction by 1e-7 rad: a relative
 * error of 1e-7 in third-body and SRP accelerations (≤ 1e-13 m/s² at the ISS), far below the
 * models' own accuracy. Sun: geometric with the light time; Moon: geometric (see bodies/moon.ts
 * for its measured accuracy).
 *
 * Interpolation error of a uniform cubic in the central interval: ≤ (3/128) h⁴ |f⁗|. For the Moon
 * |f⁗| ≈ r ω⁴ ≈ 3.84e8 m × (2.66e-6 rad/s)⁴ ≈ 2e-14 m/s⁴ (×2 for the solar perturbation):
 * h = 1800 s gives ≤ 0.02 m on a 3.8e8 m vector (5e-11 relative); the Sun is smoother still.
 */
import { moonPositionGcrfM } from '../../foundation/bodies/moon.js';
import { sunPositionJ2000GeometricM } from '../../foundation/bodies/sun.js';
import type { Epoch } from '../../foundation/time/epoch.js';

/** Default spacing of exactly computed Sun/Moon positions, s. */
export const DEFAULT_BODY_NODE_SPACING_S = 1800;

const SLOTS = 8;

type BodyFunction = (epoch: Epoch, out: Float64Array) => Float64Array;

/** Interpolated positions of one body on a node grid (ring of node slots, both directions). */
class InterpolatedBody {
  private readonly keys = new Float64Array(SLOTS).fill(NaN);
  private readonly data = new Float64Array(SLOTS * 3);
  private readonly node = new Float64Array(3);
  nodesComputed = 0;

  constructor(
    private readonly fn: BodyFunction,
    private readonly epoch0: Epoch,
    private readonly h: number,
  ) {}

  positionAt(tSeconds: number, out: Float64Array): void {
    const x = tSeconds / this.h;
    const k = Math.floor(x);
    const u = x - k; // in [0, 1): nodes at −1, 0, 1, 2
    const a = this.slot(k - 1) * 3;
    const b = this.slot(k) * 3;
    const c = this.slot(k + 1) * 3;
    const d = this.slot(k + 2) * 3;
    // Lagrange weights for nodes −1, 0, 1, 2 at u.
    const um1 = u + 1;
    const u1 = u - 1;
    const u2 = u - 2;
    const wa = (-u * u1 * u2) / 6;
    const wb = (um1 * u1 * u2) / 2;
    const wc = (-um1 * u * u2) / 2;
    const wd = (um1 * u * u1) / 6;
    const p = this.data;
    for (let i = 0; i < 3; i++) out[i] = wa * p[a + i] + wb * p[b + i] + wc * p[c + i] + wd * p[d + i];
  }

  private slot(k: number): number {
    const s = ((k % SLOTS) + SLOTS) % SLOTS;
    if (this.keys[s] !== k) {
      this.data.set(this.fn(this.epoch0.plusSeconds(k * this.h), this.node), 3 * s);
      this.keys[s] = k;
      this.nodesComputed++;
    }
    return s;
  }
}

/** Sun and Moon positions (GCRF, m) at seconds since a reference epoch. */
export class SunMoonCache {
  private readonly sun: InterpolatedBody;
  private readonly moon: InterpolatedBody;

  constructor(
    readonly referenceEpoch: Epoch,
    readonly nodeSpacingS: number = DEFAULT_BODY_NODE_SPACING_S,
  ) {
    if (!(nodeSpacingS > 0) || nodeSpacingS > 21600) {
      throw new RangeError(`Sun/Moon node spacing must be in (0, 21600] s, got ${nodeSpacingS}`);
    }
    this.sun = new InterpolatedBody(sunPositionJ2000GeometricM, referenceEpoch, nodeSpacingS);
    this.moon = new InterpolatedBody(moonPositionGcrfM, referenceEpoch, nodeSpacingS);
  }

  sunAt(tSeconds: number, out: Float64Array): Float64Array {
    this.sun.positionAt(tSeconds, out);
    return out;
  }

  moonAt(tSeconds: number, out: Float64Array): Float64Array {
    this.moon.positionAt(tSeconds, out);
    return out;
  }

  get nodesComputed(): number {
    return this.sun.nodesComputed + this.moon.nodesComputed;
  }
}
