/** Worker side of the `transfer-windows` job. */
import { findTransferWindows, windowsReport } from '@stationkeeper/core';
import { windowSearch, type TransferWindowsParams } from './transferWindows.js';

export interface WindowsTaskInput {
  params: TransferWindowsParams;
}

export function runTransferWindows(input: WindowsTaskInput, report: (fraction: number, message?: string) => void) {
  const p = input.params;
  report(0, `scanning ${p.years} years of departures`);
  const windows = findTransferWindows(windowSearch(p));
  return { from: p.from, to: p.to, start_utc: p.start, years: p.years, windows: windowsReport(windows, p.c3_margin_km2_s2) };
}
