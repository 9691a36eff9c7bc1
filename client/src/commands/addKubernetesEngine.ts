// "Databand: Add Kubernetes Engine": asks for the section name, the namespace, the container repository and the
// kubeconfig context (the contexts of the user's kubeconfig, current first), each with a default so that Enter goes
// through, and appends a `[name]` section with `_type = kubernetes` and the keys dbnd's Kubernetes guide sets to
// the active dbnd config file as one WorkspaceEdit (undoable, unsaved). Escape at any question cancels quietly.
//
// The text is written by hand, as dbnd's configparser reads it, not with the `ini` package (README, "Deliberately
// not used"): configparser interpolates `%`, so a `%` in a value is written `%%`; a value is one line with no
// surrounding blanks (configparser strips them); a section name cannot hold `]` or a line break.
import * as vscode from 'vscode';
import { kubeconfigContexts } from '../cluster/clusterTarget';
import { ADD_KUBERNETES_ENGINE_COMMAND } from '../commandIds';
import { LANGUAGE_ID } from '../languageClient';
import type { DatabandCommand } from './command';
import { argsOf } from './commandArgs';

/** The answers; a caller (a test, a link) may give any of them, and only the missing ones are asked for. */
export interface KubernetesEngineArgs {
  readonly name?: string;
  readonly namespace?: string;
  readonly containerRepository?: string;
  /** null: no `cluster_context` key, so dbnd uses the kubeconfig's current-context. */
  readonly clusterContext?: string | null;
}

type Answers = Required<KubernetesEngineArgs>;

const SECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** configparser's reading of a value: `%` starts an interpolation, so a literal one is doubled. */
function asConfigValue(value: string): string {
  return value.replace(/%/g, '%%');
}

/** The section as dbnd reads it, preceded by a blank line; `eol` is the document's line ending. */
export function kubernetesEngineSection(answers: Answers, eol = '\n'): string {
  const lines = [
    `[${answers.name}]`,
    '_type = kubernetes',
    ...(answers.clusterContext === null ? [] : [`cluster_context = ${asConfigValue(answers.clusterContext)}`]),
    `namespace = ${asConfigValue(answers.namespace)}`,
    `container_repository = ${asConfigValue(answers.containerRepository)}`,
    '# Empty: dbnd builds the image and pushes it to container_repository when a run is submitted.',
    'container_tag =',
    'docker_build = True',
    'docker_build_push = True',
  ];
  return lines.join(eol) + eol;
}

function sectionNames(doc: vscode.TextDocument): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < doc.lineCount; i++) {
    const m = /^\[([^\]]*)\]/.exec(doc.lineAt(i).text);
    if (m) names.add(m[1]);
  }
  return names;
}

function freeName(taken: Set<string>): string {
  if (!taken.has('kubernetes_engine')) return 'kubernetes_engine';
  for (let n = 2; ; n++) if (!taken.has(`kubernetes_engine_${n}`)) return `kubernetes_engine_${n}`;
}

/** A value on one line with no surrounding blanks, as configparser would keep it. */
function valueProblem(v: string, what: string): string | undefined {
  if (v.trim() === '') return `${what} is needed`;
  if (v !== v.trim() || /[\r\n]/.test(v)) return `${what} is one line without leading or trailing blanks`;
  return undefined;
}

async function askContext(): Promise<string | null | undefined> {
  const found = await kubeconfigContexts(process.env);
  const asDbnd = { label: '$(settings-gear) No cluster_context', description: "the kubeconfig's current-context" };
  if (found.names.length === 0) {
    const typed = await vscode.window.showInputBox({
      title: 'Add Kubernetes Engine (4/4): cluster_context',
      prompt: "No kubeconfig context found. A context name, or empty for the kubeconfig's current-context",
      value: '',
      validateInput: (v) => (v === '' ? undefined : valueProblem(v, 'A context name')),
    });
    return typed === undefined ? undefined : typed === '' ? null : typed;
  }
  const contexts = found.names
    .map((name) => ({ label: name, description: name === found.current ? 'current-context' : '', name }))
    .sort((a, b) => Number(b.name === found.current) - Number(a.name === found.current));
  const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { name?: string }>([...contexts, asDbnd], {
    title: 'Add Kubernetes Engine (4/4): cluster_context',
    placeHolder: 'The kubeconfig context dbnd submits pods to',
  });
  return picked === undefined ? undefined : (picked.name ?? null);
}

async function askAnswers(
  given: KubernetesEngineArgs,
  taken: Set<string>,
  folderName: string,
): Promise<Answers | undefined> {
  const name =
    given.name ??
    (await vscode.window.showInputBox({
      title: 'Add Kubernetes Engine (1/4): section name',
      prompt: 'The engine section; an environment uses it with remote_engine = <name>',
      value: freeName(taken),
      validateInput: (v) =>
        !SECTION_NAME.test(v)
          ? 'Letters, digits, _ . and -'
          : taken.has(v)
            ? `[${v}] is already in this file`
            : undefined,
    }));
  if (name === undefined) return undefined;
  const namespace =
    given.namespace ??
    (await vscode.window.showInputBox({
      title: 'Add Kubernetes Engine (2/4): namespace',
      prompt: 'The Kubernetes namespace of the pods',
      value: 'default',
      validateInput: (v) =>
        DNS_LABEL.test(v) ? undefined : 'A namespace is a DNS label: lower-case letters, digits and -',
    }));
  if (namespace === undefined) return undefined;
  const containerRepository =
    given.containerRepository ??
    (await vscode.window.showInputBox({
      title: 'Add Kubernetes Engine (3/4): container_repository',
      prompt: 'The image repository of the pods (dbnd pushes the image it builds there)',
      value: folderName.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-') || 'dbnd-project',
      validateInput: (v) => valueProblem(v, 'A repository'),
    }));
  if (containerRepository === undefined) return undefined;
  const clusterContext = given.clusterContext !== undefined ? given.clusterContext : await askContext();
  if (clusterContext === undefined) return undefined;
  return { name, namespace, containerRepository, clusterContext };
}

export const addKubernetesEngine: DatabandCommand = {
  id: ADD_KUBERNETES_ENGINE_COMMAND,
  async run(_context, ...rawArgs) {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open the dbnd config file to add the engine to first.');
      return undefined;
    }
    const doc = editor.document;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const answers = await askAnswers(argsOf<KubernetesEngineArgs>(rawArgs), sectionNames(doc), folder?.name ?? '');
    if (!answers) return undefined; // cancelled
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const end = doc.lineAt(doc.lineCount - 1);
    // A blank line before the section; a file without a final line break gets one first.
    const lead = end.text === '' ? (doc.lineCount > 1 ? eol : '') : eol + eol;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end.range.end, lead + kubernetesEngineSection(answers, eol));
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    const header = doc.lineCount - kubernetesEngineSection(answers, eol).split(eol).length;
    editor.selection = new vscode.Selection(header, 0, header, 0);
    editor.revealRange(new vscode.Range(header, 0, doc.lineCount - 1, 0));
    return { name: answers.name, line: header };
  },
};
