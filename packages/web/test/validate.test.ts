import { describe, expect, it } from 'vitest';
import { parseField, PLACE_FIELDS, validatePlace } from '../src/validate.js';
import { columnTitle } from '../src/scenario.js';
import { isDay, partnersOf, scenarioSubmission, withdrawalOf, type ScenarioForm } from '../src/scenarioRequest.js';
import { dataFetchCommand } from '../src/api.js';
import { compass, fmtLat, fmtLon } from '../src/format.js';

describe('place form validation', () => {
  it('accepts decimal commas, signs and spaces', () => {
    expect(parseField(' 48,8566 ', PLACE_FIELDS.lat)).toEqual({ ok: true, value: 48.8566 });
    expect(parseField('+2.35', PLACE_FIELDS.lon)).toEqual({ ok: true, value: 2.35 });
    expect(parseField('-95.09', PLACE_FIELDS.lon)).toEqual({ ok: true, value: -95.09 });
  });

  it('names the field, the range with its unit, and what was typed', () => {
    expect(parseField('123', PLACE_FIELDS.lat)).toEqual({ ok: false, message: 'Latitude must be between -90° and 90°, got 123.' });
    expect(parseField('48N', PLACE_FIELDS.lat)).toEqual({ ok: false, message: 'Latitude must be a number (degrees), got "48N".' });
    expect(parseField('', PLACE_FIELDS.lon)).toEqual({ ok: false, message: 'Longitude is required (-180° to 180°).' });
    expect(parseField('2.5', PLACE_FIELDS.days)).toEqual({ ok: false, message: 'Search span must be a whole number of days, got 2.5.' });
  });

  it('fills optional fields and reports every bad one', () => {
    expect(validatePlace({ lat: '29.56', lon: '-95.09', altM: '', days: '', minElevationDeg: '' })).toEqual({
      ok: true,
      value: { lat: 29.56, lon: -95.09, altM: 0, days: 3, minElevationDeg: 10 },
    });
    const r = validatePlace({ lat: '91', lon: 'abc', altM: '0', days: '3', minElevationDeg: '95' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['lat', 'lon', 'minElevationDeg']);
  });
});

describe('scenario request from the form', () => {
  const form: ScenarioForm = {
    example: 'iss-no-russian-reboost-2022',
    exampleTitle: 'Roscosmos stops reboosts on 2022-04-02, no replacement',
    exampleStart: '2022-01-01',
    exampleEnd: '2030-12-31',
    exampleWithdrawal: '2022-04-02',
    partner: 'roscosmos',
    withdrawalDate: '2022-04-02',
    end: '2030-12-31',
    advanced: null,
  };
  const ok = (f: Partial<ScenarioForm>) => {
    const r = scenarioSubmission({ ...form, ...f });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  const bad = (f: Partial<ScenarioForm>) => {
    const r = scenarioSubmission({ ...form, ...f });
    return r.ok ? null : { field: r.field, message: r.message };
  };

  it('sends the example by name; edits go to overrides (docs/api.md) and into the name', () => {
    expect(ok({})).toEqual({ kind: 'json', body: { example: 'iss-no-russian-reboost-2022', overrides: { end: '2030-12-31' } } });
    expect(ok({ withdrawalDate: '2023-01-01', end: '2023-12-31' })).toEqual({
      kind: 'json',
      body: {
        example: 'iss-no-russian-reboost-2022',
        name: 'Roscosmos stops reboosts on 2022-04-02, no replacement (Roscosmos withdraws on 2023-01-01, to 2023-12-31)',
        overrides: { end: '2023-12-31', partner_withdrawals: [{ partner: 'roscosmos', date: '2023-01-01' }] },
      },
    });
    // An empty date removes the withdrawal (date: null).
    expect(ok({ withdrawalDate: ' ' })).toMatchObject({ body: { overrides: { end: '2030-12-31', partner_withdrawals: [{ partner: 'roscosmos', date: null }] } } });
  });

  it('names the bad field before anything is sent', () => {
    expect(bad({ end: '2023-02-30' })).toEqual({ field: 'sc-end', message: 'End date must be a date like 2023-12-31, got "2023-02-30".' });
    expect(bad({ end: '2021-12-31' })).toEqual({ field: 'sc-end', message: 'End date must be after the scenario start (2022-01-01), got 2021-12-31.' });
    expect(bad({ withdrawalDate: 'April' })).toEqual({ field: 'sc-date', message: 'Withdrawal date must be a date like 2022-04-02 or empty (never), got "April".' });
    expect(bad({ example: '' })?.field).toBe('sc-example');
  });

  it('advanced editor: JSON object as JSON, anything else as YAML text', () => {
    expect(ok({ advanced: ' {"name": "x", "start": "2022-01-01"} ' })).toEqual({ kind: 'json', body: { name: 'x', start: '2022-01-01' } });
    expect(ok({ advanced: 'name: x\nstart: 2022-01-01\n' })).toEqual({ kind: 'yaml', text: 'name: x\nstart: 2022-01-01\n' });
    expect(bad({ advanced: '{"name": ' })?.message).toMatch(/^The definition is not valid JSON: /);
    expect(bad({ advanced: '[1]' })?.message).toBe('The definition must be a JSON object (name, start, end, orbit, policy, events, …).');
    expect(bad({ advanced: '  ' })?.field).toBe('sc-definition');
  });

  it('reads partners and withdrawal dates from a definition', () => {
    const def = { station: { capabilities: { propulsion: ['nasa'] } }, events: [{ type: 'partner-withdrawal', partner: 'roscosmos', date: '2022-04-02' }] };
    expect(withdrawalOf(def, 'roscosmos')).toBe('2022-04-02');
    expect(withdrawalOf(def, 'nasa')).toBe('');
    expect(partnersOf(def)).toEqual(['roscosmos', 'nasa', 'esa']);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
  });

  it('finds the fetch command in a 503 message', () => {
    expect(dataFetchCommand('missing /d/nrlmsise/x.json — run `stationkeeper data fetch --only msis --data-dir /d`')).toBe('stationkeeper data fetch --only msis --data-dir /d');
    expect(dataFetchCommand('no such file')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('shows units and hemispheres', () => {
    expect(fmtLat(-48.8471)).toBe('48.847° S');
    expect(fmtLon(-95.09, 2)).toBe('95.09° W');
    expect(compass(0)).toBe('N');
    expect(compass(348.7)).toBe('NNW');
    expect(compass(349)).toBe('N');
    expect(columnTitle('propellant_used_kg')).toBe('propellant used (kg)');
    expect(columnTitle('delta_v_m_per_s')).toBe('delta v (m/s)');
    expect(columnTitle('delta_v_m_s')).toBe('delta v (m/s)');
  });
});
