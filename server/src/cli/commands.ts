// The command table of `dbnd-cfg`. Adding a command: write commands/NAME.ts exporting a CliCommand, then one
// import and one entry here; help and dispatch follow from the table.
import type { CliCommand } from './command';
import { caseCommand } from './commands/case';
import { effectiveCommand } from './commands/effective';
import { lintCommand } from './commands/lint';
import { renderPodCommand } from './commands/renderPod';
import { runCommand } from './commands/run';

export const COMMANDS: readonly CliCommand[] = [
  lintCommand,
  effectiveCommand,
  renderPodCommand,
  caseCommand,
  runCommand,
];
