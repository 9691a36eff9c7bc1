// The questions the cluster UI asks before it deletes pods (a modal "Delete pod X?", the notification offering to
// delete a closed window's pods) go through `ask`, so the extension's own tests can give the answer: a dialog cannot
// be clicked through the extension API. Outside tests nothing is registered and `ask` is VS Code's message box.
import * as vscode from 'vscode';

export interface Question {
  readonly message: string;
  readonly modal: boolean;
  readonly items: readonly string[];
}

/** Returns the item to pick (undefined = dismissed), as a user would. */
export type Answerer = (question: Question) => string | undefined;

let answerer: Answerer | undefined;

/** For the extension's tests (through the API activate() returns): answers every question until reset. */
export function answerQuestionsWith(next: Answerer | undefined): void {
  answerer = next;
}

export async function ask(message: string, modal: boolean, ...items: string[]): Promise<string | undefined> {
  if (answerer) return answerer({ message, modal, items });
  return vscode.window.showWarningMessage(message, { modal }, ...items);
}
