/**
 * `--no-checksum`: every command that reads element sets accepts it, for files whose column-69
 * checksums are wrong (hand-edited lines). The fields are still checked. main.ts adds the option
 * and sets `tleParsing` from it before the command's action runs; the TLE readers of the CLI take
 * `verifyChecksum` from here.
 */
import type { Command } from 'commander';

export const tleParsing = { verifyChecksum: true };

const ELEMENT_OPTIONS = ['--tle', '--primary-tle', '--catalog'];

function addOption(parent: Command): void {
  for (const cmd of parent.commands) {
    if (cmd.options.some((o) => o.long !== undefined && ELEMENT_OPTIONS.includes(o.long))) {
      cmd.option('--no-checksum', 'accept element sets whose TLE checksum (column 69) is wrong; every field is still checked');
    }
    addOption(cmd);
  }
}

/** Add `--no-checksum` to every command (nested ones too) that reads element-set files. */
export function addNoChecksumOption(program: Command): void {
  addOption(program);
  program.hook('preAction', (_self, action) => {
    tleParsing.verifyChecksum = action.opts().checksum !== false;
  });
}
