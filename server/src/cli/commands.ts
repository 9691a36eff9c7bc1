// The command table of `dbnd-cfg`. Adding a command: write commands/NAME.ts exporting a CliCommand, then one
// entry here; help and dispatch follow from the table.
//
// Each command's module is loaded when that command runs (or when help lists them all), not when the program
// starts: `dbnd-cfg lint` in a CI step or a pre-commit hook is a whole process per call, and `run` alone brings
// the cluster I/O (node:http, node:https, crypto, streams; client-node itself is a file of its own,
// scripts/build.mjs). The names are written here so that dispatch needs no module but the chosen one; a test
// checks each against its module's own.
import type { CliCommand } from './command';

export interface CommandEntry {
  readonly name: string;
  /** The command's module, loaded on first use (Node caches it). */
  readonly load: () => Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'lint', load: async () => (await import('./commands/lint.js')).lintCommand },
  { name: 'effective', load: async () => (await import('./commands/effective.js')).effectiveCommand },
  { name: 'render-pod', load: async () => (await import('./commands/renderPod.js')).renderPodCommand },
  { name: 'case', load: async () => (await import('./commands/case.js')).caseCommand },
  { name: 'run', load: async () => (await import('./commands/run.js')).runCommand },
];
