/**
 * Soyuz departure from the ISS (springs, two separation burns, facts on crew return §1) flown
 * numerically, checked against the Clohessy–Wiltshire solution from the same Δv; the landings of
 * MS-17 and MS-19 with their undocking included; bad undocking times.
 */
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable } from '../../../../test/sharedData.js';
import { greatCircleKm } from '../../src/foundation/frames/greatCircle.js';
import { departureEndS, entryVehicle, flyDeparture, predictLanding, type EntryVehicleSpec, type LandingInput } from '../../src/analysis/entry/index.js';
import { EGM96_GM_M3_PER_S2 } from '../../src/models/gravity/zonal.js';
import { stateFromMeanElements } from '../../src/propagation/numerical/initialState.js';
import type { OrbitState } from '../../src/propagation/numerical/numericalPropagator.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { soyuzFixtures } from './soyuzFixtures.js';

/** Clohessy–Wiltshire in-plane position (radial x, along-track y), m, t s after an impulse (u radial, v along-track, m/s) from the origin. */
function cwFromImpulse(n: number, t: number, u: number, v: number): [number, number] {
  if (t <= 0) return [0, 0];
  const s = Math.sin(n * t);
  const c = Math.cos(n * t);
  return [(u / n) * s + ((2 * v) / n) * (1 - c), ((2 * u) / n) * (c - 1) + ((4 * v) / n) * s - 3 * v * t];
}

const distanceM = (a: OrbitState, b: OrbitState): number => Math.hypot(a.rGcrfM[0] - b.rGcrfM[0], a.rGcrfM[1] - b.rGcrfM[1], a.rGcrfM[2] - b.rGcrfM[2]);

describe.skipIf(!sharedDataAvailable())('Soyuz departure from the station', () => {
  const { msis, sw, latestBefore, ms19Elements } = soyuzFixtures();
  const soyuz = entryVehicle('soyuz-ms');
  const undock = Epoch.fromIso('2022-03-30T07:21:00Z');
  const burn = Epoch.fromIso('2022-03-30T10:34:00Z');
  const base = { elements: ms19Elements, undockingEpoch: undock, atmosphere: msis, spaceWeather: sw };

  it('the Soyuz–ISS distance after the separation burns grows as Clohessy–Wiltshire predicts from the same Δv (within 3 %)', () => {
    // The station flown with the same forces and the same ballistic coefficient (no springs, no burns):
    // differential drag is then zero and only the relative dynamics remain, which CW linearises.
    const still: EntryVehicleSpec = { ...soyuz, departure: { springsMps: 0, springsDirectionVnb: [0, 0, -1], burns: [] } };
    const d = soyuz.departure!;
    const r0 = stateFromMeanElements(ms19Elements, soyuz.orbitalMassKg, undefined, undock).rGcrfM;
    const rUndockM = Math.hypot(r0[0], r0[1], r0[2]);
    const n = Math.sqrt(EGM96_GM_M3_PER_S2 / rUndockM ** 3);
    // VNB → CW: V ≈ along-track (+y), B ≈ radial up (+x). Finite burns as impulses at their midpoints.
    const impulses = [
      { t0: 0, u: d.springsDirectionVnb[2] * d.springsMps, v: d.springsDirectionVnb[0] * d.springsMps },
      ...d.burns.map((b) => ({ t0: b.startAfterUndockingS + b.durationS / 2, u: b.directionVnb[2] * b.deltaVMps, v: b.directionVnb[0] * b.deltaVMps })),
    ];
    const rows: string[] = [];
    for (const afterS of [1800, 3600, 7200, burn.secondsSince(undock)]) {
      const at = undock.plusSeconds(afterS);
      const flown = distanceM(flyDeparture({ ...base, vehicle: soyuz, untilEpoch: at }), flyDeparture({ ...base, vehicle: still, untilEpoch: at }));
      let x = 0;
      let y = 0;
      for (const i of impulses) {
        const [dx, dy] = cwFromImpulse(n, afterS - i.t0, i.u, i.v);
        x += dx;
        y += dy;
      }
      const cw = Math.hypot(x, y);
      rows.push(`${(afterS / 60).toFixed(0)} min: flown ${(flown / 1e3).toFixed(2)} km, CW ${(cw / 1e3).toFixed(2)} km`);
      expect(Math.abs(flown - cw) / cw).toBeLessThan(0.03);
    }
    console.log(rows.join('\n'));
  });

  it('at the MS-19 burn the Soyuz is a few tens of km from the station (facts §1: 12–32 km at the burn)', () => {
    const atBurn = flyDeparture({ ...base, vehicle: soyuz, untilEpoch: burn });
    const station = stateFromMeanElements(ms19Elements, soyuz.orbitalMassKg, undefined, burn);
    const km = distanceM(atBurn, station) / 1e3;
    console.log(`MS-19 Soyuz–ISS range at the burn: ${km.toFixed(1)} km`);
    // Order of magnitude only: the burn directions are EST and the station's own drag differs.
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(100);
  });

  // Independent check of the separation model: CSA's MS-11 timeline gives the Soyuz ≈ 32 km from the station at the
  // burn, which comes ≈ 147 min after undocking on the usual flights (undocking → landing 201–203 min minus burn →
  // landing 52.9–54.9 min, facts §1). Radial pushes alone give a closed relative ellipse (CW): the range then needs
  // an along-track Δv of ≈ 32 km / (3 × 147 min) ≈ 1.2 m/s, i.e. burn #2 mostly along the track. The range cannot
  // tell posigrade from retrograde (the drift is ∓3Δv·t either way), which is what the landing time is sensitive to.
  it('146–150 min after undocking the Soyuz is ≈ 32 km from the station (CSA, MS-11) within 25 %; radial-only separation burns could not get there', () => {
    const withBurn2 = (dir: readonly [number, number, number]): EntryVehicleSpec => ({ ...soyuz, departure: { ...soyuz.departure!, burns: [soyuz.departure!.burns[0], { ...soyuz.departure!.burns[1], directionVnb: dir }] } });
    const rangeKm = (v: EntryVehicleSpec, afterMin: number) => {
      const at = undock.plusSeconds(afterMin * 60);
      return distanceM(flyDeparture({ ...base, vehicle: v, untilEpoch: at }), stateFromMeanElements(ms19Elements, v.orbitalMassKg, undefined, at)) / 1e3;
    };
    const rows: string[] = [];
    for (const min of [146, 150]) {
      const [pro, retro, radial] = [soyuz, withBurn2([-1, 0, 0]), withBurn2([0, 0, -1])].map((v) => rangeKm(v, min));
      rows.push(`${min} min: #2 posigrade (catalogue) ${pro.toFixed(1)} km, retrograde ${retro.toFixed(1)} km, radially down ${radial.toFixed(1)} km`);
      // Retrograde is printed, not checked: its range differs from posigrade's only through the (EST) radial pushes.
      expect(Math.abs(pro - 32) / 32).toBeLessThan(0.25);
      expect(radial).toBeLessThan(16);
    }
    console.log(rows.join('\n'));
  });

  it('MS-19: the direction of separation burn #2 moves the landing by ~±11 s around the from-station landing (it cannot explain a minute)', () => {
    const input: LandingInput = { elements: ms19Elements, burnEpoch: burn, vehicle: soyuz, deltaVMps: 128, atmosphere: msis, spaceWeather: sw };
    const fromStation = predictLanding(input);
    const landed = Epoch.fromIso('2022-03-30T11:28:03Z');
    const rows = [`from the station at the burn: ${fromStation.landing.epoch.secondsSince(landed).toFixed(0)} s vs published, peak ${fromStation.peak.decelerationG.toFixed(2)} g, perigee ${fromStation.perigeeAfterBurnKm.toFixed(1)} km`];
    const dirs: [string, readonly [number, number, number]][] = [['posigrade', [1, 0, 0]], ['retrograde', [-1, 0, 0]], ['radially down', [0, 0, -1]], ['radially up', [0, 0, 1]]];
    for (const [name, dir] of dirs) {
      const v: EntryVehicleSpec = { ...soyuz, departure: { ...soyuz.departure!, burns: [soyuz.departure!.burns[0], { ...soyuz.departure!.burns[1], directionVnb: dir }] } };
      const p = predictLanding({ ...input, vehicle: v, undockingEpoch: undock });
      const shiftS = p.landing.epoch.secondsSince(fromStation.landing.epoch);
      rows.push(`#2 ${name.padEnd(13)} ${p.landing.epoch.secondsSince(landed).toFixed(0)} s vs published (${shiftS.toFixed(0)} s vs from the station), perigee ${p.perigeeAfterBurnKm.toFixed(1)} km, bank ${p.bankDeg!.toFixed(1)}°, peak ${p.peak.decelerationG.toFixed(2)} g`);
      expect(Math.abs(shiftS)).toBeLessThan(15);
    }
    console.log(rows.join('\n'));
  });

  it('a pure along-track lag lands later: 40 km behind on the station\'s own orbit, 5–15 s (5.2 s of orbit, plus a shallower guided descent)', () => {
    // The vehicle 40 km behind at the burn sits where the station was δ = 40 km / v earlier on the same orbit: it flies
    // the station's descent from a burn δ earlier, shifted δ later (the Earth turns 2 km under it meanwhile).
    const input: LandingInput = { elements: ms19Elements, burnEpoch: burn, vehicle: soyuz, deltaVMps: 128, atmosphere: msis, spaceWeather: sw };
    const station = stateFromMeanElements(ms19Elements, soyuz.orbitalMassKg, undefined, burn);
    const lagS = 40_000 / Math.hypot(station.vGcrfMps[0], station.vGcrfMps[1], station.vGcrfMps[2]);
    const nominal = predictLanding(input);
    const behind = predictLanding({ ...input, burnEpoch: burn.plusSeconds(-lagS) });
    const laterS = behind.landing.epoch.secondsSince(nominal.landing.epoch) + lagS;
    console.log(`40 km behind (${lagS.toFixed(2)} s of orbit): lands ${laterS.toFixed(1)} s later, bank ${behind.bankDeg!.toFixed(1)}° vs ${nominal.bankDeg!.toFixed(1)}°`);
    expect(laterS).toBeGreaterThan(5);
    expect(laterS).toBeLessThan(15);
    expect(behind.bankDeg!).toBeLessThan(nominal.bankDeg!);
  });

  // MS-17: undocking 01:34, burn 04:01:30 (4 min 38 s), landed 04:55; MS-19: undocking 07:21, burn 10:34, landed 11:28:03 (facts §2).
  const cases = [
    { name: 'MS-17', elements: () => latestBefore(Epoch.fromIso('2021-04-17T04:01:30Z')), undock: '2021-04-17T01:34:00Z', burn: '2021-04-17T04:01:30Z', durationS: 278, landed: '2021-04-17T04:55:00Z' },
    { name: 'MS-19', elements: () => ms19Elements, undock: '2022-03-30T07:21:00Z', burn: '2022-03-30T10:34:00Z', durationS: undefined, landed: '2022-03-30T11:28:03Z' },
  ];
  const flownAndFromStation = (c: (typeof cases)[number]) => {
    const input: LandingInput = { elements: c.elements(), burnEpoch: Epoch.fromIso(c.burn), vehicle: soyuz, deltaVMps: 128, burnDurationS: c.durationS, atmosphere: msis, spaceWeather: sw };
    return { flown: predictLanding({ ...input, undockingEpoch: Epoch.fromIso(c.undock) }), fromStation: predictLanding(input) };
  };
  for (const c of cases) {
    it(`${c.name} from undocking: lands in the zone, in the published burn-to-landing range; the landing moves by little against starting from the station`, () => {
      const { flown, fromStation } = flownAndFromStation(c);
      expect(flown.undockingEpoch!.toIsoUtc(0)).toBe(c.undock.replace('.000', ''));
      const minutes = flown.landing.epoch.secondsSince(flown.burnEpoch) / 60;
      expect(minutes).toBeGreaterThan(52.9);
      expect(minutes).toBeLessThan(54.9);
      expect(greatCircleKm(flown.landing.latDeg, flown.landing.lonDeg, soyuz.zone.latDeg, soyuz.zone.lonDeg)).toBeLessThan(30);
      const movedKm = greatCircleKm(flown.landing.latDeg, flown.landing.lonDeg, fromStation.landing.latDeg, fromStation.landing.lonDeg);
      const shiftS = flown.landing.epoch.secondsSince(fromStation.landing.epoch);
      const missS = flown.landing.epoch.secondsSince(Epoch.fromIso(c.landed));
      console.log(`${c.name}: landing ${flown.landing.epoch.toIsoUtc(0)} from undocking (${missS.toFixed(0)} s vs published) against ${fromStation.landing.epoch.toIsoUtc(0)} from the station; moved ${movedKm.toFixed(2)} km, ${shiftS.toFixed(0)} s; bank ${flown.bankDeg!.toFixed(1)}° vs ${fromStation.bankDeg!.toFixed(1)}°`);
      // The guidance steers both to the aim point; a ~50 km start offset changes the range to fly by < 1 %, the time by < 30 s.
      expect(movedKm).toBeLessThan(5);
      expect(Math.abs(shiftS)).toBeLessThan(30);
    });
  }
  it('MS-17 from undocking lands within a minute of the published 04:55', () => {
    const { flown } = flownAndFromStation(cases[0]);
    expect(Math.abs(flown.landing.epoch.secondsSince(Epoch.fromIso(cases[0].landed)))).toBeLessThan(60);
  });
  // Known miss, kept visible rather than loosened: with the EST departure (burn #2 posigrade) MS-19
  // lands 66 s before the published 11:28:03. Why (docs/crew-return.md, Limits): from the station's
  // own state at the burn it already lands 55 s early; the departure adds −11 s (posigrade raises the
  // orbit ≈ 2.7 km, the entry is shallower, the guidance banks more and comes down faster) or +10 s
  // (retrograde). CSA's ≈ 32 km at the burn confirms #2 is mostly along the track but not its sign, so
  // no sourced fact fixes it; the rest of the miss sits in the EST capsule mass (±10 % ≈ ∓48 s) and
  // the canopy phase. it.fails turns red when the model starts meeting the minute.
  it.fails('MS-19 from undocking lands within a minute of the published 11:28:03 (known miss: 66 s early)', () => {
    const { flown } = flownAndFromStation(cases[1]);
    expect(Math.abs(flown.landing.epoch.secondsSince(Epoch.fromIso(cases[1].landed)))).toBeLessThan(60);
  });

  it('refuses an undocking after the burn, too close to it, or before the elements can speak for it, naming the value', () => {
    const input: LandingInput = { elements: ms19Elements, burnEpoch: burn, vehicle: soyuz, deltaVMps: 128, atmosphere: msis, spaceWeather: sw };
    expect(() => predictLanding({ ...input, undockingEpoch: Epoch.fromIso('2022-03-30T11:00:00Z') })).toThrow(/^undocking time 2022-03-30T11:00:00Z is not at least 6\.3 min \(the separation burns\) before the deorbit burn 2022-03-30T10:34:00Z$/);
    expect(() => predictLanding({ ...input, undockingEpoch: burn.plusSeconds(-120) })).toThrow(/undocking time 2022-03-30T10:32:00Z is not at least/);
    expect(() => predictLanding({ ...input, undockingEpoch: Epoch.fromIso('2022-03-10T07:21:00Z') })).toThrow(/^undocking time 2022-03-10T07:21:00Z is 17\.\d days before the elements' epoch/);
    expect(() => predictLanding({ ...input, vehicle: entryVehicle('crew-dragon'), undockingEpoch: undock })).toThrow(/departure of Crew Dragon is not modelled/);
    expect(departureEndS(soyuz.departure!)).toBe(375);
  });
});
