/**
 * "If the reboosts stopped": the lifetime band from /lifetime when the server has the decay engine
 * wired; until then (501) the panel says what it will show and why it is empty.
 */
import { ApiError, describeError, getJson } from './api.js';
import { fmtDate, h } from './format.js';
import { keyValueList } from './scenario.js';

export async function loadLifetime(norad: number): Promise<void> {
  const box = document.getElementById('lifetime')!;
  try {
    const body = await getJson<Record<string, unknown>>(`/api/objects/${norad}/lifetime`);
    const band = pickBand(body);
    box.replaceChildren(
      h('p', {}, 'With no further reboosts from the shown time, the station would re-enter:'),
      band
        ? h(
            'p',
            { class: 'big-band', 'data-testid': 'lifetime-band' },
            h('strong', { text: `${fmtDate(band.early)} … ${fmtDate(band.late)}` }),
            band.median ? ` (median ${fmtDate(band.median)})` : '',
          )
        : '',
      keyValueList(body),
    );
  } catch (err) {
    if (err instanceof ApiError && err.notAvailable) {
      box.replaceChildren(
        h('p', { class: 'placeholder', 'data-testid': 'lifetime-unavailable' },
          h('strong', { text: 'Not available yet. ' }),
          'This panel will show the band of re-entry dates if nobody reboosted the station from the shown time on ' +
            '(drag from the space-weather forecast, spread over solar activity). The server does not compute it yet: ',
          h('q', { text: err.serverMessage }),
          ` (HTTP ${err.status}).`),
      );
    } else {
      box.replaceChildren(h('p', { class: 'status', text: `Lifetime unavailable: ${describeError(err)}` }));
    }
  }
}

function pickBand(o: Record<string, unknown>): { early: string; late: string; median?: string } | null {
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const early = s('reentry_earliest_utc') ?? s('earliest_utc') ?? s('reentry_p05_utc') ?? s('p05_utc');
  const late = s('reentry_latest_utc') ?? s('latest_utc') ?? s('reentry_p95_utc') ?? s('p95_utc');
  const median = s('reentry_median_utc') ?? s('median_utc');
  return early && late ? { early, late, median } : null;
}
