/**
 * One-time warnings for degraded modes (no EOP loaded, a date outside a table, …).
 * Core never writes to a console directly except through this handler, so the CLI, server and
 * tests can route or silence warnings.
 */
export type WarningHandler = (message: string, key: string) => void;

const defaultHandler: WarningHandler = (message) => console.warn(message);

let handler: WarningHandler = defaultHandler;
const seen = new Set<string>();

/** Send `message` to the warning handler the first time `key` is seen in this process. */
export function warnOnce(key: string, message: string): void {
  if (seen.has(key)) return;
  seen.add(key);
  handler(message, key);
}

/** Replace the warning handler; pass nothing to restore the default (`console.warn`). */
export function setWarningHandler(next?: WarningHandler): void {
  handler = next ?? defaultHandler;
}

/** Forget which keys have warned (tests, or a long-running server after reloading data). */
export function resetWarnings(): void {
  seen.clear();
}
