/**
 * The guided descent's bank-law shapes (guidedBank.ts) flown on the Soyuz MS-17 and MS-19 returns
 * (facts on crew return §1–2): a constant bank (the catalogue's), a bank linear in energy to a
 * lift-up end (FNPEG's longitudinal profile) and load relief. What each law does to the peak load
 * and its altitude, against the published 4–5 g at ≈ 35.3 km (CSA, MS-11), with the aim point held.
 */
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable } from '../../../../test/sharedData.js';
import { greatCircleKm } from '../../src/foundation/frames/greatCircle.js';
import { entryVehicle, predictLanding, type EntryVehicleSpec, type LandingPrediction } from '../../src/analysis/entry/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { soyuzFixtures } from './soyuzFixtures.js';

/** Altitudes (km) between which the sensed load stays within 5 % of its peak: how flat the top is. */
function plateauKm(p: LandingPrediction): [number, number] {
  const near = p.track.filter((s) => s.altitudeKm > 11 && s.decelerationG >= 0.95 * p.peak.decelerationG).map((s) => s.altitudeKm);
  return [Math.min(...near, p.peak.altitudeKm), Math.max(...near, p.peak.altitudeKm)];
}

describe.skipIf(!sharedDataAvailable())('guided descent: bank-law shapes on the Soyuz MS-17 and MS-19 returns', () => {
  const { msis, sw, latestBefore, ms19Elements } = soyuzFixtures();
  const soyuz = entryVehicle('soyuz-ms');
  const deg = Math.PI / 180;
  // Load limit 4.5 g, EST: the load the Soyuz manual controlled-descent exam is flown under in the TsF-18 centrifuge (Roscosmos, 2021; no design limit of the automatic guidance was found).
  const laws: { name: string; vehicle: EntryVehicleSpec }[] = [
    { name: 'constant bank', vehicle: soyuz },
    { name: 'linear in energy to 0°', vehicle: { ...soyuz, guidance: { finalBankRad: 0 } } },
    { name: 'linear in energy to 45°', vehicle: { ...soyuz, guidance: { finalBankRad: 45 * deg } } },
    { name: 'constant + relief 4.5 g', vehicle: { ...soyuz, guidance: { loadLimitG: 4.5 } } },
  ];
  const cases = [
    { name: 'MS-17', elements: () => latestBefore(Epoch.fromIso('2021-04-17T04:01:30Z')), undock: '2021-04-17T01:34:00Z', burn: '2021-04-17T04:01:30Z', durationS: 278, landed: '2021-04-17T04:55:00Z' },
    { name: 'MS-19', elements: () => ms19Elements, undock: '2022-03-30T07:21:00Z', burn: '2022-03-30T10:34:00Z', durationS: undefined, landed: '2022-03-30T11:28:03Z' },
  ];
  const runs = cases.flatMap((c) =>
    [false, true].map((fromUndocking) => ({
      label: `${c.name} ${fromUndocking ? 'from undocking' : 'from the burn'}`,
      landed: Epoch.fromIso(c.landed),
      byLaw: laws.map((law) =>
        predictLanding({ elements: c.elements(), burnEpoch: Epoch.fromIso(c.burn), undockingEpoch: fromUndocking ? Epoch.fromIso(c.undock) : undefined, vehicle: law.vehicle, deltaVMps: 128, burnDurationS: c.durationS, atmosphere: msis, spaceWeather: sw }),
      ),
    })),
  );

  it('every shape still lands on the aim point, and the table of peak load, its altitude and the landing time', () => {
    const rows: string[] = [];
    for (const run of runs) {
      run.byLaw.forEach((p, i) => {
        const [lo, hi] = plateauKm(p);
        const zoneKm = greatCircleKm(p.landing.latDeg, p.landing.lonDeg, soyuz.zone.latDeg, soyuz.zone.lonDeg);
        rows.push(
          `${run.label.padEnd(20)} ${laws[i].name.padEnd(24)} start bank ${p.bankDeg!.toFixed(1).padStart(5)}°  peak ${p.peak.decelerationG.toFixed(2)} g at ${p.peak.altitudeKm.toFixed(1)} km (within 5 %: ${lo.toFixed(0)}–${hi.toFixed(0)} km)  landing ${p.landing.epoch.secondsSince(run.landed).toFixed(0).padStart(4)} s vs published, ${zoneKm.toFixed(1)} km from the aim point`,
        );
        expect(zoneKm).toBeLessThan(5);
      });
    }
    console.log(rows.join('\n'));
  });

  it('flying more lift-up as the capsule slows lowers the peak load but lifts it above 40 km, away from the published ≈ 35 km', () => {
    for (const run of runs) {
      const [constant, toZero] = run.byLaw;
      expect(toZero.peak.decelerationG).toBeLessThan(constant.peak.decelerationG);
      expect(Math.abs(constant.peak.altitudeKm - 35.3)).toBeLessThan(2);
      expect(toZero.peak.altitudeKm).toBeGreaterThan(40);
    }
  });

  it('what sets the peak: the entry (burn Δv, mass), not the capsule L/D (the guidance needs only a vertical L/D of ≈ 0.07)', () => {
    const c = cases[0];
    const at = (over: { vehicle?: EntryVehicleSpec; deltaVMps?: number }) =>
      predictLanding({ elements: c.elements(), burnEpoch: Epoch.fromIso(c.burn), vehicle: over.vehicle ?? soyuz, deltaVMps: over.deltaVMps ?? 128, burnDurationS: c.durationS, atmosphere: msis, spaceWeather: sw });
    const [lowLd, highLd] = [0.25, 0.35].map((ld) => at({ vehicle: { ...soyuz, liftToDrag: ld } }));
    const byDv = [126, 128, 130].map((dv) => at({ deltaVMps: dv }));
    const [heavy, light] = [1.1, 1 / 1.1].map((f) => at({ vehicle: { ...soyuz, capsuleMassKg: soyuz.capsuleMassKg * f } }));
    console.log(
      `MS-17: L/D 0.25 / 0.35: ${lowLd.peak.decelerationG.toFixed(2)} / ${highLd.peak.decelerationG.toFixed(2)} g (bank ${lowLd.bankDeg!.toFixed(1)}° / ${highLd.bankDeg!.toFixed(1)}°); ` +
        `Δv 126 / 128 / 130 m/s: ${byDv.map((p) => `${p.peak.decelerationG.toFixed(2)} g`).join(' / ')}; mass ±10 %: ${heavy.peak.decelerationG.toFixed(2)} / ${light.peak.decelerationG.toFixed(2)} g, landing ${heavy.landing.epoch.secondsSince(byDv[1].landing.epoch).toFixed(0)} / ${light.landing.epoch.secondsSince(byDv[1].landing.epoch).toFixed(0)} s`,
    );
    // Same vertical lift, same trajectory: only the bank differs.
    expect(Math.abs(lowLd.peak.decelerationG - highLd.peak.decelerationG)).toBeLessThan(0.05);
    expect(lowLd.bankDeg!).toBeLessThan(highLd.bankDeg!);
    // A shallower entry (less Δv) flies long: the guidance banks harder and the pulse grows.
    expect(byDv[0].peak.decelerationG).toBeGreaterThan(byDv[1].peak.decelerationG + 1);
    expect(byDv[1].peak.decelerationG).toBeGreaterThan(byDv[2].peak.decelerationG + 0.5);
    expect(heavy.peak.decelerationG).toBeGreaterThan(light.peak.decelerationG);
  });

  it('load relief holds the peak near its limit (overshoot < 0.3 g) and banks more before it to keep the range', () => {
    for (const run of runs) {
      const [constant, , , relief] = run.byLaw;
      expect(relief.peak.decelerationG).toBeLessThan(4.5 + 0.3);
      expect(relief.bankDeg!).toBeGreaterThan(constant.bankDeg!);
    }
  });
});
