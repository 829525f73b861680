import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { dateTicks, niceTicks, svgChart } from '../../src/plot/index.js';
import { Epoch } from '@stationkeeper/core';

describe('niceTicks', () => {
  it('uses 1, 2, 2.5, 5 × 10ⁿ steps and labels with just enough decimals', () => {
    expect(niceTicks(0, 10, 5).ticks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(niceTicks(412.3, 425.9, 6).step).toBe(2.5);
    expect(niceTicks(412.3, 425.9, 7).step).toBe(2);
    expect(niceTicks(0, 1, 4).ticks.map((t) => t.label)).toEqual(['0.00', '0.25', '0.50', '0.75', '1.00']);
    expect(niceTicks(150, 400, 10).ticks[0].label).toBe('150');
    expect(niceTicks(-3, 3, 6).ticks.map((t) => t.label)).toContain('−2');
    expect(() => niceTicks(0, Number.NaN)).toThrow(/not finite/);
  });

  it('always covers the range with ticks inside it', () => {
    for (const [lo, hi] of [
      [0.0013, 0.0041],
      [-7e5, 3e6],
      [5, 5],
    ]) {
      const { ticks } = niceTicks(lo, hi);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('dateTicks', () => {
  it('uses month starts over a year, with the year where it changes', () => {
    const ticks = dateTicks(Epoch.fromIso('2021-01-01T05:00Z').utcMjd(), Epoch.fromIso('2022-03-03T17:00Z').utcMjd());
    expect(ticks.map((t) => t.label)).toEqual(['Mar 2021', 'May', 'Jul', 'Sep', 'Nov', 'Jan 2022', 'Mar']);
    expect(ticks[0].value).toBe(Epoch.fromIso('2021-03-01').utcMjd());
  });

  it('uses days or hours over short spans', () => {
    const a = Epoch.fromIso('2019-07-17T00:00Z').utcMjd();
    expect(dateTicks(a, a + 3).map((t) => t.label)[0]).toBe('17 Jul 2019 00:00');
    expect(dateTicks(a, a + 10).map((t) => t.label).slice(0, 3)).toEqual(['17 Jul 2019', '18 Jul', '19 Jul']);
    expect(dateTicks(a, a + 20).map((t) => t.label).slice(0, 3)).toEqual(['18 Jul 2019', '20 Jul', '22 Jul']);
  });
});

describe('svgChart', () => {
  const x = [59215, 59216, 59217, Number.NaN, 59219, 59220];
  const y = [420, 419.9, 419.8, 0, 420.6, 420.5];
  const svg = svgChart({
    title: 'ISS <test> & "quotes"',
    widthPx: 800,
    heightPx: 400,
    xAxis: { label: 'UTC date', type: 'utc-mjd' },
    yAxis: { label: 'altitude (km)' },
    series: [{ label: 'mean a − R', x, y }],
    markers: [{ label: 'reboost', x: [59218.5], y: [420.6], shape: 'triangle-up', texts: ['+0.3 m/s'] }],
  });

  it('is well-formed standalone SVG of the requested size', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="400"/);
  });

  it('escapes text, labels the axes with units, and shows legend entries', () => {
    expect(svg).toContain('ISS &lt;test&gt; &amp; &quot;quotes&quot;');
    expect(svg).toContain('altitude (km)');
    expect(svg).toContain('>mean a − R<');
    expect(svg).toContain('>reboost<');
    expect(svg).toContain('+0.3 m/s');
  });

  it('breaks the line at a missing point instead of drawing through it', () => {
    const path = /<path d="(M[^"]+)" fill="none" stroke="#1f77b4"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(3);
  });

  it('rejects a size it cannot lay out', () => {
    expect(() => svgChart({ widthPx: 50, heightPx: 50, xAxis: { label: 'x' }, yAxis: { label: 'y' }, series: [] })).toThrow(/too small/);
  });
});
