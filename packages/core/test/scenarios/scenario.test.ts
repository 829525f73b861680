import { describe, expect, it } from 'vitest';
import { scenarioReportHtml } from '@stationkeeper/runtime';
import { ExponentialAtmosphere, parseScenarioText, runScenario, ScenarioError, SCENARIO_JSON_SCHEMA, type ScenarioResult } from '../../src/index.js';

const BASE = `
name: test
start: 2030-01-01
end: 2031-12-31
orbit: { mean_altitude_km: 400 }
space_weather: { f107: 150, ap: 15 }
station: { desaturation_vehicles: [] }
initial_propellant:
  - { vehicle: zvezda, propellant_kg: 300 }
policy:
  min_altitude_km: 395
  max_altitude_km: 405
  vehicle_priority: [progress-ms, zvezda, cygnus]
events:
  - { type: recurring-arrival, vehicle: progress-ms, from: 2030-01-10, until: 2031-12-31, per_year: 3 }
`;

function errorsOf(text: string): string[] {
  try {
    parseScenarioText(text, 'f.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

describe('scenario validation', () => {
  it('names the path of each problem', () => {
    const bad = BASE.replace('from: 2030-01-10', 'from: 2030-13-45') + `  - { type: partner-withdrawal, date: yesterday, partner: roscosmos }\n  - { type: arrival, date: 2030-02-01, vehicle: tug }\n  - { type: launch, date: 2030-02-01 }\n`;
    const errs = errorsOf(bad);
    expect(errs).toContain('events[0].from: not a date: "2030-13-45" (expected YYYY-MM-DD or an ISO 8601 UTC time)');
    expect(errs).toContain('events[1].date: not a date: "yesterday" (expected YYYY-MM-DD or an ISO 8601 UTC time)');
    expect(errs.some((e) => e.startsWith('events[3].type: must be one of arrival, recurring-arrival'))).toBe(true);
  });
  it('checks meaning after shape: unknown vehicles, band order, end before start', () => {
    const errs = errorsOf(BASE.replace('max_altitude_km: 405', 'max_altitude_km: 390').replace('end: 2031-12-31', 'end: 2029-01-01').replace('[progress-ms, zvezda, cygnus]', '[progress-ms, tug]'));
    expect(errs).toContain('end: must be after start (2030-01-01), got 2029-01-01');
    expect(errs).toContain('policy.max_altitude_km: must be above min_altitude_km (395), got 390');
    expect(errs.some((e) => e.startsWith('policy.vehicle_priority[1]: unknown vehicle "tug"'))).toBe(true);
  });
  it('reports unknown fields, wrong types and YAML syntax errors', () => {
    expect(errorsOf(BASE.replace('orbit: { mean_altitude_km: 400 }', 'orbit: { mean_altitude_km: "high", apogee: 3 }'))).toEqual([
      'orbit.mean_altitude_km: must be a number, got a string "high"',
      'orbit.apogee: unknown field (expected one of mean_altitude_km, inclination_deg, raan_deg, eccentricity)',
    ]);
    expect(errorsOf('name: [unclosed')[0]).toMatch(/^line 1, column \d+:/);
    expect(errorsOf(BASE.replace('vehicle_priority: [progress-ms, zvezda, cygnus]', 'vehicle_priority: []'))).toEqual(['policy.vehicle_priority: must have at least 1 item(s)']);
  });
  it('a new vehicle needs its performance figures', () => {
    const errs = errorsOf(BASE + 'vehicles:\n  - { id: tug, partner: esa }\n');
    expect(errs[0]).toMatch(/^vehicles\[0\]: vehicle "tug" is not in the catalog .* needs reboost_thrust_n, isp_s, reboost_propellant_kg$/);
  });
  it('exports a JSON Schema', () => {
    expect(SCENARIO_JSON_SCHEMA.$schema).toMatch(/2020-12/);
    expect((SCENARIO_JSON_SCHEMA.required as string[]).sort()).toEqual(['end', 'name', 'orbit', 'policy', 'start']);
  });
});

// A fast, data-free atmosphere: Vallado's exponential table (constant activity).
const deps = { atmosphere: new ExponentialAtmosphere() };

function run(text: string): ScenarioResult {
  return runScenario(parseScenarioText(text), deps);
}

describe('scenario engine', () => {
  const r = run(BASE);
  it('keeps the altitude in the band and balances the ledger', () => {
    expect(r.propellant_exhausted_utc).toBeNull();
    expect(r.reentry).toBeNull();
    const alts = r.altitude_series.mean_altitude_km;
    expect(Math.min(...alts)).toBeGreaterThan(394.5);
    expect(Math.max(...alts)).toBeLessThan(405.5);
    // Δa/Δv of each reboost follows Gauss: 2a/v ≈ 1.75 km per m/s at 400 km (facts §3: 1.7–1.8).
    for (const b of r.burns) {
      const ratio = (b.altitude_after_km - b.altitude_before_km) / b.delta_v_m_s;
      expect(ratio).toBeGreaterThan(1.7);
      expect(ratio).toBeLessThan(1.8);
    }
    // Conservation: delivered + initial = burned + left unused + still aboard (≥ 0).
    const delivered = r.ledger.by_vehicle.reduce((s, v) => s + v.delivered_kg, 0) + 300;
    const gone = r.ledger.by_vehicle.reduce((s, v) => s + v.burned_kg + v.departed_unused_kg, 0);
    expect(gone).toBeLessThanOrEqual(delivered + 1);
    // Burned propellant equals the sum over burns.
    const burned = r.ledger.by_vehicle.reduce((s, v) => s + v.burned_kg, 0);
    expect(Math.abs(burned - r.burns.reduce((s, b) => s + b.propellant_kg, 0))).toBeLessThan(1);
    // Flown Δv over two years matches the drag make-up need within the band's slack (one refill of 10 km ≈ 5.7 m/s).
    const flown = r.years.reduce((s, y) => s + y.delta_v_m_s, 0);
    const needed = r.years.reduce((s, y) => s + y.delta_v_needed_m_s, 0);
    expect(Math.abs(flown - needed)).toBeLessThan(6);
  });
  it('a partner withdrawal stops its burns and arrivals, and the station comes down', () => {
    const w = run(BASE.replace('end: 2031-12-31', 'end: 2034-12-31') + '  - { type: partner-withdrawal, date: 2030-03-01, partner: roscosmos }\n');
    expect(w.burns.every((b) => b.epoch_utc < '2030-03-01')).toBe(true);
    expect(w.notes.some((n) => /progress-ms #2 not flown: Roscosmos has withdrawn/.test(n.text))).toBe(true);
    expect(w.propellant_exhausted_utc).not.toBeNull();
    expect(w.reentry?.nominal_utc).toBeTruthy();
    expect(w.reentry!.window_status).toBe('pending');
    expect(w.reentry!.nominal_utc! > w.propellant_exhausted_utc!).toBe(true);
  });
  it('a debris-avoidance burn is flown by the first available vehicle, and grounding skips arrivals', () => {
    const d = run(BASE + '  - { type: debris-avoidance, date: 2030-06-01, delta_v_m_s: 0.4 }\n  - { type: vehicle-grounded, date: 2031-01-01, vehicle: progress-ms }\n');
    const dam = d.burns.filter((b) => b.purpose === 'debris-avoidance');
    expect(dam.reduce((s, b) => s + b.delta_v_m_s, 0)).toBeCloseTo(0.4, 3);
    expect(d.notes.some((n) => /not flown: Progress MS is grounded/.test(n.text))).toBe(true);
    expect(d.ledger.by_vehicle.filter((v) => v.vehicle === 'progress-ms' && v.year === 2031).every((v) => v.flights === 0)).toBe(true);
  });
  it('a phasing target is met on its date', () => {
    const p = run(BASE.replace('vehicle_priority: [progress-ms, zvezda, cygnus]', 'vehicle_priority: [progress-ms, zvezda, cygnus]\n  targets: [{ date: 2030-09-01, altitude_km: 398 }]'));
    const i = p.altitude_series.epoch_utc.indexOf('2030-09-01T00:00:00Z');
    expect(Math.abs(p.altitude_series.mean_altitude_km[i] - 398)).toBeLessThan(0.3);
  });
  it('honours an abort signal', () => {
    const c = new AbortController();
    c.abort();
    expect(() => runScenario(parseScenarioText(BASE), deps, { signal: c.signal })).toThrow(/aborted/);
  });
  it('writes a self-contained report', () => {
    const html = scenarioReportHtml(r);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});
