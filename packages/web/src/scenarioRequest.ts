/**
 * The body of POST /api/scenarios from the scenario form (docs/api.md "Scenarios"): a shipped
 * example by name with `overrides` (end date, one partner's withdrawal date), or — from the
 * advanced editor — a whole definition as JSON or YAML text. Checked here first so a typo gets a
 * message naming the field before anything is sent; the server checks everything again.
 */

/** What the form holds. Dates are `YYYY-MM-DD` (UTC days). */
export interface ScenarioForm {
  /** Example name (`iss-baseline`, …). */
  example: string;
  /** The example's title, for the display name. */
  exampleTitle: string;
  /** The example's start and end dates and its withdrawal date of `partner` ('' = none). */
  exampleStart: string;
  exampleEnd: string;
  exampleWithdrawal: string;
  partner: string;
  /** Date D the partner withdraws; '' = never (the withdrawal is removed). */
  withdrawalDate: string;
  end: string;
  /** Text of the advanced editor when it is in use, else null. */
  advanced: string | null;
}

export type ScenarioSubmission =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'yaml'; text: string };

export type Checked = { ok: true; value: ScenarioSubmission } | { ok: false; field: string; message: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function scenarioSubmission(f: ScenarioForm): Checked {
  if (f.advanced !== null) return advancedSubmission(f.advanced);
  if (!f.example) return { ok: false, field: 'sc-example', message: 'Pick an example scenario.' };
  const end = f.end.trim();
  if (!isDay(end)) return { ok: false, field: 'sc-end', message: `End date must be a date like 2023-12-31, got "${f.end}".` };
  if (f.exampleStart && end <= f.exampleStart) return { ok: false, field: 'sc-end', message: `End date must be after the scenario start (${f.exampleStart}), got ${end}.` };
  const d = f.withdrawalDate.trim();
  if (d !== '' && !isDay(d)) return { ok: false, field: 'sc-date', message: `Withdrawal date must be a date like 2022-04-02 or empty (never), got "${f.withdrawalDate}".` };
  if (!f.partner) return { ok: false, field: 'sc-partner', message: 'Pick the partner whose withdrawal date you set.' };

  const overrides: Record<string, unknown> = { end };
  const edits: string[] = [];
  if (d !== f.exampleWithdrawal) {
    overrides.partner_withdrawals = [{ partner: f.partner, date: d === '' ? null : d }];
    edits.push(d === '' ? `${partnerLabel(f.partner)} never withdraws` : `${partnerLabel(f.partner)} withdraws on ${d}`);
  }
  if (end !== f.exampleEnd) edits.push(`to ${end}`);
  const body: Record<string, unknown> = { example: f.example, overrides };
  if (edits.length) body.name = `${f.exampleTitle} (${edits.join(', ')})`.slice(0, 200);
  return { ok: true, value: { kind: 'json', body } };
}

/** The advanced editor: JSON when it looks like JSON, else YAML sent as text for the server to parse. */
function advancedSubmission(text: string): Checked {
  const t = text.trim();
  if (t === '') return { ok: false, field: 'sc-definition', message: 'The definition is empty: write a scenario in JSON or YAML, or load the example.' };
  if (t.startsWith('{') || t.startsWith('[')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (err) {
      return { ok: false, field: 'sc-definition', message: `The definition is not valid JSON: ${(err as Error).message}` };
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, field: 'sc-definition', message: 'The definition must be a JSON object (name, start, end, orbit, policy, events, …).' };
    return { ok: true, value: { kind: 'json', body: v as Record<string, unknown> } };
  }
  return { ok: true, value: { kind: 'yaml', text } };
}

/** The date of `partner`'s partner-withdrawal event in a definition ('' when none). */
export function withdrawalOf(definition: unknown, partner: string): string {
  const events = (definition as { events?: unknown })?.events;
  if (!Array.isArray(events)) return '';
  for (const e of events as Record<string, unknown>[]) {
    if (e && e.type === 'partner-withdrawal' && e.partner === partner && typeof e.date === 'string') return e.date.slice(0, 10);
  }
  return '';
}

/** Partners a definition mentions (withdrawals, capabilities), then the ISS propulsion partners. */
export function partnersOf(definition: unknown): string[] {
  const out = new Set<string>();
  const d = (definition ?? {}) as Record<string, unknown>;
  for (const e of (Array.isArray(d.events) ? d.events : []) as Record<string, unknown>[]) {
    if (e && typeof e.partner === 'string' && /^partner-/.test(String(e.type))) out.add(e.partner);
  }
  const caps = (d.station as Record<string, unknown> | undefined)?.capabilities as Record<string, unknown> | undefined;
  for (const list of Object.values(caps ?? {})) if (Array.isArray(list)) for (const p of list) if (typeof p === 'string') out.add(p);
  for (const p of ['roscosmos', 'nasa', 'esa']) out.add(p);
  return [...out];
}

/** Display name of a partner id (the same names as core's partnerName, scenarios/partners.ts, which the notes use). */
export function partnerLabel(id: string): string {
  const known: Record<string, string> = { roscosmos: 'Roscosmos', nasa: 'NASA', esa: 'ESA', jaxa: 'JAXA', csa: 'CSA' };
  return known[id] ?? id;
}
