import { Epoch } from '@stationkeeper/core';

/** A bad command-line value; main() prints its message as the one-line reason and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parse a number option, checking its range; the error names the option and the value. */
export function numberOption(name: string, text: string | undefined, range: { min?: number; max?: number } = {}): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${name} must be a number, got ${JSON.stringify(text)}`);
  const { min, max } = range;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const span = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw new UsageError(`${name} must be ${span}, got ${text}`);
  }
  return value;
}

export function requiredNumber(name: string, text: string | undefined, range: { min?: number; max?: number } = {}): number {
  const v = numberOption(name, text, range);
  if (v === undefined) throw new UsageError(`${name} is required`);
  return v;
}

export function integerOption(name: string, text: string | undefined, range: { min?: number; max?: number } = {}): number | undefined {
  const v = numberOption(name, text, range);
  if (v !== undefined && !Number.isInteger(v)) throw new UsageError(`${name} must be a whole number, got ${text}`);
  return v;
}

/** Parse an ISO 8601 UTC time option (`now` is accepted). */
export function epochOption(name: string, text: string | undefined): Epoch | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'now') return Epoch.now();
  try {
    return Epoch.fromIso(text);
  } catch {
    throw new UsageError(`${name} must be an ISO 8601 UTC time such as 2022-04-02T12:00:00Z, got ${JSON.stringify(text)}`);
  }
}

export function choiceOption<T extends string>(name: string, text: string | undefined, choices: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(text)}`);
  return text as T;
}
