/**
 * The time control beside the clock: a chosen time (ISO UTC, also `?at=` in the address so the
 * view can be shared), now, pause/play and the speed ×1 … ×1000. It only moves LivePanel's clock;
 * the marker, ground track, night side and the passes' default start follow that clock.
 */
import { h } from './format.js';
import type { LivePanel } from './live.js';

export const SPEEDS = [1, 10, 100, 1000] as const;

export function setupTimeControl(container: HTMLElement, live: LivePanel): void {
  const at = h('input', { id: 'tc-at', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '2022-07-15T13:00:00Z', 'aria-label': 'Show the time (ISO 8601 UTC)', 'aria-describedby': 'tc-error' });
  const go = h('button', { type: 'submit', id: 'tc-go', text: 'Go' });
  const now = h('button', { type: 'button', id: 'tc-now', text: 'Now' });
  const play = h('button', { type: 'button', id: 'tc-play', text: 'Pause', 'aria-pressed': 'false' });
  const speed = h('select', { id: 'tc-speed', 'aria-label': 'Clock speed' }, ...SPEEDS.map((s) => h('option', { value: String(s), text: `×${s}` })));
  const error = h('p', { class: 'field-error', id: 'tc-error', role: 'alert' });
  const form = h('form', { class: 'time-control-form', novalidate: true }, at, go, now, play, speed, error);
  container.replaceChildren(form);

  const showPlaying = () => {
    play.textContent = live.paused ? 'Play' : 'Pause';
    play.setAttribute('aria-pressed', String(live.paused));
  };
  const setUrlAt = (iso: string | null) => {
    const url = new URL(location.href);
    if (iso) url.searchParams.set('at', iso);
    else url.searchParams.delete('at');
    history.replaceState(null, '', url);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = at.value.trim();
    const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
    if (!Number.isFinite(ms)) {
      error.textContent = `Time must be an ISO 8601 UTC time like 2022-07-15T13:00:00Z, got "${text}".`;
      at.setAttribute('aria-invalid', 'true');
      at.focus();
      return;
    }
    error.textContent = '';
    at.removeAttribute('aria-invalid');
    live.setClock({ atMs: ms });
    setUrlAt(new Date(ms).toISOString());
  });
  now.addEventListener('click', () => {
    live.setClock({ atMs: Date.now(), speed: 1, paused: false });
    speed.value = '1';
    setUrlAt(null);
    showPlaying();
  });
  play.addEventListener('click', () => {
    live.setClock({ paused: !live.paused });
    showPlaying();
  });
  speed.addEventListener('change', () => live.setClock({ speed: Number(speed.value) }));
}
