/**
 * Worker side of GET /api/attitude: the built-in 2022 ISS model's torque-equilibrium attitude and
 * closed-loop CMG momentum simulation (docs/attitude.md). Up to 24 simulated hours took the event
 * loop 0.2–0.4 s, so it runs in a request-pool thread. The atmosphere is loaded once per thread.
 */
import { attitudeSimulateReport, Epoch, ISS_CMG_ARRAY, parseAttitudeConfig } from '@stationkeeper/core';
import { loadAtmosphere } from '@stationkeeper/runtime';
import { offLoopAnswer } from './requestPool.js';


export interface AttitudeTaskInput {
  dataDir: string;
  controller: 'tea-lqr' | 'hold';
  hours: number;
  desaturation: boolean;
  cmgs: number;
  /** Checked on the main thread (a 400 names query.start there). */
  startIso: string;
}

export function attitudeInWorker(q: AttitudeTaskInput) {
  return offLoopAnswer(() => {
    const cfg = parseAttitudeConfig({ station: 'iss-2022', cmgs_active: q.cmgs });
    // NRLMSISE-00 with the data directory's coefficients, else the embedded table; runtime's loader
    // builds it once per thread and again only when the file changes (a later `data fetch`).
    const atm = loadAtmosphere(q.dataDir);
    const r = attitudeSimulateReport(cfg, Epoch.fromIso(q.startIso), atm.model, { durationS: Math.round(q.hours * 3600), controller: q.controller, desaturation: q.desaturation, controlStepS: 10 });
    return { ...r, atmosphere: atm.name, desaturation_threshold_n_m_s: ISS_CMG_ARRAY.desatThresholdFraction * r.capacity_n_m_s };
  });
}
