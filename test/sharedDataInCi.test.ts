import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireSharedDataInCi } from './globalSetup.js';

describe('reference data in CI', () => {
  const missing = join(tmpdir(), 'stationkeeper-no-such-shared-data');

  it('fails the run when CI=true and the reference data is missing', () => {
    expect(() => requireSharedDataInCi(missing, { CI: 'true' })).toThrow(/CI=true.*missing/);
  });

  it('lets a local run without reference data go on (those tests skip with a notice)', () => {
    expect(() => requireSharedDataInCi(missing, {})).not.toThrow();
  });

  it('passes in CI when the data is there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-shared-'));
    try {
      expect(() => requireSharedDataInCi(dir, { CI: 'true' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
