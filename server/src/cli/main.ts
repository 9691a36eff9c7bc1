// `dbnd-cfg` (dist/cli/dbnd-cfg-main.js; the bin dist/cli/dbnd-cfg.js, server/src/startup/cliEntry.ts, starts it):
// the command-line face of the core, for CI and terminals.
import { ExitCode } from './command';
import { runCli } from './runCli';
import { nodeIo } from './nodeIo';

// A reader that stops early (`dbnd-cfg lint x | head`) closes the pipe: stop writing, quietly, as other
// command-line tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  throw err;
});

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    // exitCode, not exit(): let piped stdout drain before the process ends.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `dbnd-cfg: internal error (a bug in dbnd-cfg, please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = ExitCode.internal;
  },
);
