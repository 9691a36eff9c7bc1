// The output channel of one run. Two runs of the same task in the same env must not share a channel (VS Code
// would show them under one name), so the name ends with the run's start time, as a user reads it in the list.
// No vscode import: unit-tested in Node.

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `Databand Run: TASK (ENV) at HH:MM:SS`, local time. */
export function runChannelName(task: string, envName: string, started: Date): string {
  const time = [started.getHours(), started.getMinutes(), started.getSeconds()].map(twoDigits).join(':');
  return `Databand Run: ${task} (${envName}) at ${time}`;
}
