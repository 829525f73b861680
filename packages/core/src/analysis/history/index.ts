export * from './orbitHistory.js';
export * from './detectManeuvers.js';
export { fitJump, theilSenLine, theilSenSlopeSubsampled, robustSigma, lineAt, type JumpFit, type Line } from './robustLine.js';
export * from './historyJson.js';
