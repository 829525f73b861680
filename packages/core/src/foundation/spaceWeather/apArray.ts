/**
 * The 3-hourly part of the NRLMSISE-00 ap array, shared by the tabulated (observed) and the as-of
 * forecast space-weather sources: both keep a ring of 3-hourly ap for the 3 days before the current
 * UTC day and the day itself, oldest first.
 */

/** 3-hour slots in a UTC day, and seconds in one. */
const SLOTS = 8;
const SLOT_S = 10800;
/** Days of 3-hourly ap the array reaches back: 57 h before the last slot of a day. */
const HISTORY_DAYS = 3;

/**
 * Fills ap[1..6] (NRLMSISE-00 ordering: current 3-hour ap, 3, 6 and 9 h before, the means of the
 * eight values 12–33 h and 36–57 h before) from `history` (length ≥ 32: days d−3 … d, 8 slots
 * each) at `secondsOfDay` into day d. ap[0] (the daily Ap) is left to the caller.
 */
export function fillThreeHourlyAp(ap: Float64Array, history: Float64Array, secondsOfDay: number): void {
  // Slot of the epoch in today's block (a leap second stays in the last slot).
  const now = HISTORY_DAYS * SLOTS + Math.min(Math.floor(secondsOfDay / SLOT_S), SLOTS - 1);
  ap[1] = history[now];
  ap[2] = history[now - 1];
  ap[3] = history[now - 2];
  ap[4] = history[now - 3];
  let s12 = 0;
  let s36 = 0;
  for (let j = 4; j < 12; j++) s12 += history[now - j];
  for (let j = 12; j < 20; j++) s36 += history[now - j];
  ap[5] = s12 / 8;
  ap[6] = s36 / 8;
}
