/**
 * Worker side of GET /api/attitude: the built-in 2022 ISS model's torque-equilibrium attitude and
 * closed-loop CMG momentum simulation (docs/attitude.md). Up to 24 simulated hours took the event
 * loop 0.2–0.4 s, so it runs in a request-pool thread. The atmosphere is loaded once per thread.
 */
import {
  attitudeSimulateReport, createNrlmsise00, Epoch, ISS_CMG_ARRAY, loadNrlmsise00Coefficients, parseAttitudeConfig,
  type AtmosphereModel,
} from '@stationkeeper/core';
import { MSIS_COEFFICIENTS_PATH, msisCoefficientsFrom, optionalDataFile } from '@stationkeeper/runtime';
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

let atmosphere: { model: AtmosphereModel; name: string; dataDir: string; fromDataDir: boolean } | null = null;

/**
 * NRLMSISE-00 with the data directory's coefficients, else the embedded table; built once per
 * thread, and rebuilt only when the data directory's file appears (a later `data fetch`).
 */
function atmosphereFor(dataDir: string): { model: AtmosphereModel; name: string } {
  if (atmosphere?.dataDir === dataDir && (atmosphere.fromDataDir || !optionalDataFile(dataDir, MSIS_COEFFICIENTS_PATH))) return atmosphere;
  const coefficients = msisCoefficientsFrom(dataDir);
  const name = coefficients.fromDataDir ? 'NRLMSISE-00' : 'NRLMSISE-00 (embedded coefficients)';
  atmosphere = { model: createNrlmsise00(loadNrlmsise00Coefficients(coefficients.json)), name, dataDir, fromDataDir: coefficients.fromDataDir };
  return atmosphere;
}

export function attitudeInWorker(q: AttitudeTaskInput) {
  return offLoopAnswer(() => {
    const cfg = parseAttitudeConfig({ station: 'iss-2022', cmgs_active: q.cmgs });
    const atm = atmosphereFor(q.dataDir);
    const r = attitudeSimulateReport(cfg, Epoch.fromIso(q.startIso), atm.model, { durationS: Math.round(q.hours * 3600), controller: q.controller, desaturation: q.desaturation, controlStepS: 10 });
    return { ...r, atmosphere: atm.name, desaturation_threshold_n_m_s: ISS_CMG_ARRAY.desatThresholdFraction * r.capacity_n_m_s };
  });
}
