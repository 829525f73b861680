/** Process entry of the CLI: runs `main` on this process's arguments (bin/stationkeeper.js loads it). */
import { main } from './main.js';

process.exitCode = await main(process.argv);
