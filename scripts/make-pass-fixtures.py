#!/usr/bin/python3
"""Write packages/core/test/fixtures/passes/iss-passes-skyfield.json.

Reference passes of the ISS for three observer sites, computed with Skyfield (an independent
implementation: its own SGP4 binding, TEME -> ITRS rotation and WGS-84 topocentric frame).

Run with Debian's Python, which has python3-skyfield and python3-sgp4 (the pyenv `python3` on
PATH does not):

    /usr/bin/python3 scripts/make-pass-fixtures.py

Offline by design: the timescale comes from Skyfield's builtin files (`builtin=True`), and no
ephemeris (de421.bsp) is loaded, so nothing here involves the Sun: sunlit / visibility /
magnitude are NOT in this fixture and are tested in TypeScript on constructed geometry.

What is taken from Skyfield:
1. `EarthSatellite.find_events()` detects the passes (rise / culminate / set). Its own search stops
   once the bracket is <= 0.5 s wide and reports the bracket's right end, so its raw times carry up
   to ~0.5 s of search error. They are kept as `*_find_events` for reference.
2. Each event is then refined with Skyfield's own altitude function (the same `(sat - topos).at(t)
   .altaz()` that find_events evaluates): Brent's method on altitude - threshold for rise/set, and
   bounded Brent minimisation of -altitude for culmination, to 1 ms. Elevation and azimuth at the
   refined times come from the same call. No atmospheric refraction (altaz() without temperature).

Skyfield's frame chain for satellites: TEME -> PEF by GMST 1982 (AIAA 2006-6753 App. C) evaluated
at UT1 from its builtin IERS table, no polar motion (the builtin timescale has none), observer on
the WGS-84 ellipsoid. The UT1-UTC it used at the TLE epoch is written to the header so the
TypeScript test can use the same value.
"""
import datetime
import json
import math
import os
import subprocess
import sys

import numpy as np
import skyfield
from scipy.optimize import brentq, minimize_scalar
from skyfield.api import EarthSatellite, load, wgs84

ISS_TLE = (
    '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
    '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577',
)
SITES = [
    # name, lat deg, lon deg (east +), height m
    ('Paris', 48.8566, 2.3522, 35.0),
    ('Houston', 29.5502, -95.0970, 10.0),
    ('Sydney', -33.8688, 151.2093, 20.0),
]
CASES = [(name, lat, lon, h, 10.0) for name, lat, lon, h in SITES] + [('Paris', 48.8566, 2.3522, 35.0, 0.0)]
DAYS = 3.0
DAY_S = 86400.0

FIXTURE_DIR = os.path.join(os.path.dirname(__file__), '..', 'packages', 'core', 'test', 'fixtures', 'passes')
OUT = os.path.join(FIXTURE_DIR, 'iss-passes-skyfield.json')
SUN_OUT = os.path.join(FIXTURE_DIR, 'sun-erfa.json')
# TT Julian dates (two parts) at which the Sun is tabulated: J2000, solstices/equinoxes over
# 1990-2045, and the ISS TLE epoch of the pass fixture.
SUN_TT_JD = [(2451545.0, 0.0), (2447892.5, 0.25), (2455368.5, 0.4654), (2459776.0, 0.010685),
             (2459934.5, 0.8), (2462580.5, 0.1), (2468246.5, 0.75)]
# Speed of light in AU/day (ERFA constant DC = c / AU * 86400, IAU 2012 B2 au).
C_AU_PER_DAY = 173.1446326846693


def iso(t):
    """UTC ISO 8601 with microseconds (no leap second falls inside this window)."""
    y, mo, d, h, mi, s = t.utc
    whole = math.floor(s)
    micro = round((s - whole) * 1e6)
    if micro == 1000000:
        whole, micro = whole + 1, 0
    base = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi)) + datetime.timedelta(seconds=whole,
                                                                                              microseconds=micro)
    return base.strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def main():
    ts = load.timescale(builtin=True)
    sat = EarthSatellite(*ISS_TLE, 'ISS (ZARYA)', ts)
    t0 = sat.epoch
    t1 = ts.tt_jd(t0.tt + DAYS)

    cases_out = []
    for name, lat, lon, height, min_el in CASES:
        topos = wgs84.latlon(lat, lon, elevation_m=height)
        diff = sat - topos

        def alt_az_range(tt_jd):
            alt, az, dist = diff.at(ts.tt_jd(tt_jd)).altaz()
            return alt.degrees, az.degrees, dist.km

        def alt(tt_jd):
            return diff.at(ts.tt_jd(tt_jd)).altaz()[0].degrees

        times, events = sat.find_events(topos, t0, t1, altitude_degrees=min_el)
        tol_days = 1e-3 / DAY_S
        rows = []
        for t, ev in zip(times, events):
            jd = t.tt
            if ev == 1:
                # Bounded Brent on -altitude within +-30 s of Skyfield's coarse culmination.
                res = minimize_scalar(lambda x: -alt(jd + x / DAY_S), bounds=(-30.0, 30.0), method='bounded',
                                      options={'xatol': 1e-3})
                refined = jd + res.x / DAY_S
            else:
                # Root of altitude - threshold; find_events leaves it within a 0.5 s bracket.
                a, b = jd - 2.0 / DAY_S, jd + 2.0 / DAY_S
                refined = brentq(lambda x: alt(x) - min_el, a, b, xtol=tol_days)
            el, az, rng = alt_az_range(refined)
            rows.append({
                'event': ['rise', 'culmination', 'set'][int(ev)],
                'utc': iso(ts.tt_jd(refined)),
                'utc_find_events': iso(t),
                'elevation_deg': round(float(el), 6),
                'azimuth_deg': round(float(az), 6),
                'range_km': round(float(rng), 4),
            })
        cases_out.append({
            'site': name,
            'lat_deg': lat,
            'lon_deg': lon,
            'height_m': height,
            'min_elevation_deg': min_el,
            'events': rows,
        })

    try:
        commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True,
                                cwd=os.path.dirname(__file__)).stdout.strip()
    except OSError:
        commit = ''
    out = {
        'header': {
            'description': 'ISS rise/culmination/set from Skyfield find_events, refined with Skyfield altaz '
                           '(Brent, 1 ms). Geometry only: no Sun, no ephemeris file, no refraction.',
            'generator': 'scripts/make-pass-fixtures.py',
            'command': '/usr/bin/python3 scripts/make-pass-fixtures.py',
            'skyfield_version': skyfield.__version__,
            'sgp4_accelerated': bool(__import__('sgp4.api', fromlist=['accelerated']).accelerated),
            'python': sys.version.split()[0],
            'numpy_version': np.__version__,
            'timescale': "load.timescale(builtin=True) (Skyfield's bundled leap seconds and IERS UT1 table)",
            'frames': 'TEME -> PEF by GMST1982 at UT1 (AIAA 2006-6753 App. C); no polar motion; WGS-84 observer',
            'ut1_minus_utc_s_at_tle_epoch': float(t0.dut1),
            'window_start_utc': iso(t0),
            'window_end_utc': iso(t1),
            'window_days': DAYS,
            'repo_commit_when_generated': commit,
            'generated_utc': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        },
        'tle': list(ISS_TLE),
        'cases': cases_out,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print(f'wrote {os.path.normpath(OUT)}: ' + ', '.join(f"{c['site']}@{c['min_elevation_deg']:g}deg "
                                                         f"{sum(e['event'] == 'culmination' for e in c['events'])} culminations"
                                                         for c in cases_out))


def sun_fixture():
    """Sun from ERFA (IAU SOFA algorithms): epv00 Earth ephemeris (Bretagnon VSOP2000-based fit,
    ~km-level), stellar aberration by erfa.ab, then GCRS -> true equator/equinox of date with the
    IAU 2006/2000A matrix erfa.pnm06a. Independent of astronomy-engine; needs no ephemeris file."""
    import erfa
    rows = []
    for jd1, jd2 in SUN_TT_JD:
        pvh, pvb = erfa.epv00(jd1, jd2)  # TDB ~ TT (|TDB-TT| < 2 ms: 0.00008 arcsec of Sun motion)
        geo = -np.asarray(pvh[0])  # geometric geocentric Sun, AU, GCRS-aligned (BCRS axes)
        dist = float(np.linalg.norm(geo))
        v = np.asarray(pvb[1]) / C_AU_PER_DAY
        bm1 = math.sqrt(1.0 - float(v @ v))
        app_dir = erfa.ab(geo / dist, v, dist, bm1)
        tod = erfa.pnm06a(jd1, jd2)
        rows.append({
            'tt_jd1': jd1,
            'tt_jd2': jd2,
            'geometric_gcrs_au': [float(x) for x in geo],
            'apparent_tod_unit': [float(x) for x in (tod @ app_dir)],
            'distance_au': dist,
        })
    out = {
        'header': {
            'description': 'Geocentric Sun: geometric (GCRS axes) and apparent direction in true equator and '
                           'equinox of date, from ERFA epv00 + ab + pnm06a.',
            'generator': 'scripts/make-pass-fixtures.py',
            'command': '/usr/bin/python3 scripts/make-pass-fixtures.py',
            'erfa_version': getattr(erfa, '__version__', 'unknown'),
            'notes': 'TT used for TDB; Sun light time neglected (Sun moves ~6 km during it, 0.01 arcsec).',
        },
        'rows': rows,
    }
    with open(SUN_OUT, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print(f'wrote {os.path.normpath(SUN_OUT)}: {len(rows)} epochs')


if __name__ == '__main__':
    main()
    sun_fixture()
