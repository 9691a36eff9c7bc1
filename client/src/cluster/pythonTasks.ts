// dbnd task names found in the workspace's Python files, to suggest in "Run Task on Cluster": functions decorated
// with @task / @pipeline (dbnd's decorators, any import style) and classes deriving from dbnd's task classes.
// `dbnd run NAME` accepts the function or class name. Bounded: the first MAX_FILES files, each read up to MAX_BYTES.
import * as vscode from 'vscode';

const MAX_FILES = 500;
const MAX_BYTES = 512 * 1024;
const DECORATED =
  /^[ \t]*@(?:[\w.]+\.)?(?:task|pipeline|band|data_source_pipeline)\b[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm;
const TASK_CLASS =
  /^[ \t]*class[ \t]+(\w+)[ \t]*\([^)]*\b(?:Task|PythonTask|PipelineTask|DataSourceTask|SparkTask|PySparkTask)\b[^)]*\)/gm;

export function taskNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(DECORATED)) names.add(m[1]);
  for (const m of source.matchAll(TASK_CLASS)) names.add(m[1]);
  return [...names];
}

export async function findPythonTasks(
  folder: vscode.WorkspaceFolder | undefined,
  token?: vscode.CancellationToken,
): Promise<string[]> {
  const include = folder ? new vscode.RelativePattern(folder, '**/*.py') : '**/*.py';
  const files = await vscode.workspace.findFiles(
    include,
    '{**/node_modules/**,**/.venv/**,**/venv/**,**/site-packages/**}',
    MAX_FILES,
    token,
  );
  const names = new Set<string>();
  for (const uri of files) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      for (const n of taskNamesIn(Buffer.from(bytes.subarray(0, MAX_BYTES)).toString('utf8'))) names.add(n);
    } catch {
      // A file that vanished or cannot be read only loses its suggestions.
    }
  }
  return [...names].sort();
}
