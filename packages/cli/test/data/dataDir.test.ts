import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MissingDataFileError,
  fetchCommandFor,
  optionalDataFile,
  requireDataFile,
  resolveDataDir,
} from '@stationkeeper/runtime';
import { sharedDataAvailable, SHARED_DATA } from '../../../../test/sharedData.js';

const tmp = mkdtempSync(join(tmpdir(), 'sk-datadir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolveDataDir', () => {
  const env = { STATIONKEEPER_DATA: '/srv/sk-data' };

  it('prefers --data-dir, then STATIONKEEPER_DATA, then ~/.cache/stationkeeper', () => {
    expect(resolveDataDir({ dataDir: '/opt/d', env, homeDir: '/home/u' })).toBe('/opt/d');
    expect(resolveDataDir({ env, homeDir: '/home/u' })).toBe('/srv/sk-data');
    expect(resolveDataDir({ env: {}, homeDir: '/home/u' })).toBe('/home/u/.cache/stationkeeper');
  });

  it('ignores empty values and resolves relative paths against cwd', () => {
    expect(resolveDataDir({ dataDir: '', env: { STATIONKEEPER_DATA: ' ' }, homeDir: '/h' })).toBe('/h/.cache/stationkeeper');
    expect(resolveDataDir({ env: { STATIONKEEPER_DATA: '../shared/data' }, cwd: '/work/main' })).toBe('/work/shared/data');
  });
});

describe('requireDataFile / optionalDataFile', () => {
  mkdirSync(join(tmp, 'eop'), { recursive: true });
  writeFileSync(join(tmp, 'eop', 'tai-utc.dat'), 'x');

  it('returns the absolute path of a present file', () => {
    expect(requireDataFile(tmp, 'eop/tai-utc.dat')).toBe(join(tmp, 'eop', 'tai-utc.dat'));
    expect(optionalDataFile(tmp, 'eop/tai-utc.dat')).toBe(join(tmp, 'eop', 'tai-utc.dat'));
  });

  it('names the missing file and the command that fetches it', () => {
    expect(optionalDataFile(tmp, 'eop/EOP-All.txt')).toBeUndefined();
    let err: unknown;
    try {
      requireDataFile(tmp, 'eop/EOP-All.txt');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingDataFileError);
    const msg = (err as Error).message;
    expect(msg).toContain(`missing ${join(tmp, 'eop', 'EOP-All.txt')} — run \`stationkeeper data fetch --only eop`);
    // tmp is not the default data directory, so the command says where to put it.
    expect(msg).toContain(`--data-dir ${tmp}\``);
    expect(() => requireDataFile(tmp, 'nrlmsise/nrlmsise00-coefficients.json')).toThrow(/data fetch --only msis/);
    expect(() => requireDataFile(tmp, 'gravity/EGM96.gfc')).toThrow(/data fetch --only gravity/);
    expect(() => requireDataFile(tmp, 'spaceweather/SW-All.csv')).toThrow(/data fetch --only spaceweather/);
  });

  it('omits --data-dir when the directory is the one a plain command would use', () => {
    expect(fetchCommandFor('tle/stations.txt', resolveDataDir())).toBe('stationkeeper data fetch --only tle');
  });

  it('says so when no dataset provides the file', () => {
    expect(() => requireDataFile(tmp, 'gravity/eigen-6s.gfc')).toThrow(/does not provide gravity\/eigen-6s\.gfc/);
  });

  it('refuses paths that leave the data directory', () => {
    expect(() => optionalDataFile(tmp, '../etc/passwd')).toThrow(/relative inside the data directory/);
    expect(() => requireDataFile(tmp, '/etc/passwd')).toThrow(/relative inside the data directory/);
  });
});

describe.skipIf(!sharedDataAvailable())('../shared/data has the data-directory layout', () => {
  it('finds the shared EOP, space weather and NRLMSISE files by their catalogue paths', () => {
    for (const p of ['eop/EOP-All.txt', 'eop/finals2000A.all', 'eop/tai-utc.dat', 'spaceweather/SW-All.csv', 'nrlmsise/nrlmsise00-coefficients.json']) {
      expect(requireDataFile(SHARED_DATA, p)).toBe(join(SHARED_DATA, p));
    }
  });
});
