/** Display formatting: every number leaves here with its unit. */

export function fmtLat(deg: number, digits = 3): string {
  return `${Math.abs(deg).toFixed(digits)}° ${deg < 0 ? 'S' : 'N'}`;
}

export function fmtLon(deg: number, digits = 3): string {
  return `${Math.abs(deg).toFixed(digits)}° ${deg < 0 ? 'W' : 'E'}`;
}

/** "2022-07-15 13:00:00 UTC" from an ISO string (seconds shown, fractions dropped). */
export function fmtUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function fmtUtcTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms).toISOString().slice(11, 19);
}

export function fmtDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : iso;
}

export function fmtNum(value: number | null | undefined, digits: number, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const s = value.toFixed(digits).replace('-', '−');
  return unit === '°' ? `${s}°` : unit ? `${s} ${unit}` : s;
}

export function fmtDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - 60 * m);
  return `${m} min ${String(s).padStart(2, '0')} s`.replace(/ /g, '\u00a0');
}

/** 0° = N, 90° = E … as a 16-point compass word. */
export function compass(azimuthDeg: number): string {
  const points = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];
  return points[Math.round((((azimuthDeg % 360) + 360) % 360) / 22.5) % 16];
}

/** Age in days as words: "0.03 days", "2.4 years". */
export function fmtAge(days: number): string {
  if (!Number.isFinite(days)) return '—';
  if (Math.abs(days) >= 365.25) return `${(days / 365.25).toFixed(1)} years`;
  return `${days.toFixed(days < 10 ? 2 : 0)} days`;
}

/** Small DOM helper: element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** Show a form's one-line error and put the focus on the field it names. */
export function showFieldError(errors: HTMLElement, fieldId: string, message: string): void {
  errors.textContent = message;
  errors.hidden = false;
  document.getElementById(fieldId)?.focus();
}

/** Fewest decimals (0…3) that write every tick exactly: steps of 2.5 km read 412.5, not 413. */
export function tickDecimals(vals: readonly number[]): number {
  for (let d = 0; d < 3; d++) if (vals.every((v) => Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-6)) return d;
  return 3;
}

/**
 * Date and time of an ISO instant in a time zone (undefined: the browser's own), whole seconds
 * rounded to the nearest like the CLI's passes table: { date: "2022-07-15", time: "23:18:20" }.
 */
export function fmtInZone(iso: string, zone: string | undefined): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return { date: iso, time: iso };
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(Math.round(ms / 1000) * 1000)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** The zone's name as the page shows it: "UTC", or the browser's IANA zone ("Europe/Paris"). */
export function zoneLabel(zone: string | undefined): string {
  return zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local time';
}
