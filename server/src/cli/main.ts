// `dbnd-cfg` (dist/cli/dbnd-cfg.js): the command-line face of the core, for CI and terminals.
import { runCli } from './runCli';
import { nodeIo } from './nodeIo';

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    // exitCode, not exit(): let piped stdout drain before the process ends.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dbnd-cfg: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70; // EX_SOFTWARE: a bug, not a finding or a usage error
  },
);
