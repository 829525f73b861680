/**
 * The ISS ballistic coefficient the re-entry and lifetime predictions fall back on when it cannot
 * be fitted to the TLEs (CLI `lifetime`, server lifetime jobs).
 */
import { ballisticCoefficientKgPerM2, ISS_STATION, type BallisticProperties } from '../../models/spacecraft/station.js';

/** Where ISS_STATION's mass, drag area and Cd come from (facts §1, grade P). */
export const ISS_BALLISTIC_SOURCE = 'NASA TOPO ephemeris header 2024-11-27';

/**
 * 1σ of the ISS B as a fraction of it: the spread of the TOPO values 2022–2024 (91 … 167 kg/m²,
 * attitude and configuration changes), not a measurement error.
 */
export const ISS_BALLISTIC_SIGMA_FRACTION = 0.2;

/** B = m/(Cd·A) with a 1σ of `sigmaFraction`·B (default the ISS TOPO spread). */
export function ballisticWithSigma(
  b: BallisticProperties = ISS_STATION,
  sigmaFraction = ISS_BALLISTIC_SIGMA_FRACTION,
): { coefficientKgPerM2: number; sigmaKgPerM2: number } {
  const coefficientKgPerM2 = ballisticCoefficientKgPerM2(b);
  return { coefficientKgPerM2, sigmaKgPerM2: sigmaFraction * coefficientKgPerM2 };
}
