import type { Epoch } from '../time/epoch.js';
import { SECONDS_PER_DAY, utcDayLengthS } from '../time/epoch.js';

/** Reference day for TAI seconds: keeps them below ~2e9 s so sub-microsecond steps survive. */
const TAI_REFERENCE_MJD = 51544;

/**
 * UTC day number and seconds of day of an epoch, without allocating while the epochs stay in
 * the same UTC day (Epoch.utcDaySeconds returns a new object; it runs once per day here).
 */
export class UtcDayClock {
  /** UTC MJD of the last epoch seen. */
  mjdDay = NaN;
  private startTai = NaN;
  private endTai = NaN;

  /** Seconds of the UTC day of `epoch` (may reach 86400+ inside a leap second); sets mjdDay. */
  secondsOfDay(epoch: Epoch): number {
    const tai = (epoch.taiMjdDay - TAI_REFERENCE_MJD) * SECONDS_PER_DAY + epoch.taiSecondsOfDay;
    if (tai >= this.startTai && tai < this.endTai) return tai - this.startTai;
    const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
    this.mjdDay = mjdDay;
    this.startTai = tai - secondsOfDay;
    this.endTai = this.startTai + utcDayLengthS(mjdDay);
    return secondsOfDay;
  }
}
