// Every LSP method the server handles, in one table: read this file to know what the server does. Each handler
// lives in handlers/<method>.ts and is a thin conversion around an ide/ function; `guarded` keeps a failing
// request from ending the session (`guardedRequest` for the custom requests: logged, answered with an error).
import type { ServerState } from './serverState';
import { guarded, guardedRequest } from './handlers/guarded';
import { initialize } from './handlers/initialize';
import { initialized } from './handlers/initialized';
import { didChangeContent } from './handlers/didChangeContent';
import { didClose } from './handlers/didClose';
import { didChangeWatchedFiles } from './handlers/didChangeWatchedFiles';
import { didChangeConfiguration } from './handlers/didChangeConfiguration';
import { didChangeWorkspaceFolders } from './handlers/didChangeWorkspaceFolders';
import { documentSymbol } from './handlers/documentSymbol';
import { foldingRange } from './handlers/foldingRange';
import { definition } from './handlers/definition';
import { references } from './handlers/references';
import { prepareRename } from './handlers/prepareRename';
import { rename } from './handlers/rename';
import { workspaceSymbol } from './handlers/workspaceSymbol';
import { codeAction } from './handlers/codeAction';
import { completion } from './handlers/completion';
import { hover } from './handlers/hover';
import { describeError } from './describeError';
import { EffectiveConfigRequest, EnvironmentsRequest, RenderPodRequest } from '../../../protocol/customRequests';
import { codeLens } from './handlers/codeLens';
import { effectiveConfig } from './handlers/effectiveConfig';
import { environments } from './handlers/environments';
import { renderPod } from './handlers/renderPod';
import { PrepareClusterRunRequest } from '../../../protocol/customRequests';
import { prepareClusterRun } from './handlers/prepareClusterRun';

export function registerHandlers(state: ServerState): void {
  const { connection, documents } = state;
  const logFailure = (method: string) => (err: unknown) =>
    connection.console.error(`${method} failed: ${describeError(err)}`);

  // Lifecycle
  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => {
    initialized(state).catch(logFailure('initialized'));
    if (state.clientCapabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        (e) => void didChangeWorkspaceFolders(state, e).catch(logFailure('didChangeWorkspaceFolders')),
      );
    }
  });
  connection.onShutdown(() => state.diagnostics.dispose());

  // Documents and the project around them (diagnostics are published after each change)
  documents.onDidChangeContent(guarded(connection, 'didChangeContent', (e) => didChangeContent(state, e), undefined));
  documents.onDidClose(guarded(connection, 'didClose', (e) => didClose(state, e), undefined));
  connection.onDidChangeWatchedFiles(
    guarded(connection, 'didChangeWatchedFiles', (p) => didChangeWatchedFiles(state, p), undefined),
  );
  connection.onDidChangeConfiguration(
    () => void didChangeConfiguration(state).catch(logFailure('didChangeConfiguration')),
  );

  // Navigation: outline, folding, section names across the project's files
  connection.onDocumentSymbol(guarded(connection, 'documentSymbol', (p) => documentSymbol(state, p), []));
  connection.onFoldingRanges(guarded(connection, 'foldingRange', (p) => foldingRange(state, p), []));
  connection.onDefinition(guarded(connection, 'definition', (p) => definition(state, p), []));
  connection.onReferences(guarded(connection, 'references', (p) => references(state, p), []));
  connection.onPrepareRename(guarded(connection, 'prepareRename', (p) => prepareRename(state, p), null));
  connection.onRenameRequest(guarded(connection, 'rename', (p) => rename(state, p), null));
  connection.onWorkspaceSymbol(guarded(connection, 'workspaceSymbol', (p) => workspaceSymbol(state, p), []));

  // Quick fixes
  connection.onCodeAction(guarded(connection, 'codeAction', (p) => codeAction(state, p), []));

  // Custom requests of the extension (protocol/customRequests.ts, docs/lsp-extensions.md)
  connection.onRequest(
    EnvironmentsRequest.type,
    guardedRequest(connection, EnvironmentsRequest.method, (params) => environments(state, params)),
  );
  connection.onRequest(
    EffectiveConfigRequest.type,
    guardedRequest(connection, EffectiveConfigRequest.method, (params) => effectiveConfig(state, params)),
  );
  connection.onRequest(
    RenderPodRequest.type,
    guardedRequest(connection, RenderPodRequest.method, (params) => renderPod(state, params)),
  );
  connection.onRequest(
    PrepareClusterRunRequest.type,
    guardedRequest(connection, PrepareClusterRunRequest.method, (params) => prepareClusterRun(state, params)),
  );
  connection.onCodeLens(guarded(connection, 'codeLens', (params) => codeLens(state, params), []));

  // Completion and hover (ide/ does the work)
  connection.onCompletion(
    guarded(connection, 'completion', (p) => completion(state, p), { isIncomplete: false, items: [] }),
  );
  connection.onHover(guarded(connection, 'hover', (p) => hover(state, p), null));
}
