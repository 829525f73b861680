/**
 * Force models from a plain JSON configuration (the CLI's `--config forces.json`), Orekit/GMAT
 * style. Data come in through `deps` (gravity-file text or parsed fields, atmosphere instances,
 * a space-weather source) so core stays file-free. Errors name the path: `gravity.degree: …`.
 *
 * {
 *   "gravity":   { "model": "eigen-6s.gfc" | "j2" | "zonal" | "point-mass", "degree": 70, "order": 70 },
 *   "drag":      { "atmosphere": "nrlmsise00", "cd": 2.2, "areaM2": 1500 }   (or "ballisticCoefficientKgPerM2")
 *   "thirdBody": ["sun", "moon"],
 *   "srp":       { "cr": 1.3, "areaM2": 1500, "shadow": "conical" }
 * }
 */
import type { AtmosphereModel } from '../atmosphere/types.js';
import type { GravityFieldCoefficients } from '../gravity/coefficients.js';
import { parseIcgemGfc } from '../gravity/icgemGfc.js';
import { SphericalHarmonicGravity } from '../gravity/sphericalHarmonics.js';
import { EGM96_GM_M3_PER_S2, EGM96_J, EGM96_J2_MODEL, EGM96_RADIUS_M } from '../gravity/zonal.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { DragForce, type DragSpaceWeatherSource } from './drag.js';
import { PointMassGravityForce, SphericalHarmonicGravityForce, ZonalGravityForce } from './gravity.js';
import { SolarRadiationPressureForce } from './srp.js';
import { ThirdBodyForce } from './thirdBody.js';
import type { ForceModel } from './types.js';

export class ForceConfigError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ForceConfigError';
  }
}

export interface ForceModelDeps {
  /** Gravity files by name (as in gravity.model), as text; parsed here. */
  gravityFileTexts?: Record<string, string>;
  /** Or already parsed fields by name. */
  gravityFields?: Record<string, GravityFieldCoefficients>;
  /** Epoch at which time-variable gravity terms are evaluated (else their static part). */
  gravityEpoch?: Epoch;
  /** Atmosphere instances by name ("nrlmsise00", "harris-priester", "exponential", …). */
  atmospheres?: Record<string, AtmosphereModel>;
  spaceWeather?: DragSpaceWeatherSource;
}

export interface BuiltForceModels {
  models: ForceModel[];
  /** The propagator must fill ctx.sunGcrfM (third body Sun or SRP). */
  needsSun: boolean;
  /** The propagator must fill ctx.moonGcrfM. */
  needsMoon: boolean;
  /** One line per model, for logs. */
  summary: string[];
}

type Json = Record<string, unknown>;

function objectAt(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ForceConfigError(path, 'must be an object');
  return value as Json;
}

function onlyKeys(obj: Json, path: string, allowed: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new ForceConfigError(`${path}.${key}`, `unknown key (allowed: ${allowed.join(', ')})`);
  }
}

/**
 * Upper bounds beyond which a value describes no spacecraft (and the products of drag/SRP
 * overflow: areaM2 = 1.5e303 ran until the epoch became non-finite). The ISS, the largest
 * spacecraft flown, has about 2,500 m² of arrays and 450 t; the bounds leave a factor 400.
 */
const PHYSICAL_MAX: Record<string, number> = { areaM2: 1e6, cd: 10, ballisticCoefficientKgPerM2: 1e6 };

function positiveNumber(obj: Json, key: string, path: string, required = true): number | undefined {
  const v = obj[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new ForceConfigError(`${path}.${key}`, `must be a positive number, got ${JSON.stringify(v)}`);
  }
  const max = PHYSICAL_MAX[key];
  if (max !== undefined && v > max) throw new ForceConfigError(`${path}.${key}`, `must be ≤ ${max} (no spacecraft is near it), got ${v}`);
  return v;
}

function integerIn(obj: Json, key: string, path: string, lo: number, hi: number, hiWhat: string): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ForceConfigError(`${path}.${key}`, `must be an integer, got ${JSON.stringify(v)}`);
  if (v < lo) throw new ForceConfigError(`${path}.${key}`, `must be ≥ ${lo}, got ${v}`);
  if (v > hi) throw new ForceConfigError(`${path}.${key}`, `must be ≤ ${hiWhat}, got ${v}`);
  return v;
}

function buildGravity(config: Json, deps: ForceModelDeps): ForceModel {
  const path = 'gravity';
  onlyKeys(config, path, ['model', 'degree', 'order']);
  const model = config.model;
  if (typeof model !== 'string' || model === '') throw new ForceConfigError(`${path}.model`, 'must be a model name or gravity file name');
  if (model === 'point-mass') {
    onlyKeys(config, path, ['model']);
    return new PointMassGravityForce(EGM96_GM_M3_PER_S2);
  }
  if (model === 'j2') {
    onlyKeys(config, path, ['model']);
    return new ZonalGravityForce(EGM96_J2_MODEL, 'EGM96 J2');
  }
  if (model === 'zonal') {
    onlyKeys(config, path, ['model', 'degree']);
    const degree = integerIn(config, 'degree', path, 2, 6, '6 (closed forms J2…J6)') ?? 6;
    const j = EGM96_J.slice(0, degree + 1);
    return new ZonalGravityForce({ gmM3PerS2: EGM96_GM_M3_PER_S2, radiusM: EGM96_RADIUS_M, j }, `EGM96 J2…J${degree}`);
  }
  let field = deps.gravityFields?.[model];
  const text = deps.gravityFileTexts?.[model];
  if (!field && text === undefined) {
    throw new ForceConfigError(`${path}.model`, `'${model}' is not j2, zonal, point-mass or a loaded gravity file (loaded: ${[...Object.keys(deps.gravityFields ?? {}), ...Object.keys(deps.gravityFileTexts ?? {})].join(', ') || 'none'})`);
  }
  // Header max degree without parsing all coefficients twice: parse once at the requested degree.
  const fileMax = field ? field.maxDegree : headerMaxDegree(text!, model);
  const degree = integerIn(config, 'degree', path, 0, fileMax, `max_degree ${fileMax} of ${model}`) ?? fileMax;
  const order = integerIn(config, 'order', path, 0, degree, `degree ${degree}`) ?? degree;
  if (!field) field = parseIcgemGfc(text!, model, { maxDegree: degree, epoch: deps.gravityEpoch });
  return new SphericalHarmonicGravityForce(new SphericalHarmonicGravity(field, degree, Math.min(order, field.maxOrder)));
}

function headerMaxDegree(text: string, fileName: string): number {
  const m = /^max_degree\s+(\d+)/m.exec(text.slice(0, 20000));
  if (!m) throw new ForceConfigError('gravity.model', `${fileName}: no max_degree in the header`);
  return Number(m[1]);
}

/** Build the force models a configuration names; throws ForceConfigError naming the path. */
export function buildForceModels(configInput: unknown, deps: ForceModelDeps = {}): BuiltForceModels {
  const config = objectAt(configInput, 'config');
  onlyKeys(config, 'config', ['gravity', 'drag', 'thirdBody', 'srp']);
  const models: ForceModel[] = [];
  let needsSun = false;
  let needsMoon = false;

  if (config.gravity === undefined) throw new ForceConfigError('gravity', "required (e.g. { \"model\": \"j2\" })");
  models.push(buildGravity(objectAt(config.gravity, 'gravity'), deps));

  if (config.drag !== undefined) {
    const path = 'drag';
    const drag = objectAt(config.drag, path);
    onlyKeys(drag, path, ['atmosphere', 'cd', 'areaM2', 'ballisticCoefficientKgPerM2']);
    const name = drag.atmosphere;
    if (typeof name !== 'string') throw new ForceConfigError(`${path}.atmosphere`, 'must be an atmosphere name');
    const atmosphere = deps.atmospheres?.[name];
    if (!atmosphere) {
      throw new ForceConfigError(`${path}.atmosphere`, `'${name}' is not loaded (available: ${Object.keys(deps.atmospheres ?? {}).join(', ') || 'none'})`);
    }
    if (!deps.spaceWeather) throw new ForceConfigError(path, 'needs a space-weather source (deps.spaceWeather)');
    if (drag.ballisticCoefficientKgPerM2 !== undefined) {
      if (drag.cd !== undefined || drag.areaM2 !== undefined) {
        throw new ForceConfigError(path, 'give either ballisticCoefficientKgPerM2 or cd + areaM2, not both');
      }
      const b = positiveNumber(drag, 'ballisticCoefficientKgPerM2', path)!;
      models.push(new DragForce({ atmosphere, spaceWeather: deps.spaceWeather, ballisticCoefficientKgPerM2: b }));
    } else {
      const cd = positiveNumber(drag, 'cd', path)!;
      const areaM2 = positiveNumber(drag, 'areaM2', path)!;
      models.push(new DragForce({ atmosphere, spaceWeather: deps.spaceWeather, cd, areaM2 }));
    }
  }

  if (config.thirdBody !== undefined) {
    const list = config.thirdBody;
    if (!Array.isArray(list)) throw new ForceConfigError('thirdBody', 'must be an array of "sun" and/or "moon"');
    const seen = new Set<string>();
    list.forEach((body, i) => {
      if (body !== 'sun' && body !== 'moon') throw new ForceConfigError(`thirdBody[${i}]`, `must be "sun" or "moon", got ${JSON.stringify(body)}`);
      if (seen.has(body)) throw new ForceConfigError(`thirdBody[${i}]`, `"${body}" listed twice`);
      seen.add(body);
      models.push(new ThirdBodyForce(body));
      if (body === 'sun') needsSun = true;
      else needsMoon = true;
    });
  }

  if (config.srp !== undefined) {
    const path = 'srp';
    const srp = objectAt(config.srp, path);
    onlyKeys(srp, path, ['cr', 'areaM2', 'shadow']);
    const cr = positiveNumber(srp, 'cr', path)!;
    if (cr > 2.5) throw new ForceConfigError(`${path}.cr`, `must be ≤ 2.5, got ${cr}`);
    const areaM2 = positiveNumber(srp, 'areaM2', path)!;
    const shadow = srp.shadow ?? 'conical';
    if (shadow !== 'conical' && shadow !== 'cylindrical' && shadow !== 'none') {
      throw new ForceConfigError(`${path}.shadow`, `must be "conical", "cylindrical" or "none", got ${JSON.stringify(shadow)}`);
    }
    models.push(new SolarRadiationPressureForce({ cr, areaM2, shadow }));
    needsSun = true;
  }

  return { models, needsSun, needsMoon, summary: models.map((m) => m.name) };
}
