/**
 * Attitude-control propellant for the scenario engine, from the attitude models (attitude/): the
 * built-in 2022 ISS model flying its torque-equilibrium attitude under the momentum-management LQR.
 *
 * - Coasting: one simulated day of the closed loop (all torques, 10 s control step) at a ladder of
 *   air-density multiples of the start's density gives the desaturations and propellant per day,
 *   and, without desaturation, whether the CMGs saturate. The engine reads the day's density
 *   multiple from its decay rate (both ∝ ρ at a given altitude and ballistic coefficient) and
 *   interpolates (log-log). A sinking station meets denser air: aero torques grow until momentum
 *   management alone no longer copes.
 * - Each reboost burn and each docking hands attitude to thrusters (thrusterHeldAttitude at +XVV):
 *   for the burn time plus 30 min (EST) and for one orbit (EST; Soyuz undocking under thruster
 *   control used 10–40 kg, facts §4, S) respectively.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { OrbitEnvironment } from '../../analysis/attitude/environment.js';
import { simulateAttitude } from '../../analysis/attitude/simulate.js';
import { iss2022Station, type AttitudeStation } from '../../analysis/attitude/station.js';
import { sampleOrbit, solveStationTea } from '../../analysis/attitude/teaOrbit.js';
import { thrusterHeldAttitude } from '../../analysis/attitude/thrusterHold.js';
import type { SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';

/** Thruster-held time around a reboost burn beyond the burn itself, s (EST). */
export const REBOOST_HOLD_MARGIN_S = 1800;

/** Air-density multiples of the start's density at which the closed loop is simulated. */
export const DENSITY_LADDER = [1, 3, 10, 30, 50, 70, 100] as const;

export interface CoastingPoint {
  densityScale: number;
  desaturationsPerDay: number;
  propellantKgPerDay: number;
  /** Without any desaturation, the CMGs saturate within the simulated day. */
  saturatesWithoutDesaturation: boolean;
}

export interface AttitudeBudgetSetup {
  teaDeg: { yaw: number; pitch: number; roll: number };
  orbitPeriodS: number;
  /** Thruster propellant to hold +XVV, kg per second. */
  thrusterHoldKgPerS: number;
  ladder: CoastingPoint[];
}

function scaled(atm: AtmosphereModel, k: number): AtmosphereModel {
  return { name: `${atm.name} ×${k}`, density: (p, e, w) => k * atm.density(p, e, w) };
}

/** One-off set-up at the scenario start: TEA, thruster-hold rate, and the coasting ladder (≈ 1 s). */
export function setupAttitudeBudget(start: Epoch, altitudeM: number, inclinationRad: number, atmosphere: AtmosphereModel, sw: SpaceWeatherSource, st: AttitudeStation = iss2022Station()): AttitudeBudgetSetup {
  const w = sw.at(start);
  const weather = { f107: w.f107, f107a: w.f107a, ap: Array.from(w.ap) };
  const orbitOf = { altitudeM, inclinationRad, raanRad: 0, argLatRad: 0 };
  const env = (k: number) => new OrbitEnvironment(orbitOf, start, scaled(atmosphere, k), weather);
  const orbit = sampleOrbit(env(1), 90);
  const tea = solveStationTea(st, orbit);
  const hold = thrusterHeldAttitude(st, orbit, { yawRad: 0, pitchRad: 0, rollRad: 0 }, orbit.periodS);
  const ladder = DENSITY_LADDER.map((k): CoastingPoint => {
    const teaK = solveStationTea(st, sampleOrbit(env(k), 90)).ypr;
    const o = { durationS: 86400, controlStepS: 10, controller: 'tea-lqr' as const, initial: teaK, linearizeAbout: teaK, recordEveryS: 3600 };
    const withDesat = simulateAttitude(st, env(k), o);
    const without = simulateAttitude(st, env(k), { ...o, desaturation: false });
    return { densityScale: k, desaturationsPerDay: withDesat.desaturations.length, propellantKgPerDay: withDesat.totalPropellantKg, saturatesWithoutDesaturation: without.saturations.length > 0 };
  });
  const D = 180 / Math.PI;
  return {
    teaDeg: { yaw: tea.ypr.yawRad * D, pitch: tea.ypr.pitchRad * D, roll: tea.ypr.rollRad * D },
    orbitPeriodS: orbit.periodS,
    thrusterHoldKgPerS: hold.propellantKg / orbit.periodS,
    ladder,
  };
}

/** Coasting desaturation propellant per day and whether the CMGs alone saturate, at a density multiple (log-log interpolation). */
export function coastingAt(setup: AttitudeBudgetSetup, densityScale: number): { propellantKgPerDay: number; desaturationsPerDay: number; saturatesWithoutDesaturation: boolean } {
  const l = setup.ladder;
  const k = Math.max(l[0].densityScale, Math.min(l[l.length - 1].densityScale, densityScale));
  let i = 0;
  while (i < l.length - 2 && l[i + 1].densityScale < k) i++;
  const a = l[i], b = l[i + 1];
  const f = Math.log(k / a.densityScale) / Math.log(b.densityScale / a.densityScale);
  const interp = (x: number, y: number) => (x > 0 && y > 0 ? Math.exp(Math.log(x) + f * (Math.log(y) - Math.log(x))) : x + f * (y - x));
  // Saturation: from the first ladder point that saturates (a step, not interpolated).
  const firstSat = l.find((p) => p.saturatesWithoutDesaturation);
  return {
    propellantKgPerDay: interp(a.propellantKgPerDay, b.propellantKgPerDay),
    desaturationsPerDay: interp(a.desaturationsPerDay, b.desaturationsPerDay),
    saturatesWithoutDesaturation: firstSat !== undefined && densityScale >= firstSat.densityScale,
  };
}
