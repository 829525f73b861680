/**
 * Uniform spatial hash grid over object positions at one instant: cells of side `cellKm`, hashed
 * into a power-of-two table (a hash collision only adds candidates, which the caller's distance
 * test removes). Rebuilt every time step in O(N); a neighbourhood query visits (2n+1)³ cells.
 * Arrays are reused between steps.
 */
export class SpatialHashGrid {
  private head: Int32Array = new Int32Array(0);
  private next: Int32Array = new Int32Array(0);
  private cellX: Int32Array = new Int32Array(0);
  private cellY: Int32Array = new Int32Array(0);
  private cellZ: Int32Array = new Int32Array(0);
  private stamp: Int32Array = new Int32Array(0);
  private stampNow = 0;
  private mask = 0;
  cellKm = 1;

  /** Insert items 0..count−1 with positions pos[3·item + c] (km); items with valid[item] = 0 are left out. */
  build(pos: Float64Array, stride: number, offset: number, count: number, valid: Uint8Array, cellKm: number): void {
    this.cellKm = cellKm;
    let size = 1024;
    while (size < 2 * count) size <<= 1;
    if (this.head.length !== size) {
      this.head = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.stampNow = 0;
    }
    if (this.next.length < count) {
      this.next = new Int32Array(count);
      this.cellX = new Int32Array(count);
      this.cellY = new Int32Array(count);
      this.cellZ = new Int32Array(count);
    }
    this.mask = size - 1;
    this.head.fill(-1);
    const inv = 1 / cellKm;
    for (let i = 0; i < count; i++) {
      if (valid[i] === 0) continue;
      const o = offset + i * stride;
      const cx = Math.floor(pos[o] * inv);
      const cy = Math.floor(pos[o + 1] * inv);
      const cz = Math.floor(pos[o + 2] * inv);
      this.cellX[i] = cx;
      this.cellY[i] = cy;
      this.cellZ[i] = cz;
      const b = this.bucket(cx, cy, cz);
      this.next[i] = this.head[b];
      this.head[b] = i;
    }
  }

  private bucket(cx: number, cy: number, cz: number): number {
    return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663) ^ Math.imul(cz, 83492791)) & this.mask;
  }

  /**
   * Call visit(j) once for every item in the cells within `reach` cells of item i's cell (i
   * itself included), each bucket once.
   */
  forNeighbours(i: number, reach: number, visit: (j: number) => void): void {
    if (++this.stampNow === 0x7fffffff) {
      this.stamp.fill(0);
      this.stampNow = 1;
    }
    const now = this.stampNow;
    const cx = this.cellX[i];
    const cy = this.cellY[i];
    const cz = this.cellZ[i];
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -reach; dy <= reach; dy++) {
        for (let dz = -reach; dz <= reach; dz++) {
          const b = this.bucket(cx + dx, cy + dy, cz + dz);
          if (this.stamp[b] === now) continue;
          this.stamp[b] = now;
          for (let j = this.head[b]; j >= 0; j = this.next[j]) visit(j);
        }
      }
    }
  }
}
