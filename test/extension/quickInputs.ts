// Answering a command's questions (quick picks and input boxes) from inside the extension host, as a user at the
// keyboard would: no API lets a test fill them in, but the workbench commands that Enter and Escape run do.
import * as vscode from 'vscode';
import { WAIT_TIMEOUT_MS } from './waitFor';

/**
 * Runs a command that asks questions and answers each with `answer` (accept: Enter; close: Escape) until the
 * command has finished. Quick inputs open asynchronously and no API event announces them, so the answer is
 * repeated until the command's promise settles; an answer sent while no input is open does nothing.
 */
export async function answerEveryQuestion<T>(
  run: Thenable<T>,
  answer: 'workbench.action.acceptSelectedQuickOpenItem' | 'workbench.action.closeQuickOpen',
): Promise<T> {
  let settled = false;
  const result = Promise.resolve(run).finally(() => (settled = true));
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (!settled) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${WAIT_TIMEOUT_MS} ms answering the command's questions`);
    await vscode.commands.executeCommand(answer);
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 50))]).catch(() => undefined);
  }
  return result;
}
