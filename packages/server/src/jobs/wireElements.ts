/** Mean elements as plain data for worker threads (Epoch as its TAI parts), and back. */
import { Epoch, type MeanElements } from '@stationkeeper/core';

export interface WireElements extends Omit<MeanElements, 'epoch'> {
  epoch: { taiMjdDay: number; taiSecondsOfDay: number };
}

export function toWire(e: MeanElements): WireElements {
  return { ...e, epoch: { taiMjdDay: e.epoch.taiMjdDay, taiSecondsOfDay: e.epoch.taiSecondsOfDay } };
}

export function fromWire(w: WireElements): MeanElements {
  return { ...w, epoch: Epoch.fromTai(w.epoch.taiMjdDay, w.epoch.taiSecondsOfDay) };
}
