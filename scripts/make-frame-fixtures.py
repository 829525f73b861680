#!/usr/bin/python3
"""Write packages/core/test/fixtures/frames/astropy-teme.json: TEME positions at ~20 epochs
2000-2025 transformed by astropy (IAU-2006/2000A via ERFA) to ITRS and GCRS, plus geodetic
(WGS-84, erfa.gc2gd) and topocentric (AltAz, geometric) checks.

EOP: astropy's automatic IERS download is switched off and its Earth-orientation table is
replaced by one built from ../shared/data/eop/EOP-All.txt (CelesTrak, IERS 20 C04 + Bulletin A
predictions), so that both astropy and stationkeeper use the same UT1-UTC, x_p, y_p, dX, dY.
The values astropy actually interpolated at each epoch are written into the fixture too.

Run from the repository root:  /usr/bin/python3 scripts/make-frame-fixtures.py
"""
import json
import math
import os
import sys

import numpy as np
import erfa
import astropy
import astropy.units as u
from astropy.table import QTable
from astropy.time import Time
from astropy.utils import iers
from astropy.coordinates import (TEME, ITRS, GCRS, AltAz, EarthLocation,
                                 CartesianRepresentation)

iers.conf.auto_download = False
iers.conf.auto_max_age = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EOP_FILE = os.path.join(ROOT, '..', 'shared', 'data', 'eop', 'EOP-All.txt')
OUT = os.path.join(ROOT, 'packages', 'core', 'test', 'fixtures', 'frames', 'astropy-teme.json')


def read_celestrak(path):
    rows = []
    section = None
    with open(path) as f:
        for line in f:
            s = line.strip()
            if s.startswith('BEGIN '):
                section = s
                continue
            if s.startswith('END '):
                section = None
                continue
            if section is None or not s or s.startswith('#'):
                continue
            rows.append([float(x) for x in s.split()])
    return np.array(rows)


def install_eop(path):
    a = read_celestrak(path)
    t = QTable()
    t['MJD'] = a[:, 3] * u.d
    t['PM_x'] = a[:, 4] * u.arcsec
    t['PM_y'] = a[:, 5] * u.arcsec
    t['UT1_UTC'] = a[:, 6] * u.s
    t['LOD'] = a[:, 7] * u.s
    t['dX_2000A'] = a[:, 10] * u.arcsec
    t['dY_2000A'] = a[:, 11] * u.arcsec
    table = iers.IERS_B(t)
    iers.earth_orientation_table.set(table)
    return table


def main():
    table = install_eop(EOP_FILE)
    rng = np.random.default_rng(20250604)
    epochs = []
    for k in range(20):
        # 2000-01-15 ... 2025-05: spread over 25 years, avoiding leap-second days.
        mjd = 51558.0 + k * (60800.0 - 51558.0) / 19.0
        mjd = math.floor(mjd) + float(rng.uniform(0.05, 0.95))
        epochs.append(mjd)
    cases = []
    for k, mjd in enumerate(epochs):
        t = Time(mjd, format='mjd', scale='utc')
        # A LEO-like TEME position (km), varied per case; ISS-like radius and some at MEO/GEO.
        radius = [6778.0, 7000.0, 26560.0, 42164.0][k % 4]
        lon = rng.uniform(0, 2 * math.pi)
        lat = rng.uniform(-1.2, 1.2)
        r = radius * np.array([math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)])
        teme = TEME(CartesianRepresentation(r * u.km), obstime=t)
        itrs = teme.transform_to(ITRS(obstime=t))
        gcrs = teme.transform_to(GCRS(obstime=t))
        ut1_utc = float(t.delta_ut1_utc)
        xp, yp = table.pm_xy(t)
        dx, dy = table.dcip_xy(t)
        cases.append({
            'utcIso': t.isot + 'Z',
            'utcMjd': mjd,
            'eop': {
                'ut1MinusUtcS': ut1_utc,
                'xpArcsec': float(xp.to_value(u.arcsec)),
                'ypArcsec': float(yp.to_value(u.arcsec)),
                'dXArcsec': float(dx.to_value(u.arcsec)),
                'dYArcsec': float(dy.to_value(u.arcsec)),
            },
            'rTemeKm': r.tolist(),
            'rItrsKm': itrs.cartesian.xyz.to_value(u.km).tolist(),
            'rGcrsKm': gcrs.cartesian.xyz.to_value(u.km).tolist(),
        })

    # Geodetic (WGS-84) from ERFA: lat/lon/height for a set of ECEF points (m).
    geodetic = []
    pts = [[6378137.0, 0, 0], [0, 0, 6356752.314245], [0, 0, -6356752.314245 - 1000],
           [1917032.190, 6029782.349, -801376.113], [-2694045.0, -4293642.0, 3857878.0],
           [4510731.0, 4510731.0, 0.0], [1e-3, 2e-3, 6356752.3142 + 400e3],
           [42164e3 * 0.6, 42164e3 * 0.8, 1.0e5], [6524834.0, 6862875.0, 6448296.0]]
    for p in pts:
        lon, lat, h = erfa.gc2gd(1, np.array(p, dtype=float))
        geodetic.append({'rItrfM': p, 'latRad': float(lat), 'lonRad': float(lon), 'altM': float(h)})

    # Topocentric: observer on WGS-84, object ITRS position -> AltAz (geometric, no refraction).
    topo = []
    loc = EarthLocation.from_geodetic(lon=-104.883 * u.deg, lat=39.007 * u.deg, height=2187.0 * u.m)
    for k in range(6):
        t = Time(epochs[k], format='mjd', scale='utc')
        obs = loc.get_itrs(obstime=t).cartesian.xyz.to_value(u.m)
        d = np.array([rng.uniform(-2e6, 2e6), rng.uniform(-2e6, 2e6), rng.uniform(-1e6, 2e6)])
        pos = obs + d
        itrs_topo = ITRS(CartesianRepresentation((pos - obs) * u.m), obstime=t, location=loc)
        aa = itrs_topo.transform_to(AltAz(obstime=t, location=loc))
        topo.append({'rItrfM': pos.tolist(), 'azimuthRad': float(aa.az.to_value(u.rad)),
                     'elevationRad': float(aa.alt.to_value(u.rad)), 'rangeM': float(aa.distance.to_value(u.m))})

    # IAU-1980 nutation straight from ERFA (checks our 106-term table transcription).
    nutation = []
    for t in np.linspace(-1.0, 1.0, 41):
        dpsi, deps = erfa.nut80(2451545.0, float(t) * 36525.0)
        nutation.append({'ttCenturies': float(t), 'dPsiRad': float(dpsi), 'dEpsRad': float(deps),
                         'meanObliquityRad': float(erfa.obl80(2451545.0, float(t) * 36525.0))})

    out = {
        'header': {
            'generator': 'scripts/make-frame-fixtures.py',
            'command': '/usr/bin/python3 scripts/make-frame-fixtures.py',
            'versions': {'astropy': astropy.__version__, 'erfa': erfa.__version__, 'numpy': np.__version__,
                         'python': sys.version.split()[0]},
            'eop': 'astropy IERS table built from ../shared/data/eop/EOP-All.txt (CelesTrak, UPDATED 2025 Jun 04); '
                   'auto_download off. Values used per epoch are in case.eop.',
            'models': 'TEME->ITRS: astropy (GMST82 + polar motion). TEME->GCRS: astropy via ITRS->CIRS->GCRS '
                      '(IAU-2006/2000A, ERA, CIP with dX/dY). Geodetic: erfa.gc2gd(WGS84). '
                      'Topocentric: astropy ITRS(topocentric)->AltAz, no refraction. '
                      'nutation80: erfa.nut80 / erfa.obl80 (IAU-1980 / IAU-1976).',
            'units': 'km for r*Km, m for *M, rad for angles',
        },
        'cases': cases,
        'geodetic': geodetic,
        'nutation80': nutation,
        'topocentric': {'observer': {'latDeg': 39.007, 'lonDeg': -104.883, 'altM': 2187.0}, 'cases': topo},
    }
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', OUT, len(cases), 'cases')


if __name__ == '__main__':
    main()
