/**
 * Soyuz landings predicted from the ISS elements of those days and the published burns (facts
 * file on crew return, §1–2), guided and ballistic from the same burn, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable } from '../../../../test/sharedData.js';
import { greatCircleKm } from '../../src/foundation/frames/greatCircle.js';
import { entryVehicle, findLandingOpportunities, predictLanding, type LandingInput, type LandingPrediction } from '../../src/analysis/entry/index.js';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { soyuzFixtures } from './soyuzFixtures.js';

describe.skipIf(!sharedDataAvailable())('Soyuz MS landings from the station elements', () => {
  const { msis, sw, latestBefore, ms19Elements } = soyuzFixtures();
  const soyuz = entryVehicle('soyuz-ms');
  const input = (elements: MeanElements, burnIso: string, over: Partial<LandingInput> = {}): LandingInput => ({
    elements,
    burnEpoch: Epoch.fromIso(burnIso),
    vehicle: soyuz,
    deltaVMps: 128,
    atmosphere: msis,
    spaceWeather: sw,
    ...over,
  });
  const minutes = (p: LandingPrediction): number => p.landing.epoch.secondsSince(p.burnEpoch) / 60;

  // MS-17: burn 04:01:30, 4 min 38 s, 128 m/s; landed 04:55 (NASASpaceflight). MS-19: burn 10:34, landed 11:28:03 (Roscosmos, TASS).
  const cases = [
    { name: 'MS-17', elements: () => latestBefore(Epoch.fromIso('2021-04-17T04:01:30Z')), burn: '2021-04-17T04:01:30Z', durationS: 278, landed: '2021-04-17T04:55:00Z' },
    { name: 'MS-19', elements: () => ms19Elements, burn: '2022-03-30T10:34:00Z', durationS: undefined, landed: '2022-03-30T11:28:03Z' },
  ];
  for (const c of cases) {
    it(`${c.name}: guided descent lands in the zone within a minute of the published landing, in the published burn-to-landing range`, () => {
      const p = predictLanding(input(c.elements(), c.burn, { burnDurationS: c.durationS }));
      expect(Math.abs(p.landing.epoch.secondsSince(Epoch.fromIso(c.landed)))).toBeLessThan(60);
      // Burn start → landing of six Soyuz MS flights: 52.9–54.9 min (facts §1; the issue rounds it to 53–55).
      expect(minutes(p)).toBeGreaterThan(52.9);
      expect(minutes(p)).toBeLessThan(54.9);
      expect(greatCircleKm(p.landing.latDeg, p.landing.lonDeg, soyuz.zone.latDeg, soyuz.zone.lonDeg)).toBeLessThan(30);
      // The zone is reached with the bank inside its range (not saturated): the burn really aims there.
      expect(p.bankDeg!).toBeGreaterThan(30);
      expect(p.bankDeg!).toBeLessThan(100);
      // Peak deceleration 4–5 g at ≈ 35 km in the nominal descent (CSA, MS-11); the peak itself is ill-conditioned
      // (a 1 m/s change of the burn moves it by ~1 g, see the next test), hence the wide bounds here.
      expect(p.peak.decelerationG).toBeGreaterThan(3.5);
      expect(p.peak.decelerationG).toBeLessThan(6);
      expect(Math.abs(p.peak.altitudeKm - 35.3)).toBeLessThan(5);
      const names = p.events.map((e) => e.name);
      expect(names).toEqual(['module separation', 'entry interface', 'drogue', 'main', 'touchdown']);
      // ground track from the burn to touchdown, no gap over 60 s
      for (let i = 1; i < p.track.length; i++) expect(p.track[i].epoch.secondsSince(p.track[i - 1].epoch)).toBeLessThanOrEqual(60);
    });
  }

  // The published Δv is a rounded 128 m/s (CSA, NSF): ±0.5 m/s moves the entry angle, the bank the guidance
  // needs to reach the zone and with it the peak load by ~0.4–0.6 g (the vertical L/D needed is what counts:
  // the capsule's L/D itself drops out). The published 4–5 g must be reachable within that rounding.
  // Known miss, kept visible: MS-17 gives 5.10–6.27 g over the rounding (docs/crew-return.md, Limits).
  for (const c of cases) {
    (c.name === 'MS-17' ? it.fails : it)(`${c.name}: the published 4–5 g lies within the peak loads of the burn's rounding (127.5–128.5 m/s), each at ≈ 35 km${c.name === 'MS-17' ? ' (known miss: 5.1–6.3 g)' : ''}`, () => {
      const peaks = [127.5, 128.5].map((dv) => predictLanding(input(c.elements(), c.burn, { burnDurationS: c.durationS, deltaVMps: dv })).peak);
      console.log(`${c.name}: peak ${peaks.map((p) => `${p.decelerationG.toFixed(2)} g at ${p.altitudeKm.toFixed(1)} km`).join(' (127.5 m/s) … ')} (128.5 m/s)`);
      // Less Δv: a shallower entry that flies long, so the guidance banks more and the pulse is harder.
      expect(peaks[0].decelerationG).toBeGreaterThan(peaks[1].decelerationG);
      expect(peaks[1].decelerationG).toBeLessThan(5);
      expect(peaks[0].decelerationG).toBeGreaterThan(4);
      for (const p of peaks) expect(Math.abs(p.altitudeKm - 35.3)).toBeLessThan(2.5);
    });
  }

  it('MS-19 ballistic from the same burn: steeper, higher g, shorter', () => {
    const guided = predictLanding(input(ms19Elements, cases[1].burn));
    const ballistic = predictLanding(input(ms19Elements, cases[1].burn, { descent: 'ballistic' }));
    expect(ballistic.peak.decelerationG).toBeGreaterThan(guided.peak.decelerationG + 2);
    const ei = (p: LandingPrediction) => p.events.find((e) => e.name === 'entry interface')!;
    const chute = (p: LandingPrediction) => p.events.find((e) => e.name === 'drogue')!;
    const rangeKm = (p: LandingPrediction) => greatCircleKm(ei(p).latDeg, ei(p).lonDeg, p.landing.latDeg, p.landing.lonDeg);
    const descentRate = (p: LandingPrediction) => (ei(p).altitudeKm - chute(p).altitudeKm) / chute(p).epoch.secondsSince(ei(p).epoch);
    expect(descentRate(ballistic)).toBeGreaterThan(descentRate(guided) * 1.1);
    // Ballistic Soyuz lands short of the aerodynamic-mode site, "as far as 600 km" (RussianSpaceWeb, W).
    const shortKm = rangeKm(guided) - rangeKm(ballistic);
    expect(shortKm).toBeGreaterThan(100);
    expect(shortKm).toBeLessThan(600);
  });

  it('refuses a burn the elements cannot speak for and a Δv that does not reach the atmosphere, naming the value', () => {
    expect(() => predictLanding(input(ms19Elements, '2022-03-10T10:34:00Z'))).toThrow(/burn time 2022-03-10T10:34:00Z is 17\.\d days before/);
    expect(() => predictLanding(input(ms19Elements, '2022-04-30T10:34:00Z'))).toThrow(/days after the elements' epoch/);
    expect(() => predictLanding(input(ms19Elements, cases[1].burn, { deltaVMps: 20 }))).toThrow(/delta-v 20 m\/s .* perigee at \d+ km, above the 100 km entry interface/);
    expect(() => entryVehicle('buran')).toThrow(/unknown crew vehicle "buran"/);
  });
});

describe.skipIf(!sharedDataAvailable())('landing opportunities', () => {
  const { msis, sw, ms19Elements } = soyuzFixtures();
  const base = { elements: ms19Elements, vehicle: entryVehicle('soyuz-ms'), atmosphere: msis, spaceWeather: sw, maxElementsAgeDays: 20 };

  it('the week of MS-19 holds its window: a burn within 2 min of 10:34 landing within a minute of 11:28:03, in the zone, in daylight', () => {
    const found = findLandingOpportunities({ ...base, from: Epoch.fromIso('2022-03-28T00:00:00Z'), days: 7 });
    const ms19 = found.find((o) => Math.abs(o.burnEpoch.secondsSince(Epoch.fromIso('2022-03-30T10:34:00Z'))) < 120);
    expect(ms19).toBeDefined();
    expect(Math.abs(ms19!.prediction.landing.epoch.secondsSince(Epoch.fromIso('2022-03-30T11:28:03Z')))).toBeLessThan(60);
    expect(ms19!.sunlitAtLanding).toBe(true);
    for (const o of found) {
      expect(greatCircleKm(o.prediction.landing.latDeg, o.prediction.landing.lonDeg, 47.4, 69.6)).toBeLessThan(5);
      // Soyuz lands on the ascending arc, about one orbit a day apart from the last: the burns are > 20 h apart.
      expect(o.prediction.events.find((e) => e.name === 'entry interface')!.latDeg).toBeLessThan(47.4);
    }
    for (let i = 1; i < found.length; i++) expect(found[i].burnEpoch.secondsSince(found[i - 1].burnEpoch)).toBeGreaterThan(20 * 3600);
  }, 60_000);

  it('refuses an unknown zone and an empty or too long range', () => {
    expect(() => findLandingOpportunities({ ...base, from: Epoch.fromIso('2022-03-28T00:00:00Z'), days: 1, zone: 'baikonur' })).toThrow(/unknown landing zone "baikonur"/);
    expect(() => findLandingOpportunities({ ...base, from: Epoch.fromIso('2022-03-28T00:00:00Z'), days: 0 })).toThrow(/days: must be in \(0, 60\], got 0/);
  });
});
