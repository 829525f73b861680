/**
 * Display names of the partners (space agencies) that own vehicles and modules: the scenario
 * files and the vehicle catalogue use short ids ("roscosmos"); notes, reports and the CLI say the
 * agency's name. An id that is not listed here (a file's own partner) is shown as written.
 */
const PARTNER_NAMES: Readonly<Record<string, string>> = { roscosmos: 'Roscosmos', nasa: 'NASA', esa: 'ESA', jaxa: 'JAXA', csa: 'CSA' };

/** The agency's name for a partner id ("roscosmos" → "Roscosmos"); other ids unchanged. */
export function partnerName(id: string): string {
  return PARTNER_NAMES[id] ?? id;
}
