/**
 * NRLMSISE-00 coefficient tables (Picone, Hedin, Drob 2002, JGR 107(A12) 1468; U.S. Naval
 * Research Laboratory). The numbers are not shipped in source: the product reads them at run
 * time from `nrlmsise00-coefficients.json` in the data directory, whose `arrays` object holds
 * the model's BLOCK DATA GTD7BK tables with their declared shapes:
 *   pt[150] pd[9][150] ps[150] pdl[2][25] ptm[50] pdm[8][10] ptl[4][100] pma[10][100]
 *   sam[100] pavgm[10]
 * (unset trailing entries are zero). This module only validates and copies them.
 */

/** Validated coefficient tables, each row copied into its own Float64Array. */
export interface Nrlmsise00Coefficients {
  /** Exospheric temperature expansion. */
  readonly pt: Float64Array;
  /** Density expansions at the lower boundary: He, O, N2, TLB, O2, Ar, H, N, anomalous O. */
  readonly pd: readonly Float64Array[];
  /** Temperature-gradient (S) expansion. */
  readonly ps: Float64Array;
  /** Turbopause / chemistry correction parameters. */
  readonly pdl: readonly Float64Array[];
  /** Global-average temperatures, heights and gradients. */
  readonly ptm: Float64Array;
  /** Per-species mixing and correction parameters. */
  readonly pdm: readonly Float64Array[];
  /** Lower-thermosphere node temperatures (110, 100, 90, 72.5 km). */
  readonly ptl: readonly Float64Array[];
  /** Mesosphere/stratosphere node temperatures and gradients. */
  readonly pma: readonly Float64Array[];
  /** Unused by the model; kept so the file round-trips. */
  readonly sam: Float64Array;
  /** Global-average node temperatures of the middle/lower atmosphere. */
  readonly pavgm: Float64Array;
}

/**
 * Array shapes of the coefficient tables as declared in the C release's `nrlmsise-00_data.c`
 * (BLOCK DATA GTD7BK of the Fortran model): [n] for a row, [rows, cols] for a table. The
 * data-directory JSON holds exactly these arrays, in this order; the data catalogue's file check
 * and the converter of the C release read the same table.
 */
export const NRLMSISE00_ARRAY_SHAPES: Readonly<Record<string, readonly number[]>> = Object.freeze({
  pt: [150],
  pd: [9, 150],
  ps: [150],
  pdl: [2, 25],
  ptm: [50],
  pdm: [8, 10],
  ptl: [4, 100],
  pma: [10, 100],
  sam: [100],
  pavgm: [10],
});

/** Shape of the data directory's nrlmsise/nrlmsise00-coefficients.json, before validation. */
export interface Nrlmsise00CoefficientsJson {
  readonly model: 'NRLMSISE-00';
  readonly description: string;
  readonly arrays: Readonly<Record<string, number[] | number[][]>>;
}

interface ArraySpec {
  readonly name: keyof Nrlmsise00Coefficients;
  /** Rows for a 2-D table, 0 for a 1-D one. */
  readonly rows: number;
  readonly cols: number;
}

const SPECS: readonly ArraySpec[] = (Object.keys(NRLMSISE00_ARRAY_SHAPES) as (keyof Nrlmsise00Coefficients)[]).map((name) => {
  const shape = NRLMSISE00_ARRAY_SHAPES[name];
  return shape.length === 1 ? { name, rows: 0, cols: shape[0] } : { name, rows: shape[0], cols: shape[1] };
});

/** Index of the "parameter set" marker in the 100-term lower-atmosphere expansions (GLOB7S). */
const LOWER_SET_MARKER_INDEX = 99;
const LOWER_SET_MARKER = 2;

const PREFIX = 'nrlmsise00 coefficients';

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  return typeof value === 'number' ? String(value) : typeof value;
}

function readRow(value: unknown, path: string, cols: number): Float64Array {
  if (!Array.isArray(value)) throw new Error(`${PREFIX}: ${path} must be an array of ${cols} numbers, got ${describe(value)}`);
  if (value.length !== cols) throw new Error(`${PREFIX}: ${path} must have ${cols} numbers, got ${value.length}`);
  const row = new Float64Array(cols);
  for (let i = 0; i < cols; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${PREFIX}: ${path}[${i}] must be a finite number, got ${describe(v)}`);
    }
    row[i] = v;
  }
  return row;
}

function readTable(value: unknown, path: string, rows: number, cols: number): Float64Array[] {
  if (!Array.isArray(value)) {
    throw new Error(`${PREFIX}: ${path} must be an array of ${rows} rows of ${cols} numbers, got ${describe(value)}`);
  }
  if (value.length !== rows) throw new Error(`${PREFIX}: ${path} must have ${rows} rows, got ${value.length}`);
  const out: Float64Array[] = [];
  for (let r = 0; r < rows; r++) out.push(readRow(value[r], `${path}[${r}]`, cols));
  return out;
}

/**
 * Validate the parsed contents of `nrlmsise00-coefficients.json` (`{ model, description, arrays }`,
 * or the `arrays` object alone) and return typed copies. Throws an Error naming the offending
 * key, row or element and the expected shape.
 */
export function loadNrlmsise00Coefficients(json: unknown): Nrlmsise00Coefficients {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error(`${PREFIX}: expected a JSON object with an "arrays" member, got ${describe(json)}`);
  }
  const top = json as Record<string, unknown>;
  if ('model' in top && top.model !== 'NRLMSISE-00') {
    throw new Error(`${PREFIX}: "model" must be "NRLMSISE-00", got ${describe(top.model)}`);
  }
  const arrays = ('arrays' in top ? top.arrays : top) as unknown;
  if (arrays === null || typeof arrays !== 'object' || Array.isArray(arrays)) {
    throw new Error(`${PREFIX}: "arrays" must be an object of tables, got ${describe(arrays)}`);
  }
  const src = arrays as Record<string, unknown>;
  const out: Record<string, Float64Array | Float64Array[]> = {};
  for (const spec of SPECS) {
    const path = `arrays.${spec.name}`;
    if (!(spec.name in src)) {
      const shape = spec.rows ? `[${spec.rows}][${spec.cols}]` : `[${spec.cols}]`;
      throw new Error(`${PREFIX}: missing ${path} (expected ${shape} numbers)`);
    }
    out[spec.name] = spec.rows
      ? readTable(src[spec.name], path, spec.rows, spec.cols)
      : readRow(src[spec.name], path, spec.cols);
  }
  const coeffs = out as unknown as Nrlmsise00Coefficients;
  // GLOB7S refuses any parameter set not marked 2 (0 means "unset" and is taken as 2).
  for (const name of ['ptl', 'pma'] as const) {
    coeffs[name].forEach((row, r) => {
      const marker = row[LOWER_SET_MARKER_INDEX];
      if (marker === 0) row[LOWER_SET_MARKER_INDEX] = LOWER_SET_MARKER;
      else if (marker !== LOWER_SET_MARKER) {
        throw new Error(
          `${PREFIX}: arrays.${name}[${r}][${LOWER_SET_MARKER_INDEX}] is the parameter-set marker and must be ${LOWER_SET_MARKER}, got ${marker}`,
        );
      }
    });
  }
  return coeffs;
}
