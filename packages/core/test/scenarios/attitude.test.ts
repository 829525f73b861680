import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNrlmsise00, loadNrlmsise00Coefficients, parseScenarioText, runScenario, coastingAt, type AttitudeBudgetSetup } from '../../src/index.js';
import { REPO_ROOT, sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';

describe('coasting ladder interpolation', () => {
  const setup: AttitudeBudgetSetup = {
    teaDeg: { yaw: 0, pitch: 0, roll: 0 }, orbitPeriodS: 5570, thrusterHoldKgPerS: 0.0026,
    ladder: [
      { densityScale: 1, desaturationsPerDay: 0, propellantKgPerDay: 0, saturatesWithoutDesaturation: false },
      { densityScale: 10, desaturationsPerDay: 1, propellantKgPerDay: 1, saturatesWithoutDesaturation: false },
      { densityScale: 100, desaturationsPerDay: 100, propellantKgPerDay: 100, saturatesWithoutDesaturation: true },
    ],
  };
  it('is log-log between points, linear in log density next to a zero, clamped at the ends; saturation from the first saturating point', () => {
    expect(coastingAt(setup, Math.sqrt(1000)).propellantKgPerDay).toBeCloseTo(Math.sqrt(1000) / Math.sqrt(10), 9);
    expect(coastingAt(setup, 5.5).propellantKgPerDay).toBeCloseTo(Math.log10(5.5), 9); // next to a zero: linear in log density
    expect(coastingAt(setup, 0.1).propellantKgPerDay).toBe(0);
    expect(coastingAt(setup, 99).saturatesWithoutDesaturation).toBe(false);
    expect(coastingAt(setup, 100).saturatesWithoutDesaturation).toBe(true);
  });
});

describe.skipIf(!sharedDataAvailable())('scenario engine: attitude control', () => {
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  const run = (file: string, edit = (t: string) => t) =>
    runScenario(parseScenarioText(edit(readFileSync(`${REPO_ROOT}/examples/scenarios/${file}`, 'utf8')).replace('space_weather: forecast', 'space_weather: model')), { atmosphere });

  it('baseline: attitude propellant is in the ledger (per vehicle = the attitude total), the CMGs never saturate', () => {
    const r = run('iss-baseline.yaml');
    expect(r.attitude.attitude_lost_utc).toBeNull();
    expect(r.attitude.propellant_kg).toBeGreaterThan(0);
    const ledger = r.ledger.by_vehicle.reduce((s, v) => s + v.attitude_kg, 0);
    expect(Math.abs(ledger - r.attitude.propellant_kg)).toBeLessThan(1);
    expect(r.ledger.by_partner.find((p) => p.partner === 'roscosmos' && p.attitude_kg > 0)).toBeTruthy();
  });

  it('Roscosmos withdraws and nobody desaturates: the sinking station’s CMGs saturate and attitude is lost before re-entry', () => {
    const r = run('iss-no-russian-reboost-2022.yaml');
    expect(r.attitude.saturation_events.length).toBeGreaterThan(0);
    expect(r.attitude.attitude_lost_utc).not.toBeNull();
    expect(r.attitude.attitude_lost_utc! > '2022-04-02').toBe(true);
    expect(r.attitude.attitude_lost_utc! < r.reentry!.nominal_utc!).toBe(true);
    expect(r.attitude.by_year.filter((y) => y.year >= 2023).every((y) => y.desaturation_kg === 0)).toBe(true);
  });

  it('a docked Cygnus configured to desaturate pays desaturations from its own tanks', () => {
    const r = run('iss-no-russian-attitude-2022.yaml');
    const cygnus = r.ledger.by_vehicle.filter((v) => v.vehicle === 'cygnus').reduce((s, v) => s + v.attitude_kg, 0);
    expect(cygnus).toBeGreaterThan(0);
    expect(r.attitude.desaturation_vehicles).toContain('cygnus');
  });
});
