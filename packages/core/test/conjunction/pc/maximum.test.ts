import { describe, expect, it } from 'vitest';
import { pcFoster, pcIsotropic, pcMaxAlfriend, pcMaxIsotropic, pcMaxScaledCovariance } from '../../../src/analysis/conjunction/pc/index.js';

describe('maximum Pc (Alfano 2005 variant: unknown covariance size)', () => {
  it('isotropic, no covariance: tends to R²/(e d²) at σ = d/√2 for a small disk, and is a true maximum', () => {
    const { pcMax, scale } = pcMaxIsotropic(1000, 5);
    const small = 25 / (Math.E * 1e6);
    expect(Math.abs(pcMax - small) / small).toBeLessThan(1e-4); // O(R²/d²) correction
    expect(Math.abs(scale - 1000 / Math.SQRT2) / (1000 / Math.SQRT2)).toBeLessThan(1e-3);
    for (const f of [0.9, 0.99, 1.01, 1.1]) expect(pcIsotropic(1000, scale * f, 5)).toBeLessThan(pcMax);
  });
  it('isotropic: 1 when the miss is inside the disk, 0 with no disk', () => {
    expect(pcMaxIsotropic(3, 5).pcMax).toBe(1);
    expect(pcMaxIsotropic(3, 0).pcMax).toBe(0);
    expect(() => pcMaxIsotropic(-1, 5)).toThrow(/miss distance must be ≥ 0 m/);
  });
  it('scaled covariance: the numerical maximum of Foster matches Alfriend eq. 21 for a small disk and beats every sampled scale', () => {
    const e = { xM: 300, yM: 50, sigmaXM: 200, sigmaYM: 40, hardBodyRadiusM: 2 };
    const { pcMax, scale } = pcMaxScaledCovariance(e);
    expect(Math.abs(pcMax - pcMaxAlfriend(e)) / pcMax).toBeLessThan(1e-3);
    for (const k of [0.5, 0.95, 1.05, 2]) {
      const f = k * scale;
      expect(pcFoster({ ...e, sigmaXM: e.sigmaXM * f, sigmaYM: e.sigmaYM * f })).toBeLessThan(pcMax);
    }
  });
});
