/**
 * What the tabulated and the as-of forecast space-weather sources share: with the standard
 * NRLMSISE-00 switches the inputs change only from one UTC day to the next (F10.7 of the day
 * before, the centred 81-day mean, the daily Ap, 3-hourly ap of days d−3 … d), so a source loads a
 * day once and serves every epoch in it from these fields without allocating.
 */
import type { Epoch } from '../time/epoch.js';
import { fillThreeHourlyAp } from './apArray.js';
import { emptySpaceWeatherValues, type SpaceWeatherKind, type SpaceWeatherSource, type SpaceWeatherValues } from './types.js';
import { UtcDayClock } from './utcDayClock.js';

export abstract class DailySpaceWeatherSource implements SpaceWeatherSource {
  abstract readonly name: string;
  private readonly clock = new UtcDayClock();
  private cachedDay = NaN;
  /** The loaded day's values, set by loadDay. */
  protected dayF107 = NaN;
  protected dayF107a = NaN;
  protected dayAp = NaN;
  protected dayKind: SpaceWeatherKind = 'observed';
  /** 3-hourly ap of days d−3 … d, 8 slots each, oldest first (fillThreeHourlyAp). */
  protected readonly history = new Float64Array(32);

  at(epoch: Epoch): SpaceWeatherValues {
    return this.atInto(epoch, emptySpaceWeatherValues());
  }

  atInto(epoch: Epoch, out: SpaceWeatherValues): SpaceWeatherValues {
    const sod = this.clock.secondsOfDay(epoch);
    const day = this.clock.mjdDay;
    if (day !== this.cachedDay) {
      this.loadDay(day, epoch);
      this.cachedDay = day;
    }
    out.f107 = this.dayF107;
    out.f107a = this.dayF107a;
    out.kind = this.dayKind;
    const ap = out.ap;
    ap[0] = this.dayAp;
    fillThreeHourlyAp(ap, this.history, sod);
    return out;
  }

  /** Set the day fields and the history for UTC day `day` (MJD); throw, naming `epoch`, where the source has no data. */
  protected abstract loadDay(day: number, epoch: Epoch): void;
}
