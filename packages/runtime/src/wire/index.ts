export { passJson, skyPointJson, type PassJson, type SkyPointJson } from './pass.js';
export { stateJson, trackPointJson, type StateJson, type TrackPointJson } from './state.js';

