/** Dashboard entry: builds the map, starts the live panel, then the other panels. */
import './style.css';
import { GroundMap } from './map.js';
import { LivePanel } from './live.js';
import { setupPasses } from './passes.js';
import { loadHistory } from './history.js';
import { setupLifetime } from './lifetime.js';
import { setupScenario } from './scenario.js';
import { setupPorkchop } from './porkchop.js';
import { setupConstellation } from './constellation.js';
import { setupAttitude } from './attitude.js';
import { setupCrewReturn } from './crewReturn.js';
import { setupTimeControl } from './timeControl.js';

/** `?at=ISO` starts the clock at that time (e.g. to see an old element set at its epoch). */
function atFromUrl(): string | undefined {
  const v = new URLSearchParams(location.search).get('at');
  return v && Number.isFinite(Date.parse(v)) ? v : undefined;
}

/** `?norad=` picks another object; default the ISS. */
function noradFromUrl(): number {
  const v = new URLSearchParams(location.search).get('norad');
  const n = v === null ? 25544 : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 339_999 ? n : 25544;
}

async function main(): Promise<void> {
  const norad = noradFromUrl();
  const map = new GroundMap(document.getElementById('map')!);
  const landLoaded = map.loadLand().catch((err: unknown) => {
    document.getElementById('map-status')!.textContent = `World outline unavailable: ${(err as Error).message}`;
  });
  const live = new LivePanel({ norad, map, at: atFromUrl() });
  setupPasses({
    norad,
    startIso: () => live.chosenTimeIso(),
    onPlace: (p) => map.setObserver(p),
  });
  void loadHistory(norad);
  setupConstellation({ map, atIso: () => (Number.isFinite(live.shownTimeMs()) ? live.shownTimeIso() : undefined) });
  const examplesLoaded = setupScenario();
  setupPorkchop();
  setupAttitude();
  try {
    await live.start();
    setupTimeControl(document.getElementById('time-control')!, live);
  } catch {
    // the live panel shows the reason
  }
  // Lifetime "from" defaults to the latest element set the server holds.
  setupLifetime({ norad });
  setupCrewReturn({ norad, map, fromIso: () => (Number.isFinite(live.shownTimeMs()) ? live.shownTimeIso().slice(0, 19) + 'Z' : '') });
  await Promise.all([landLoaded, examplesLoaded]);
  document.body.dataset.ready = 'true';
}

void main();
