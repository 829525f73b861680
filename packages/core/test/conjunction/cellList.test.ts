/**
 * The all-pairs cell list returns exactly the owned neighbours within the reach — the same set a
 * brute-force O(N²) scan finds — whatever the cell size, the reach (one or several cells), points
 * 64+ cells apart that share buckets, ties in the owner weight, and left-out points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellList } from '../../src/analysis/conjunction/cellList.js';

function ownedBruteForce(px: Float64Array, py: Float64Array, pz: Float64Array, w: Float64Array, valid: Uint8Array, i: number, reachKm: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < px.length; j++) {
    if (j === i || valid[j] === 0) continue;
    if (w[j] > w[i] || (w[j] === w[i] && j >= i)) continue;
    const d2 = (px[j] - px[i]) ** 2 + (py[j] - py[i]) ** 2 + (pz[j] - pz[i]) ** 2;
    if (d2 <= reachKm * reachKm) out.push(j);
  }
  return out.sort((a, b) => a - b);
}

const coord = fc.double({ min: -9000, max: 9000, noNaN: true });
const point = fc.record({ x: coord, y: coord, z: coord, w: fc.integer({ min: 0, max: 3 }), valid: fc.boolean() });

describe('cell list', () => {
  it('finds exactly the owned points within the reach (brute force, random clouds)', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 120 }),
        fc.double({ min: 50, max: 3000, noNaN: true }),
        fc.double({ min: 0.2, max: 3.5, noNaN: true }),
        (pts, cellKm, reachCells) => {
          const n = pts.length;
          const px = Float64Array.from(pts, (p) => p.x);
          const py = Float64Array.from(pts, (p) => p.y);
          const pz = Float64Array.from(pts, (p) => p.z);
          const w = Float64Array.from(pts, (p) => p.w);
          const valid = Uint8Array.from(pts, (p) => (p.valid ? 1 : 0));
          const list = new CellList();
          list.build(px, py, pz, w, valid, n, cellKm);
          expect(list.count).toBe(valid.reduce((s, v) => s + v, 0));
          const out = new Int32Array(n);
          const d2 = new Float64Array(n);
          const reach = reachCells * cellKm;
          for (let e = 0; e < list.count; e++) {
            const i = list.item[e];
            const k = list.ownedNeighbours(e, reach, out, d2);
            const got = Array.from(out.subarray(0, k), (f) => list.item[f]).sort((a, b) => a - b);
            expect(got).toEqual(ownedBruteForce(px, py, pz, w, valid, i, reach));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells apart cells that share a bucket (64 cells apart on every axis)', () => {
    const cellKm = 10;
    const px = Float64Array.of(5, 645, 5, 11);
    const py = Float64Array.of(5, 645, -635, 5);
    const pz = Float64Array.of(5, 645, 5, 5);
    const w = Float64Array.of(2, 1, 1, 1);
    const list = new CellList();
    list.build(px, py, pz, w, new Uint8Array(4).fill(1), 4, cellKm);
    const e = Array.from(list.item).indexOf(0);
    const out = new Int32Array(4);
    const k = list.ownedNeighbours(e, 15, out, new Float64Array(4));
    expect(Array.from(out.subarray(0, k), (f) => list.item[f])).toEqual([3]);
  });
});
