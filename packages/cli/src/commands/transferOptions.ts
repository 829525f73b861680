/**
 * Options shared by `lambert`, `porkchop` and `windows`: bodies, dates, orbit altitudes; core's
 * TransferInputError becomes a UsageError (exit 2, one line).
 */
import { writeFileSync } from 'node:fs';
import { TransferInputError, type Epoch } from '@stationkeeper/core';
import { epochOption, numberOption, UsageError } from '../util/options.js';

export interface TransferIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
}

/** Real stdout/stderr and files, with the parts a test passes replaced. */
export function transferIo(override: Partial<TransferIo> = {}): TransferIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    writeFile: (p, t) => writeFileSync(p, t),
    ...override,
  };
}

export function requiredEpoch(name: string, text: string | undefined): Epoch {
  const e = epochOption(name, text);
  if (!e) throw new UsageError(`${name} is required`);
  return e;
}

export function requiredBody(name: string, text: string | undefined): string {
  if (text === undefined || text.trim() === '') throw new UsageError(`${name} is required (earth or mars)`);
  return text.trim().toLowerCase();
}

/** Altitude option in km → metres (0 … 100,000 km). */
export function altitudeOptionM(name: string, text: string | undefined): number | undefined {
  const km = numberOption(name, text, { min: 0, max: 100_000 });
  return km === undefined ? undefined : km * 1000;
}

/** Run core work, turning its input errors into usage errors with the flag's leading dashes. */
export function asUsage<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof TransferInputError || e instanceof RangeError) throw new UsageError(flagged(e.message));
    throw e;
  }
}

/** "depart-end: …" → "--depart-end: …" (core names fields without dashes). */
function flagged(message: string): string {
  return message.replace(/^([a-z][a-z0-9-]*)(:| must| is| ")/, (_m, field: string, rest: string) => `--${field}${rest}`);
}
