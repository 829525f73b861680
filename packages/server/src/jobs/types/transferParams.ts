/** Parameter pieces shared by the `porkchop` and `transfer-windows` jobs. */
import { Type } from '@sinclair/typebox';
import { Epoch, TRANSFER_BODIES, TransferInputError } from '@stationkeeper/core';
import { JobParamsError } from '../registry.js';

export const BodyParam = Type.Union(TRANSFER_BODIES.map((b) => Type.Literal(b)), { description: 'earth or mars' });

export function isoParam(text: string, field: string): Epoch {
  try {
    return Epoch.fromIso(text);
  } catch {
    throw new JobParamsError(field, `must be an ISO 8601 UTC time such as 2026-01-01T00:00:00Z, got ${JSON.stringify(text)}`);
  }
}

/**
 * Run core's checks; a TransferInputError "field: why" (or "field why") becomes
 * JobParamsError(prefix + field with underscores), so the 400 names the request's own param.
 */
export function relabelTransferError(prefix: string, work: () => unknown): void {
  try {
    work();
  } catch (e) {
    if (!(e instanceof TransferInputError)) throw e;
    const m = /^([a-z][a-z-]*)(?:: | )(.*)$/.exec(e.message);
    throw m ? new JobParamsError(prefix + m[1].replace(/-/g, '_'), m[2]) : new JobParamsError(prefix.replace(/\.$/, ''), e.message);
  }
}
