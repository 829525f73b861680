/**
 * NRLMSISE-00 switches (Picone et al. 2002; the model's TSELEC). 24 entries, each 0 = off,
 * 1 = on, 2 = main effect off but cross terms on. Entry 9 (daily Ap) may be −1: use the
 * 7-element Ap history instead of the daily Ap. Entry 0 selects output units in the reference;
 * here both CGS and SI outputs are always filled, so it has no effect.
 *
 *  1 F10.7 effect on mean      9 daily Ap (−1: Ap history)   17 all TLB variations
 *  2 time independent         10 all UT/longitude effects    18 all TN1 variations
 *  3 symmetrical annual       11 longitudinal                19 all S variations
 *  4 symmetrical semiannual   12 UT and mixed UT/longitude   20 all TN2 variations
 *  5 asymmetrical annual      13 mixed Ap/UT/longitude       21 all NLB variations
 *  6 asymmetrical semiannual  14 terdiurnal                  22 all TN3 variations
 *  7 diurnal                  15 departures from diffusive equilibrium
 *  8 semidiurnal              16 all TINF variations         23 turbo scale height
 */
export interface Nrlmsise00Flags {
  /** The switches as given. */
  readonly switches: readonly number[];
  /** Main-effect multipliers: 1 where the switch is 1, else 0; sw[9] is the switch itself. */
  readonly sw: Float64Array;
  /** Cross-term multipliers: 1 where the switch is > 0, else 0; swc[9] is the switch itself. */
  readonly swc: Float64Array;
}

export const NRLMSISE00_SWITCH_COUNT = 24;
/** Index of the daily-Ap switch; −1 selects the Ap history. */
export const NRLMSISE00_AP_SWITCH = 9;

/** Standard settings: switch 0 = 0, all others 1 (daily Ap). */
export const NRLMSISE00_STANDARD_SWITCHES: readonly number[] = Object.freeze(
  Array.from({ length: NRLMSISE00_SWITCH_COUNT }, (_, i) => (i === 0 ? 0 : 1)),
);

/** Prepare switches once (outside any hot loop); throws on a wrong count or value. */
export function nrlmsise00Flags(switches: ArrayLike<number> = NRLMSISE00_STANDARD_SWITCHES): Nrlmsise00Flags {
  if (switches.length !== NRLMSISE00_SWITCH_COUNT) {
    throw new Error(`nrlmsise00 switches: expected ${NRLMSISE00_SWITCH_COUNT} values, got ${switches.length}`);
  }
  const sw = new Float64Array(NRLMSISE00_SWITCH_COUNT);
  const swc = new Float64Array(NRLMSISE00_SWITCH_COUNT);
  const copy: number[] = [];
  for (let i = 0; i < NRLMSISE00_SWITCH_COUNT; i++) {
    const v = switches[i];
    const min = i === NRLMSISE00_AP_SWITCH ? -1 : 0;
    if (!Number.isInteger(v) || v < min || v > 2) {
      throw new Error(`nrlmsise00 switches[${i}] must be an integer in [${min}, 2], got ${String(v)}`);
    }
    copy.push(v);
    if (i === NRLMSISE00_AP_SWITCH) {
      sw[i] = v;
      swc[i] = v;
    } else {
      sw[i] = v === 1 ? 1 : 0;
      swc[i] = v > 0 ? 1 : 0;
    }
  }
  return { switches: Object.freeze(copy), sw, swc };
}

/** Standard switches with the Ap-history switch set (switch 9 = −1). */
export function nrlmsise00ApHistoryFlags(): Nrlmsise00Flags {
  const s = NRLMSISE00_STANDARD_SWITCHES.slice();
  s[NRLMSISE00_AP_SWITCH] = -1;
  return nrlmsise00Flags(s);
}
