/** Worker side of `constellation-deploy`: the same configuration reader and simulation as the CLI. */
import { deploymentJson, parseDeploymentConfig, simulateDeployment } from '@stationkeeper/core';
import { fromWire, type WireElements } from '../wireElements.js';

export interface DeployInput {
  config: Record<string, unknown>;
  station?: WireElements;
}

export function runDeployment(input: DeployInput, report: (fraction: number, message?: string) => void): ReturnType<typeof deploymentJson> {
  const config = parseDeploymentConfig(input.config);
  if (input.station) config.station = fromWire(input.station);
  return deploymentJson(simulateDeployment(config, report));
}
