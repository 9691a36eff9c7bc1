// Waiting inside the extension host for what the language server sends, without sleeping: each helper checks the
// current state, then re-checks on the event that can change it, and fails after a timeout naming what it waited for.
import * as vscode from 'vscode';

export const WAIT_TIMEOUT_MS = 45_000;

/** Resolves with `check()`'s first defined result, re-checking whenever `event` fires. */
export function waitForEvent<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  what: string,
  ms = WAIT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (settle: () => void) => {
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const attempt = () => {
      const value = check();
      if (value !== undefined) done(() => resolve(value));
    };
    const subscription = event(attempt);
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`))), ms);
    attempt();
  });
}

/** The diagnostics of `uri` once `accept` says they are the expected ones. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const current = vscode.languages.getDiagnostics(uri);
      return accept(current) ? current : undefined;
    },
    `${what} (${uri.toString()})`,
  );
}

/** A diagnostic's code as a string, whether the server sent it plain or as { value, target }. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

/**
 * For state that no event announces (an extension's activation): re-checks every 50 ms until `check()` is truthy.
 * This waits for the condition itself, however long it takes up to the timeout; it never assumes a fixed delay.
 */
export async function until<T>(check: () => T | undefined | false, what: string, ms = WAIT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Like `until`, for an answer that must be asked for again (a provider the language client registers once the server
 * has started): re-asks 50 ms after each unaccepted answer until `ask()` resolves truthy.
 */
export async function untilAnswered<T>(
  ask: () => Thenable<T | undefined | false>,
  what: string,
  ms = WAIT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
