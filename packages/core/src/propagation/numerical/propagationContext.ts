/**
 * The {@link ForceContext} of one propagation, refilled in place at every derivative evaluation:
 * no allocation per evaluation except the Epoch, which is built only when a force model reads
 * `epoch` (and once per distinct t), since most models need only seconds and frame matrices.
 */
import type { ForceContext } from '../../models/forces/types.js';
import { mat3, type Mat3 } from '../../foundation/frames/mat3.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { SunMoonCache } from './bodyPositionCache.js';
import { EarthRotationCache } from './earthRotationCache.js';

export interface PropagationContextOptions {
  eop?: EopSource;
  /** Spacing of exact GCRF→ITRF nodes, s (see earthRotationCache.ts). */
  frameNodeSpacingS?: number;
  /** Spacing of exact Sun/Moon nodes, s (see bodyPositionCache.ts). */
  bodyNodeSpacingS?: number;
  /** Fill sunGcrfM (default true; false leaves it zero — only for force sets that do not read it). */
  sun?: boolean;
  /** Fill moonGcrfM (default true). */
  moon?: boolean;
}

export class PropagationContext implements ForceContext {
  tSeconds = 0;
  massKg = 0;
  readonly rGcrfM = new Float64Array(3);
  readonly vGcrfMps = new Float64Array(3);
  readonly gcrfToItrf: Mat3 = mat3();
  readonly rItrfM = new Float64Array(3);
  earthRotationRadPerS = 0;
  readonly sunGcrfM = new Float64Array(3);
  readonly moonGcrfM = new Float64Array(3);

  readonly rotation: EarthRotationCache;
  readonly bodies: SunMoonCache;
  /** Epochs built for force models so far (statistics). */
  epochsBuilt = 0;
  private epochT = NaN;
  private epochValue: Epoch;
  private readonly wantSun: boolean;
  private readonly wantMoon: boolean;

  constructor(
    /** Epoch of t = 0. */
    readonly referenceEpoch: Epoch,
    options: PropagationContextOptions = {},
  ) {
    this.rotation = new EarthRotationCache(referenceEpoch, options.eop, options.frameNodeSpacingS);
    this.bodies = new SunMoonCache(referenceEpoch, options.bodyNodeSpacingS);
    this.epochValue = referenceEpoch;
    this.epochT = 0;
    this.wantSun = options.sun ?? true;
    this.wantMoon = options.moon ?? true;
  }

  /** The instant t = tSeconds after the reference epoch (built lazily, once per t). */
  get epoch(): Epoch {
    if (this.epochT !== this.tSeconds) {
      this.epochValue = this.referenceEpoch.plusSeconds(this.tSeconds);
      this.epochT = this.tSeconds;
      this.epochsBuilt++;
    }
    return this.epochValue;
  }

  /** Fill every field for state y = [r (m), v (m/s), (mass kg)] at t; `massKg` when y has no mass. */
  update(t: number, y: Float64Array, massKg: number): void {
    this.tSeconds = t;
    const r = this.rGcrfM;
    const v = this.vGcrfMps;
    r[0] = y[0];
    r[1] = y[1];
    r[2] = y[2];
    v[0] = y[3];
    v[1] = y[4];
    v[2] = y[5];
    this.massKg = y.length > 6 ? y[6] : massKg;
    const m = this.rotation.matrixAt(t, this.gcrfToItrf);
    this.earthRotationRadPerS = this.rotation.omegaRadPerS;
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const ri = this.rItrfM;
    ri[0] = m[0] * x + m[1] * yy + m[2] * z;
    ri[1] = m[3] * x + m[4] * yy + m[5] * z;
    ri[2] = m[6] * x + m[7] * yy + m[8] * z;
    if (this.wantSun) this.bodies.sunAt(t, this.sunGcrfM);
    if (this.wantMoon) this.bodies.moonAt(t, this.moonGcrfM);
  }
}
