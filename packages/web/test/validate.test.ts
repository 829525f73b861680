import { describe, expect, it } from 'vitest';
import { parseField, PLACE_FIELDS, validatePlace } from '../src/validate.js';
import { checkScenario, columnTitle } from '../src/scenario.js';
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

describe('scenario JSON check', () => {
  const def = { norad: 25544, start_utc: '2022-07-15T12:00:00Z', end_utc: '2027-07-15T12:00:00Z', events: [] };
  const good = { name: 'x', definition: def };
  it('accepts a well-formed scenario', () => {
    expect(checkScenario(JSON.stringify(good), '5').ok).toBe(true);
  });
  it('names the bad field', () => {
    const bad = (o: object) => {
      const r = checkScenario(JSON.stringify(o), '5');
      return r.ok ? '' : r.message;
    };
    expect(bad({ ...good, definition: { ...def, end_utc: '2021-01-01T00:00:00Z' } })).toBe('definition.end_utc must be after definition.start_utc.');
    expect(bad({ ...good, definition: { ...def, events: [{ at_utc: 'soon', type: 'reboosts-stop' }] } })).toBe(
      'definition.events[0].at_utc must be an ISO 8601 UTC time, got "soon".',
    );
    expect(bad({ definition: def })).toBe('name must be a non-empty text.');
    expect(checkScenario('{', '5')).toMatchObject({ ok: false });
    expect(checkScenario(JSON.stringify(good), '40')).toEqual({ ok: false, message: 'Simulate must be between 1 and 15 years, got "40".' });
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
  });
});
