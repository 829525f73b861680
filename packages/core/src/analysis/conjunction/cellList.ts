/**
 * Cell list of points at one instant, sorted by cell: a counting sort puts the points of one
 * cell next to each other in memory, so a neighbourhood scan reads short contiguous runs instead
 * of chasing linked lists through a large sample block (the all-pairs screening is bound by
 * memory latency, not arithmetic). Buckets are the cell coordinates modulo 2^k on each axis in
 * lexicographic order, so the cells (x, y, z−1…z+1) of a column are adjacent buckets: one
 * contiguous run per column, nine per query, and consecutive queries read the same runs. Each
 * entry keeps its cell coordinates, so cells 2^k apart that share a bucket cost an integer
 * comparison, never a false candidate. k grows with the point count (2^3k ≥ 4N, k ≤ 6: 64 cells
 * of 170 km span LEO), since every rebuild also sweeps the bucket table. Arrays are reused.
 */
const MAX_AXIS_BITS = 6;

function axisBitsFor(n: number): number {
  let bits = 2;
  while (bits < MAX_AXIS_BITS && 1 << (3 * bits) < 4 * n) bits++;
  return bits;
}

export class CellList {
  /** Sorted entries: coordinates (km), weight (the owner rule), original item index, cell. */
  x: Float64Array = new Float64Array(0);
  y: Float64Array = new Float64Array(0);
  z: Float64Array = new Float64Array(0);
  w: Float64Array = new Float64Array(0);
  item: Int32Array = new Int32Array(0);
  private cx: Int32Array = new Int32Array(0);
  private cy: Int32Array = new Int32Array(0);
  private cz: Int32Array = new Int32Array(0);
  /** Entries of bucket b are start[b] … start[b+1]−1. */
  private start: Int32Array = new Int32Array(0);
  private bits = 0;
  private mask = 0;
  private bucketOfItem: Int32Array = new Int32Array(0);
  private inv = 1;
  cellKm = 1;
  count = 0;

  private ensure(n: number): void {
    if (this.x.length >= n) return;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    this.w = new Float64Array(n);
    this.item = new Int32Array(n);
    this.cx = new Int32Array(n);
    this.cy = new Int32Array(n);
    this.cz = new Int32Array(n);
    this.bucketOfItem = new Int32Array(n);
  }

  private bucket(cx: number, cy: number, cz: number): number {
    const m = this.mask;
    return ((cx & m) << (2 * this.bits)) | ((cy & m) << this.bits) | (cz & m);
  }

  /** Insert items 0…n−1 at (px, py, pz)[i] with weight w[i]; items with valid[i] = 0 are left out. */
  build(px: Float64Array, py: Float64Array, pz: Float64Array, w: Float64Array, valid: Uint8Array, n: number, cellKm: number): void {
    this.ensure(n);
    this.cellKm = cellKm;
    const inv = (this.inv = 1 / cellKm);
    const bits = axisBitsFor(n);
    const buckets = 1 << (3 * bits);
    if (bits !== this.bits) {
      this.bits = bits;
      this.mask = (1 << bits) - 1;
      this.start = new Int32Array(buckets + 1);
    }
    const start = this.start;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      if (valid[i] === 0) continue;
      const b = this.bucket(Math.floor(px[i] * inv), Math.floor(py[i] * inv), Math.floor(pz[i] * inv));
      this.bucketOfItem[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    this.count = start[buckets];
    for (let i = 0; i < n; i++) {
      if (valid[i] === 0) continue;
      const e = start[this.bucketOfItem[i]]++;
      this.x[e] = px[i];
      this.y[e] = py[i];
      this.z[e] = pz[i];
      this.w[e] = w[i];
      this.item[e] = i;
      this.cx[e] = Math.floor(px[i] * inv);
      this.cy[e] = Math.floor(py[i] * inv);
      this.cz[e] = Math.floor(pz[i] * inv);
    }
    // start[b] now holds bucket b's end; shift forward by one bucket.
    for (let b = buckets; b > 0; b--) start[b] = start[b - 1];
    start[0] = 0;
  }

  /**
   * Entries f within reachKm of entry e that e owns — w[f] < w[e], ties: the lower item — into
   * out (entry indices), with their squared distances in d2; returns how many. Columns whose
   * (x, y) box is farther than reachKm from the point are not scanned.
   */
  ownedNeighbours(e: number, reachKm: number, out: Int32Array, d2: Float64Array): number {
    const x = this.x[e], y = this.y[e];
    const cx = this.cx[e], cy = this.cy[e], cz = this.cz[e];
    const c = this.cellKm;
    const nc = Math.max(1, Math.ceil(reachKm * this.inv));
    // Columns are skipped by their box; the slack covers rounding of floor(p / c) at a box edge.
    const lim = reachKm + 1e-6 * c;
    const lim2 = lim * lim;
    const zLo = cz - nc, zHi = cz + nc;
    const mask = this.mask;
    const kLo = zLo & mask, kHi = zHi & mask;
    const whole = 2 * nc + 1 > mask || kLo > kHi;
    let k = 0;
    for (let dx = -nc; dx <= nc; dx++) {
      const gx = gapKm(x, cx + dx, c);
      if (gx > lim) continue;
      for (let dy = -nc; dy <= nc; dy++) {
        const gy = gapKm(y, cy + dy, c);
        if (gx * gx + gy * gy > lim2) continue;
        const X = cx + dx, Y = cy + dy;
        const column = this.bucket(X, Y, 0);
        // The z run wraps modulo 2^k (or covers it): scan the whole column, filtered by cell.
        const from = this.start[whole ? column : column | kLo];
        const to = this.start[(whole ? column | mask : column | kHi) + 1];
        k = this.scan(e, reachKm, X, Y, zLo, zHi, from, to, out, d2, k);
      }
    }
    return k;
  }

  /** Scan entries from … to−1 for those of column (X, Y), cells zLo…zHi, owned by e and within reach. */
  private scan(e: number, reachKm: number, X: number, Y: number, zLo: number, zHi: number, from: number, to: number, out: Int32Array, d2: Float64Array, k: number): number {
    const x = this.x[e], y = this.y[e], z = this.z[e], we = this.w[e], ie = this.item[e];
    const reach2 = reachKm * reachKm;
    for (let f = from; f < to; f++) {
      const fz = this.cz[f];
      if (this.cx[f] !== X || this.cy[f] !== Y || fz < zLo || fz > zHi) continue;
      const wf = this.w[f];
      if (wf > we || (wf === we && this.item[f] >= ie)) continue;
      const ex = this.x[f] - x, ey = this.y[f] - y, ez = this.z[f] - z;
      const q = ex * ex + ey * ey + ez * ez;
      if (q > reach2) continue;
      out[k] = f;
      d2[k] = q;
      k++;
    }
    return k;
  }
}

/** Distance from coordinate p to the slab of cell index i (cells of side c), 0 inside it. */
function gapKm(p: number, i: number, c: number): number {
  const lo = i * c;
  if (p < lo) return lo - p;
  const hi = lo + c;
  return p > hi ? p - hi : 0;
}
