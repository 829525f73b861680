import { roundTo } from '../../foundation/math/round.js';

/** The scenario result's rounding: km to the metre, three and one decimals. */
export const km = (m: number): number => Math.round(m) / 1000;
export const r3 = (x: number): number => roundTo(x, 3);
export const r1 = (x: number): number => roundTo(x, 1);
