import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import type { AtmosphereModel } from '../../src/models/atmosphere/types.js';
import { buildForceModels, ForceConfigError } from '../../src/models/forces/config.js';
import { DragForce } from '../../src/models/forces/drag.js';
import { SphericalHarmonicGravityForce, ZonalGravityForce, PointMassGravityForce } from '../../src/models/forces/gravity.js';
import { SolarRadiationPressureForce } from '../../src/models/forces/srp.js';
import { ThirdBodyForce } from '../../src/models/forces/thirdBody.js';

const atmosphere: AtmosphereModel = { name: 'exponential (test)', density: () => 1e-12 };
const spaceWeather = { at: () => ({ f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] }) };
const TINY = `modelname TINY\nearth_gravity_constant 3.986004415e14\nradius 6378136.3\nmax_degree 2\nnorm fully_normalized\nerrors no\nend_of_head\ngfc 0 0 1 0\ngfc 2 0 -4.84e-4 0\ngfc 2 2 2.4e-6 -1.4e-6\n`;

describe('buildForceModels', () => {
  it('builds every kind from a plain JSON configuration', () => {
    const built = buildForceModels(
      {
        gravity: { model: 'tiny.gfc', degree: 2, order: 2 },
        drag: { atmosphere: 'exponential', cd: 2.2, areaM2: 1500 },
        thirdBody: ['sun', 'moon'],
        srp: { cr: 1.3, areaM2: 1500, shadow: 'conical' },
      },
      { gravityFileTexts: { 'tiny.gfc': TINY }, atmospheres: { exponential: atmosphere }, spaceWeather },
    );
    expect(built.models.map((m) => m.constructor)).toEqual([SphericalHarmonicGravityForce, DragForce, ThirdBodyForce, ThirdBodyForce, SolarRadiationPressureForce]);
    expect(built.needsSun).toBe(true);
    expect(built.needsMoon).toBe(true);
    expect(built.summary[0]).toBe('TINY 2×2');
    expect(buildForceModels({ gravity: { model: 'j2' } }).models[0]).toBeInstanceOf(ZonalGravityForce);
    expect(buildForceModels({ gravity: { model: 'zonal', degree: 4 } }).summary).toEqual(['EGM96 J2…J4']);
    expect(buildForceModels({ gravity: { model: 'point-mass' } }).models[0]).toBeInstanceOf(PointMassGravityForce);
    const b = buildForceModels({ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', ballisticCoefficientKgPerM2: 120 } }, { atmospheres: { exponential: atmosphere }, spaceWeather });
    expect((b.models[1] as DragForce).ballisticCoefficientKgPerM2).toBe(120);
    expect(b.needsSun).toBe(false);
  });

  it('validation errors name the path', () => {
    const deps = { gravityFileTexts: { 'tiny.gfc': TINY }, atmospheres: { exponential: atmosphere }, spaceWeather };
    const cases: [unknown, RegExp][] = [
      [{}, /^gravity: required/],
      [[], /^config: must be an object/],
      [{ gravity: { model: 'j2' }, wind: {} }, /^config\.wind: unknown key/],
      [{ gravity: { model: 'tiny.gfc', degree: 3 } }, /^gravity\.degree: must be ≤ max_degree 2 of tiny\.gfc, got 3/],
      [{ gravity: { model: 'tiny.gfc', degree: 2, order: 3 } }, /^gravity\.order: must be ≤ degree 2, got 3/],
      [{ gravity: { model: 'tiny.gfc', degree: 1.5 } }, /^gravity\.degree: must be an integer/],
      [{ gravity: { model: 'egm2008.gfc' } }, /^gravity\.model: 'egm2008\.gfc' is not j2, zonal, point-mass or a loaded gravity file \(loaded: tiny\.gfc\)/],
      [{ gravity: { model: 'zonal', degree: 8 } }, /^gravity\.degree: must be ≤ 6/],
      [{ gravity: { model: 'j2', degree: 2 } }, /^gravity\.degree: unknown key/],
      [{ gravity: { model: 'j2' }, drag: { atmosphere: 'jb2008', cd: 2, areaM2: 1 } }, /^drag\.atmosphere: 'jb2008' is not loaded \(available: exponential\)/],
      [{ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', cd: -2, areaM2: 1 } }, /^drag\.cd: must be a positive number, got -2/],
      [{ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', cd: 2 } }, /^drag\.areaM2: must be a positive number/],
      [{ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', cd: 2, areaM2: 1, ballisticCoefficientKgPerM2: 5 } }, /^drag: give either/],
      [{ gravity: { model: 'j2' }, thirdBody: ['sun', 'jupiter'] }, /^thirdBody\[1\]: must be "sun" or "moon", got "jupiter"/],
      [{ gravity: { model: 'j2' }, thirdBody: 'sun' }, /^thirdBody: must be an array/],
      [{ gravity: { model: 'j2' }, srp: { cr: 1.3, areaM2: 1, shadow: 'soft' } }, /^srp\.shadow: must be "conical", "cylindrical" or "none", got "soft"/],
      [{ gravity: { model: 'j2' }, srp: { cr: 3, areaM2: 1 } }, /^srp\.cr: must be ≤ 2\.5/],
    ];
    for (const [config, message] of cases) {
      let error: unknown;
      try {
        buildForceModels(config, deps);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(config)).toBeInstanceOf(ForceConfigError);
      expect((error as Error).message).toMatch(message);
    }
    expect(() => buildForceModels({ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', cd: 2, areaM2: 1 } }, { atmospheres: { exponential: atmosphere } })).toThrow(/^drag: needs a space-weather source/);
  });

  it.skipIf(!sharedDataAvailable())('EIGEN-6S: degree beyond 240 is refused with the file name; 70×70 builds', () => {
    const text = readFileSync(sharedPath('gravity', 'eigen-6s.gfc'), 'latin1');
    expect(() => buildForceModels({ gravity: { model: 'eigen-6s.gfc', degree: 300 } }, { gravityFileTexts: { 'eigen-6s.gfc': text } })).toThrow(
      'gravity.degree: must be ≤ max_degree 240 of eigen-6s.gfc, got 300',
    );
    const built = buildForceModels({ gravity: { model: 'eigen-6s.gfc', degree: 70, order: 70 } }, { gravityFileTexts: { 'eigen-6s.gfc': text } });
    expect(built.summary).toEqual(['EIGEN-6S 70×70']);
  });
});
