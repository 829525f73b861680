/** Indices into `Nrlmsise00Output.d` (the reference's output order). */
export const NRLMSISE00_SPECIES = Object.freeze({
  He: 0,
  O: 1,
  N2: 2,
  O2: 3,
  Ar: 4,
  /** Total mass density (g/cm³ in `d`, kg/m³ in `dSi`). */
  totalMass: 5,
  H: 6,
  N: 7,
  anomalousO: 8,
});

/** cm⁻³ → m⁻³. */
const PER_CM3_TO_PER_M3 = 1e6;
/** g/cm³ → kg/m³. */
const G_CM3_TO_KG_M3 = 1e3;

/**
 * One NRLMSISE-00 result. Reusable: pass the same object to every call in a hot loop.
 * d: number densities in cm⁻³ except d[5], the total mass density in g/cm³ (the reference's
 * CGS output); dSi: the same in m⁻³ and kg/m³; t[0] exospheric temperature, t[1]
 * temperature at the altitude, both K.
 */
export class Nrlmsise00Output {
  readonly d = new Float64Array(9);
  readonly dSi = new Float64Array(9);
  readonly t = new Float64Array(2);

  /** Total mass density in kg/m³ (includes anomalous O only after `gtd7d`). */
  get totalMassDensityKgM3(): number {
    return this.dSi[5];
  }

  /** Fill `dSi` from `d`. */
  updateSi(): void {
    const d = this.d;
    const si = this.dSi;
    for (let i = 0; i < 9; i++) si[i] = d[i] * PER_CM3_TO_PER_M3;
    si[5] = d[5] * G_CM3_TO_KG_M3;
  }
}
