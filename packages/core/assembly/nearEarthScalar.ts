// AssemblyScript (compiled to WebAssembly by scripts/build-wasm.mjs, not by tsc).
//
// Scalar near-Earth SGP4, the same equations and operation order as the JavaScript kernel in
// src/propagation/sgp4/nearEarthKernel.ts and keplerShortPeriod.ts (STR#3 §6 with AIAA
// 2006-6753), over the same 36-double record. Kept to measure where scalar WebAssembly stands
// against V8's JIT on this code; the SIMD kernel is nearEarthSimd.ts.
import { C_J2HALF, C_RADIUS, C_VKM, C_XKE, remTwoPi, setErr, R } from './common';

/** sin/cos by rotation by a small step (|step| < 0.01), series to 9th order, as the JS kernel. */
@inline function sinSmall(s: f64): f64 {
  const s2 = s * s;
  return s * (1 - (s2 / 6) * (1 - (s2 / 20) * (1 - (s2 / 42) * (1 - s2 / 72))));
}
@inline function cosSmall(s: f64): f64 {
  const s2 = s * s;
  return 1 - (s2 / 2) * (1 - (s2 / 12) * (1 - (s2 / 30) * (1 - s2 / 56)));
}

/**
 * Propagate the record at `rec` to `count` times (minutes `baseMin + times[k]`): positions (km)
 * to pos[3k…], velocities (km/s) to vel[3k…], error codes to err[k] (NaN state on error).
 */
export function propagateScalar(rec: usize, baseMin: f64, times: usize, count: i32, pos: usize, vel: usize, err: usize): void {
  const simple = load<f64>(rec + R.SIMPLE * 8) != 0;
  const mo = load<f64>(rec + R.MO * 8), mdot = load<f64>(rec + R.MDOT * 8);
  const argpo = load<f64>(rec + R.ARGPO * 8), argpdot = load<f64>(rec + R.ARGPDOT * 8);
  const nodeo = load<f64>(rec + R.NODEO * 8), nodedot = load<f64>(rec + R.NODEDOT * 8), nodecf = load<f64>(rec + R.NODECF * 8);
  const cc1 = load<f64>(rec + R.CC1 * 8), t2cof = load<f64>(rec + R.T2COF * 8);
  const omgcof = load<f64>(rec + R.OMGCOF * 8), xmcof = load<f64>(rec + R.XMCOF * 8);
  const eta = load<f64>(rec + R.ETA * 8), delmo = load<f64>(rec + R.DELMO * 8);
  const d2 = load<f64>(rec + R.D2 * 8), d3 = load<f64>(rec + R.D3 * 8), d4 = load<f64>(rec + R.D4 * 8);
  const t3cof = load<f64>(rec + R.T3COF * 8), t4cof = load<f64>(rec + R.T4COF * 8), t5cof = load<f64>(rec + R.T5COF * 8);
  const sinmao = load<f64>(rec + R.SINMAO * 8), bstar = load<f64>(rec + R.BSTAR * 8);
  const no = load<f64>(rec + R.NO * 8), ecco = load<f64>(rec + R.ECCO * 8);
  const sinio = load<f64>(rec + R.SINIO * 8), cosio = load<f64>(rec + R.COSIO * 8);
  const xlcof = load<f64>(rec + R.XLCOF * 8), aycof = load<f64>(rec + R.AYCOF * 8);
  const con41 = load<f64>(rec + R.CON41 * 8), x1mth2 = load<f64>(rec + R.X1MTH2 * 8), x7thm1 = load<f64>(rec + R.X7THM1 * 8);
  const ao = load<f64>(rec + R.AO * 8);
  const inclo = load<f64>(rec + R.INCLO * 8);
  const bstarCc4 = bstar * load<f64>(rec + R.CC4 * 8);
  const bstarCc5 = bstar * load<f64>(rec + R.CC5 * 8);

  for (let k = 0; k < count; k++) {
    const t = baseMin + load<f64>(times + (<usize>k << 3));
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const t2 = t * t;
    const nodem = nodeo + nodedot * t + nodecf * t2;
    let tempa = 1 - cc1 * t;
    let tempe = bstarCc4 * t;
    let templ = t2cof * t2;
    let mm = xmdf;
    let argpm = argpdf;
    if (!simple) {
      const delmRoot = 1 + eta * Math.cos(xmdf);
      const temp = omgcof * t + xmcof * (delmRoot * delmRoot * delmRoot - delmo);
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe = tempe + bstarCc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    const am = ao * tempa * tempa;
    const absTempa = Math.abs(tempa);
    const nm = no / (absTempa * absTempa * absTempa);
    let em = ecco - tempe;
    if (em >= 1 || em < -0.001 || !(am > 0)) {
      setErr(pos, vel, err, k, 1);
      continue;
    }
    if (em < 1e-6) em = 1e-6;
    mm = mm + no * templ;
    const cosArgp = Math.cos(argpm);
    const sinArgp = Math.sin(argpm);
    const axnl = em * cosArgp;
    const invAmOneMinusE2 = 1 / (am * (1 - em * em));
    const aynl = em * sinArgp + invAmOneMinusE2 * aycof;
    const u = remTwoPi(mm + argpm + invAmOneMinusE2 * xlcof * axnl);
    oscState(axnl, aynl, u, am, nm, nodem, inclo, sinio, cosio, con41, x1mth2, x7thm1, pos, vel, err, k);
  }
}

/** Kepler, short-period terms and the TEME state: keplerShortPeriod.ts's writeOsculatingState. */
@inline function oscState(
  axnl: f64, aynl: f64, u: f64, am: f64, nm: f64, nodem: f64, inclo: f64, sinio: f64, cosio: f64,
  con41: f64, x1mth2: f64, x7thm1: f64, pos: usize, vel: usize, err: usize, k: i32,
): void {
  let eo1 = u;
  let sineo1 = Math.sin(u);
  let coseo1 = Math.cos(u);
  for (let it = 1; it <= 10; it++) {
    let step = (u - aynl * coseo1 + axnl * sineo1 - eo1) / (1 - coseo1 * axnl - sineo1 * aynl);
    if (step >= 0.95) step = 0.95;
    else if (step <= -0.95) step = -0.95;
    eo1 += step;
    if (Math.abs(step) < 1e-12 || it == 10) break;
    if (Math.abs(step) < 0.01) {
      const sd = sinSmall(step);
      const cd = cosSmall(step);
      const sNew = sineo1 * cd + coseo1 * sd;
      coseo1 = coseo1 * cd - sineo1 * sd;
      sineo1 = sNew;
    } else {
      sineo1 = Math.sin(eo1);
      coseo1 = Math.cos(eo1);
    }
  }
  const ecose = axnl * coseo1 + aynl * sineo1;
  const esine = axnl * sineo1 - aynl * coseo1;
  const el2 = axnl * axnl + aynl * aynl;
  const pl = am * (1 - el2);
  if (pl < 0) {
    setErr(pos, vel, err, k, 4);
    return;
  }
  const rl = am * (1 - ecose);
  const rdotl = (Math.sqrt(am) * esine) / rl;
  const rvdotl = Math.sqrt(pl) / rl;
  const betal = Math.sqrt(1 - el2);
  const ebeta = esine / (1 + betal);
  const aOverR = am / rl;
  const sinu = aOverR * (sineo1 - aynl - axnl * ebeta);
  const cosu = aOverR * (coseo1 - axnl + aynl * ebeta);
  const sin2u = (cosu + cosu) * sinu;
  const cos2u = 1 - 2 * sinu * sinu;
  const invPl = 1 / pl;
  const temp1 = C_J2HALF * invPl;
  const temp2 = temp1 * invPl;
  const mrt = rl * (1 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
  const dsu = -0.25 * temp2 * x7thm1 * sin2u;
  const xnode = nodem + 1.5 * temp2 * cosio * sin2u;
  const dinc = 1.5 * temp2 * cosio * sinio * cos2u;
  const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / C_XKE;
  const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / C_XKE;
  const invH = 1 / Math.sqrt(sinu * sinu + cosu * cosu);
  const sinu0 = sinu * invH;
  const cosu0 = cosu * invH;
  let sinsu: f64, cossu: f64, sini: f64, cosi: f64;
  if (Math.abs(dsu) < 0.01 && Math.abs(dinc) < 0.01) {
    let sd = sinSmall(dsu);
    let cd = cosSmall(dsu);
    sinsu = sinu0 * cd + cosu0 * sd;
    cossu = cosu0 * cd - sinu0 * sd;
    sd = sinSmall(dinc);
    cd = cosSmall(dinc);
    sini = sinio * cd + cosio * sd;
    cosi = cosio * cd - sinio * sd;
  } else {
    const su = Math.atan2(sinu, cosu) + dsu;
    sinsu = Math.sin(su);
    cossu = Math.cos(su);
    sini = Math.sin(inclo + dinc);
    cosi = Math.cos(inclo + dinc);
  }
  const snod = Math.sin(xnode);
  const cnod = Math.cos(xnode);
  const xmx = -snod * cosi;
  const xmy = cnod * cosi;
  const ux = xmx * sinsu + cnod * cossu;
  const uy = xmy * sinsu + snod * cossu;
  const uz = sini * sinsu;
  const vx = xmx * cossu - cnod * sinsu;
  const vy = xmy * cossu - snod * sinsu;
  const vz = sini * cossu;
  if (mrt < 1) {
    setErr(pos, vel, err, k, 6);
    return;
  }
  const rk = mrt * C_RADIUS;
  const p = pos + <usize>k * 24;
  store<f64>(p, rk * ux);
  store<f64>(p, rk * uy, 8);
  store<f64>(p, rk * uz, 16);
  const v = vel + <usize>k * 24;
  store<f64>(v, (mvt * ux + rvdot * vx) * C_VKM);
  store<f64>(v, (mvt * uy + rvdot * vy) * C_VKM, 8);
  store<f64>(v, (mvt * uz + rvdot * vz) * C_VKM, 16);
  store<u8>(err + k, 0);
}
