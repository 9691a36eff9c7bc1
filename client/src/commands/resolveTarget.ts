// The project and environment a command acts on: given by its arguments, else the active project and the
// environment selected for its folder (unset: dbnd's own default, `[databand] env`).
import * as vscode from 'vscode';
import { activeProject, projectOf, type ProjectTarget } from '../projectTarget';
import type { CommandContext } from './command';
import type { ProjectArgs } from './commandArgs';

export interface Target {
  readonly project: ProjectTarget;
  readonly env: string | undefined;
}

export function resolveTarget(context: CommandContext, args: ProjectArgs): Target | undefined {
  const project = args.uri
    ? projectOf(vscode.Uri.parse(args.uri))
    : activeProject((uri) => context.views.projectOf(uri));
  if (!project) {
    void vscode.window.showInformationMessage('Open a folder or a dbnd config file first.');
    return undefined;
  }
  return { project, env: args.env ?? context.environments.get(project.key) };
}
