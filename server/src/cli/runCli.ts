// `dbnd-cfg [--help] COMMAND [ARGS]`: help texts and dispatch through the command table. Errors become
// messages and exit codes here, so commands can simply throw UsageError.
import { parseCommandArgs } from './args';
import { ExitCode, InputError, UsageError, type CliCommand, type CliIo } from './command';
import { COMMANDS, type CommandEntry } from './commands';

const PROGRAM = 'dbnd-cfg';

/** The help of the program lists every command with its summary, so it loads them all. */
async function programHelp(entries: readonly CommandEntry[]): Promise<string> {
  const commands = await Promise.all(entries.map((e) => e.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `usage: ${PROGRAM} COMMAND [ARGS]   (${PROGRAM} --version: its version)`,
    '',
    'Checks and explains dbnd (Databand) configuration files the way dbnd reads them.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run '${PROGRAM} COMMAND --help' for the options of a command.`,
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return `usage: ${command.usage}\n\n${command.summary}\n\n${command.help.trimEnd()}\n`;
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(await programHelp(commands));
    return ExitCode.usage;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${PROGRAM} ${io.version ?? 'unknown'}\n`);
    return ExitCode.ok;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await programHelp(commands));
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`${PROGRAM}: unknown command '${name}'\n\n${await programHelp(commands)}`);
    return ExitCode.usage;
  }
  const command = await entry.load();
  try {
    const args = parseCommandArgs(rest, command.options);
    if (args.help) {
      io.stdout(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${PROGRAM} ${command.name}: ${err.message}\nusage: ${command.usage}\n`);
      return ExitCode.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`${PROGRAM} ${command.name}: ${err.message}\n`);
      return ExitCode.usage;
    }
    throw err;
  }
}
