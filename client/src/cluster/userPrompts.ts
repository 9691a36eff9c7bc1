// The questions the cluster UI asks before it deletes pods (a modal "Delete pod X?", the notification offering to
// delete a closed window's pods) and the errors that offer a next step (the cluster check's Select Kubernetes
// Context / Retry) go through `ask`, so the extension's own tests can give the answer: a notification's button
// cannot be clicked through the extension API. Outside tests nothing is registered and `ask` is VS Code's message.
import * as vscode from 'vscode';

export interface Question {
  readonly message: string;
  readonly modal: boolean;
  readonly items: readonly string[];
  /** How VS Code shows it: a warning (a question) or an error (with the buttons of the next step). */
  readonly severity: 'warning' | 'error';
}

/** Returns the item to pick (undefined = dismissed), as a user would. */
export type Answerer = (question: Question) => string | undefined;

let answerer: Answerer | undefined;

/** For the extension's tests (through the API activate() returns): answers every question until reset. */
export function answerQuestionsWith(next: Answerer | undefined): void {
  answerer = next;
}

export async function ask(message: string, modal: boolean, ...items: string[]): Promise<string | undefined> {
  if (answerer) return answerer({ message, modal, items, severity: 'warning' });
  return vscode.window.showWarningMessage(message, { modal }, ...items);
}

/** An error notification whose buttons are the next steps; resolves with the one picked. */
export async function askAfterError(message: string, ...items: string[]): Promise<string | undefined> {
  if (answerer) return answerer({ message, modal: false, items, severity: 'error' });
  return vscode.window.showErrorMessage(message, ...items);
}
