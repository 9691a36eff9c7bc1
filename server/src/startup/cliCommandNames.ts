// The names of dbnd-cfg's commands, for the code cache's file names. Written here, not read from cli/commands.ts,
// because importing the command table would bring every command into the few lines that start the CLI;
// test/startup/cliEntry.test.ts checks the two lists agree.
export const CLI_COMMAND_NAMES: readonly string[] = ['lint', 'effective', 'render-pod', 'case', 'run'];
