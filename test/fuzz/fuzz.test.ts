/**
 * Seeded fuzzing of every input format in `npm test` (300 mutated inputs per format, about 4,500
 * in all; `npm run fuzz` runs 100,000 per format): no crash, no input over 1 s, no silent NaN.
 * The harness itself is checked first: each seed is accepted, and known-bad inputs are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate } from './mutate.js';
import { FUZZ_TARGETS, runCase } from './targets.js';

const RUNS_PER_FORMAT = 300;
const SLOW_MS = 1000;

describe('fuzz targets: the harness sees what it should', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s: every seed is accepted, garbage is rejected', (_name, target) => {
    for (const seed of target.seeds()) expect(runCase(target, seed)).toMatchObject({ outcome: 'accepted' });
    expect(runCase(target, '').outcome).toBe('rejected');
    expect(runCase(target, '\u0000'.repeat(20)).outcome).toBe('rejected');
  });

  it('a mutation is seeded: the same seed gives the same text, another seed another', () => {
    const base = FUZZ_TARGETS[1].seeds()[0];
    expect(mutate(base, 42)).toBe(mutate(base, 42));
    expect(new Set([1, 2, 3, 4, 5].map((s) => mutate(base, s))).size).toBeGreaterThan(3);
  });
});

describe('fuzz: mutated inputs are accepted or refused with the library’s own error', () => {
  it.each(FUZZ_TARGETS.map((t, i) => [t.name, t, i] as const))('%s', (_name, target, index) => {
    const bases = target.seeds();
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (k, caseSeed) => {
        const text = mutate(bases[k], caseSeed);
        const r = runCase(target, text);
        const why = r.error instanceof Error ? `${r.error.name}: ${r.error.message.slice(0, 200)}` : r.outcome;
        expect(r.outcome, `case seed ${caseSeed}: ${why}`).not.toBe('crashed');
        expect(r.outcome, `case seed ${caseSeed}`).not.toBe('silent-nan');
        expect(r.ms, `case seed ${caseSeed}: ${text.length} chars`).toBeLessThan(SLOW_MS);
        outcomes[r.outcome as 'accepted' | 'rejected']++;
      }),
      { seed: 19 + index, numRuns: RUNS_PER_FORMAT },
    );
    // Mutations must both keep some inputs valid and break others, or the suite tests nothing.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(RUNS_PER_FORMAT / 4);
  });
});
