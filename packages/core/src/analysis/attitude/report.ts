/**
 * The attitude answers as plain JSON-ready data (snake_case, units in the names), shared by the
 * CLI and any other front end: TEA, a closed-loop simulation and a slew plan for a configured
 * station (the chart of CMG momentum is drawn in @stationkeeper/runtime, charts/attitudeChart.ts).
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { AttitudeConfig } from './config.js';
import { cmgCapacityNms } from './cmg.js';
import { OrbitEnvironment } from './environment.js';
import type { NamedAttitude } from './lvlh.js';
import { namedAttitudeYpr } from './lvlh.js';
import { simulateAttitude, type AttitudeController } from './simulate.js';
import { flySlew, planSlew } from './slew.js';
import { pathReference, planCmgPath, PATH_VERIFY_SLACK, slewEndpoint, steadyTurnMomentumBoundNms } from './zpm.js';
import type { YawPitchRoll } from './euler321.js';
import { sampleOrbit, solveStationTea } from './teaOrbit.js';

const D = 180 / Math.PI;
const r3 = (v: number, digits = 3) => Number(v.toFixed(digits));

export function attitudeEnvironment(cfg: AttitudeConfig, start: Epoch, atmosphere: AtmosphereModel | null): OrbitEnvironment {
  const ap = new Array<number>(7).fill(cfg.ap);
  return new OrbitEnvironment({ altitudeM: cfg.altitudeM, inclinationRad: cfg.inclinationRad, raanRad: 0, argLatRad: 0 }, start, cfg.hasSurfaces ? atmosphere : null, { f107: cfg.f107, f107a: cfg.f107, ap });
}

export interface TeaReport {
  station: string;
  altitude_km: number;
  yaw_deg: number;
  pitch_deg: number;
  roll_deg: number;
  residual_torque_n_m: number;
  cmg_secular_momentum_n_m_s_per_orbit: number;
  mean_disturbance_torque_n_m: number[];
  orbit_period_s: number;
}

export function attitudeTeaReport(cfg: AttitudeConfig, start: Epoch, atmosphere: AtmosphereModel | null): TeaReport {
  const orbit = sampleOrbit(attitudeEnvironment(cfg, start, atmosphere), 120);
  const tea = solveStationTea(cfg.station, orbit);
  const s = tea.secularMomentumNms;
  return {
    station: cfg.station.name,
    altitude_km: r3(cfg.altitudeM / 1000, 1),
    yaw_deg: r3(tea.ypr.yawRad * D, 4),
    pitch_deg: r3(tea.ypr.pitchRad * D, 4),
    roll_deg: r3(tea.ypr.rollRad * D, 4),
    residual_torque_n_m: Number(tea.residualNm.toPrecision(3)),
    cmg_secular_momentum_n_m_s_per_orbit: r3(Math.hypot(s[0], s[1], s[2]), 1),
    mean_disturbance_torque_n_m: Array.from(tea.meanDisturbanceNm, (v) => r3(v, 4)),
    orbit_period_s: r3(tea.periodS, 1),
  };
}

export interface SimulateReport {
  controller: AttitudeController;
  start_utc: string;
  duration_s: number;
  capacity_n_m_s: number;
  tea: TeaReport;
  desaturations: { epoch_utc: string; t_s: number; propellant_kg: number; momentum_removed_n_m_s: number }[];
  total_propellant_kg: number;
  saturation_events: { start_utc: string; end_utc: string }[];
  attitude_lost_utc: string | null;
  peak_momentum_fraction: number;
  history: { t_s: number; momentum_n_m_s: number; momentum_fraction: number; yaw_deg: number; pitch_deg: number; roll_deg: number }[];
}

export interface SimulateRequest {
  durationS: number;
  controller: AttitudeController;
  /** Hold target for 'hold' (default xvv). */
  hold?: Exclude<NamedAttitude, 'xpop'>;
  desaturation?: boolean;
  controlStepS?: number;
}

export function attitudeSimulateReport(cfg: AttitudeConfig, start: Epoch, atmosphere: AtmosphereModel | null, req: SimulateRequest): SimulateReport {
  const tea = attitudeTeaReport(cfg, start, atmosphere);
  const teaYpr = { yawRad: tea.yaw_deg / D, pitchRad: tea.pitch_deg / D, rollRad: tea.roll_deg / D };
  const initial = req.controller === 'tea-lqr' ? teaYpr : namedAttitudeYpr(req.hold ?? 'xvv');
  const r = simulateAttitude(cfg.station, attitudeEnvironment(cfg, start, atmosphere), {
    durationS: req.durationS, controller: req.controller, initial, linearizeAbout: initial, desaturation: req.desaturation, controlStepS: req.controlStepS ?? 1,
    recordEveryS: Math.max(60, Math.round(req.durationS / 2000 / 60) * 60),
  });
  const utc = (t: number) => start.plusSeconds(t).toIsoUtc(0);
  return {
    controller: req.controller,
    start_utc: start.toIsoUtc(0),
    duration_s: req.durationS,
    capacity_n_m_s: r.capacityNms,
    tea,
    desaturations: r.desaturations.map((d) => ({ epoch_utc: utc(d.tS), t_s: d.tS, propellant_kg: r3(d.propellantKg), momentum_removed_n_m_s: r3(d.momentumRemovedNms, 1) })),
    total_propellant_kg: r3(r.totalPropellantKg),
    saturation_events: r.saturations.map((s) => ({ start_utc: utc(s.startS), end_utc: utc(s.endS) })),
    attitude_lost_utc: r.attitudeLostS === null ? null : utc(r.attitudeLostS),
    peak_momentum_fraction: r3(r.peakMomentumFraction, 4),
    history: r.samples.map((s) => ({ t_s: s.tS, momentum_n_m_s: r3(s.momentumNms, 1), momentum_fraction: r3(s.momentumFraction, 4), yaw_deg: r3(s.yawDeg), pitch_deg: r3(s.pitchDeg), roll_deg: r3(s.rollDeg) })),
  };
}

export interface SlewReport {
  from: string;
  to: string;
  cmg_only: boolean;
  feasible: boolean;
  /** 'eigenaxis' (trapezoidal rate about the fixed axis) or 'optimised-path' (CMG-only path planner, TEA to TEA). */
  path_kind: 'eigenaxis' | 'optimised-path';
  angle_deg: number;
  duration_s: number;
  duration_h: number;
  peak_momentum_fraction: number;
  rate_deg_s: number;
  propellant_kg: number;
  /** Optimised path only: its end attitudes (TEAs nearest the named ones), the CMG momentum left, and the independent simulation's check. */
  path?: {
    from_ypr_deg: [number, number, number];
    to_ypr_deg: [number, number, number];
    end_momentum_fraction: number;
    peak_torque_n_m: number;
    simulated_peak_momentum_fraction: number;
    simulated_final_error_deg: number;
    eigenaxis_peak_momentum_fraction: number;
    /** The work bound: the momentum any steadily turning path needs, |ΔU|/(n·φ), fraction of capacity (gravity gradient and gyroscopic torques). */
    steady_turn_bound_fraction: number;
    /** The planner's search preset. */
    search: 'quick' | 'thorough';
  };
}

const yprDeg = (a: YawPitchRoll): [number, number, number] => [r3(a.yawRad * D, 2), r3(a.pitchRad * D, 2), r3(a.rollRad * D, 2)];

export function attitudeSlewReport(cfg: AttitudeConfig, start: Epoch, atmosphere: AtmosphereModel | null, from: Exclude<NamedAttitude, 'xpop'>, to: Exclude<NamedAttitude, 'xpop'>, cmgOnly: boolean, search: 'quick' | 'thorough' = 'quick'): SlewReport {
  const env = () => attitudeEnvironment(cfg, start, atmosphere);
  const r = planSlew(cfg.station, env(), { from, to, cmgOnly, stepS: cmgOnly ? 10 : 2 });
  const base = {
    from, to, cmg_only: cmgOnly, feasible: r.feasible, path_kind: 'eigenaxis' as const,
    angle_deg: r3(r.angleDeg, 2), duration_s: r3(r.durationS, 0), duration_h: r3(r.durationS / 3600, 2),
    peak_momentum_fraction: r3(r.peakMomentumFraction, 4), rate_deg_s: Number(r.rateDegS.toPrecision(3)), propellant_kg: r3(r.propellantKg, 2),
  };
  if (!cmgOnly || r.feasible) return base;
  // The eigenaxis cannot stay inside the envelope: plan a non-eigenaxis path between the TEAs and fly it.
  const p = planCmgPath(cfg.station, env(), slewEndpoint(cfg.station, env(), from), slewEndpoint(cfg.station, env(), to), { search });
  const bound = steadyTurnMomentumBoundNms(cfg.station.inertia, sampleOrbit(env(), 60).nRadS, p.from, p.to) / cmgCapacityNms(cfg.station.cmg);
  const flown = flySlew(cfg.station, env(), pathReference(p.path), { cmgOnly: true, stepS: 5, initialMomentumNms: p.initialMomentumNms });
  return {
    ...base, feasible: p.feasible && flown.peakFraction <= PATH_VERIFY_SLACK * p.momentumLimitFraction, path_kind: 'optimised-path',
    angle_deg: r3(p.angleDeg, 2), duration_s: r3(p.durationS, 0), duration_h: r3(p.durationS / 3600, 2),
    peak_momentum_fraction: r3(p.peakMomentumFraction, 4), rate_deg_s: Number((p.angleDeg / p.durationS).toPrecision(3)), propellant_kg: 0,
    path: {
      from_ypr_deg: yprDeg(p.from), to_ypr_deg: yprDeg(p.to), end_momentum_fraction: r3(p.endMomentumFraction, 4), peak_torque_n_m: r3(p.peakTorqueNm, 1),
      simulated_peak_momentum_fraction: r3(flown.peakFraction, 4), simulated_final_error_deg: r3(flown.finalErrorRad * D, 3),
      eigenaxis_peak_momentum_fraction: base.peak_momentum_fraction, steady_turn_bound_fraction: r3(bound, 4), search,
    },
  };
}
