/**
 * Small dense matrices (arrays of rows) for controller design: products, inverse, exponential.
 * Not for hot loops; the designs run once per simulation.
 */
export type Matrix = number[][];

export function zeros(r: number, c: number): Matrix {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

export function eye(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m[i][i] = 1;
  return m;
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.length, b[0].length);
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < b[0].length; j++) out[i][j] += aik * b[k][j];
    }
  }
  return out;
}

export function matAdd(a: Matrix, b: Matrix, scaleB = 1): Matrix {
  return a.map((row, i) => row.map((v, j) => v + scaleB * b[i][j]));
}

export function transposeM(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** Inverse by Gauss–Jordan elimination with partial pivoting. */
export function inverse(a: Matrix): Matrix {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...eye(n)[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (!(Math.abs(m[p][c]) > 0)) throw new RangeError('matrix is singular');
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c || m[r][c] === 0) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

function normInf(a: Matrix): number {
  return Math.max(...a.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
}

/** e^A by scaling and squaring with an 18-term Taylor series (ample for ‖A/2^s‖ ≤ 0.5). */
export function expm(a: Matrix): Matrix {
  const s = Math.max(0, Math.ceil(Math.log2(normInf(a) / 0.5)));
  const scaled = a.map((row) => row.map((v) => v / 2 ** s));
  let term = eye(a.length);
  let sum = eye(a.length);
  for (let k = 1; k <= 18; k++) {
    term = matMul(term, scaled).map((row) => row.map((v) => v / k));
    sum = matAdd(sum, term);
  }
  for (let i = 0; i < s; i++) sum = matMul(sum, sum);
  return sum;
}
