// One verdict everywhere: over every corpus (the conformance cases, the example files, the projects of the
// issue's trial and of the ports of dbnd's tests), for each project and each environment it can select, the
// lint (the editor's diagnostics, as `dbnd-cfg lint --env E` prints them) has an error exactly when
// `effective --env E` fails or, for an env whose engine builds pods, `render-pod --env E` fails ("this env
// submits no pod" is not a failure); and every failure has an error at its cause. The lint side goes through the
// language server's own analysis (ide/projectAnalysis + ide/diagnostics); the run side calls runDbnd as the
// `effective` and `render-pod` commands do, independently of the verdict the lint reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../../../server/src/core/config/loadConfig';
import { ORACLE_BASE_ENVIRONMENT, type CaseSpec } from '../../../server/src/core/conformance/caseInput';
import { enabledObjects } from '../../../server/src/core/diagnostics/enabledObjects';
import type { CoreDiagnostic } from '../../../server/src/core/diagnostics/types';
import type { Environment } from '../../../server/src/core/environment';
import { parseCfg } from '../../../server/src/core/reader';
import { type RunResult, renderContext, runDbnd } from '../../../server/src/core/run';
import type { ConfFile } from '../../../server/src/core/resolve/contextConf';
import { Analysis } from '../../../server/src/ide/analysis';
import { projectDiagnostics } from '../../../server/src/ide/diagnostics';
import { REPO_ROOT } from '../../support/paths';

interface Project {
  readonly name: string;
  readonly files: readonly { path: string; text: string }[];
  readonly env: Environment;
  readonly confFiles?: Readonly<Record<string, string>>;
}

const BASE_ENV: Environment = {
  DBND_HOME: '/home/alice/project',
  DBND_SYSTEM: '/home/alice/project/.dbnd',
  HOME: '/home/alice',
  USER: 'alice',
};

function readConfFile(project: Project) {
  return (path: string): ConfFile | undefined =>
    project.confFiles && path in project.confFiles ? { path, text: project.confFiles[path] } : undefined;
}

function lint(project: Project, envName: string | undefined): readonly CoreDiagnostic[] {
  const analysis = new Analysis({
    files: project.files.map((f) => ({ ...f, uri: `file://${f.path}`, open: false, doc: parseCfg(f.text) })),
    env: project.env,
    environmentName: envName,
    readFile: () => undefined,
    isProject: true,
    run: { readConfFile: readConfFile(project) },
  });
  return projectDiagnostics(analysis);
}

/** What `effective --env E`, then (for a Kubernetes engine) `render-pod --env E`, say: the failing result or null. */
function runFailure(project: Project, envName: string | undefined): RunResult | null {
  const request = { files: project.files, environment: project.env, envName, readConfFile: readConfFile(project) };
  const effective = runDbnd(request);
  if (effective.failure) return effective;
  const pod = runDbnd({ ...request, render: renderContext({ mode: 'driver' }, project.env) });
  return pod.failure && pod.noPod === null ? pod : null;
}

/** The environments a user can select: those listed in [run] environments, the default, and a typo. */
function environments(project: Project): (string | undefined)[] {
  const files = [...PACKAGE_DEFAULT_FILES, ...project.files.filter((f) => !parseCfg(f.text).raisedError)];
  const loaded = loadConfig(files, project.env, {});
  const listed = loaded.ok ? enabledObjects(loaded.value, project.env).environments : [];
  return [undefined, ...new Set(listed), 'nosuch_env'];
}

function hasErrorAtCause(errors: readonly CoreDiagnostic[], failed: RunResult): boolean {
  const error = failed.failure?.error as {
    origin?: { kind: string; path?: string; variable?: string; valueRange?: { start: { line: number } } };
    file?: { path: string };
  };
  const origin = error.origin;
  if (origin?.kind === 'file') {
    const line = origin.valueRange?.start.line ?? -1;
    return errors.some((d) => d.path === origin.path && d.range.start.line <= line && line <= d.range.end.line);
  }
  // A variable has no line: the error is at the section it sets (or the first file) and names the variable.
  if (origin?.kind === 'environ') return errors.some((d) => d.message.includes(`$${origin.variable}`));
  if (error.file) return errors.some((d) => d.path === error.file?.path);
  return errors.length > 0;
}

function check(project: Project): number {
  let checked = 0;
  for (const envName of environments(project)) {
    const errors = lint(project, envName).filter((d) => d.severity === 'error');
    const failed = runFailure(project, envName);
    const label = `${project.name} --env ${envName ?? '(default)'}`;
    const failure = failed?.failure;
    assert.equal(
      errors.length > 0,
      failed !== null,
      `${label}: lint errors ${JSON.stringify(errors.map((d) => `${d.path}:${d.range.start.line + 1} ${d.code}`))}, run failure ${failure ? `${failure.stage} ${failure.error.type}: ${failure.error.message}` : 'none'}`,
    );
    if (failed)
      assert.ok(hasErrorAtCause(errors, failed), `${label}: no error at the cause of ${failure?.error.message}`);
    checked++;
  }
  return checked;
}

function conformanceProjects(): Project[] {
  const root = join(REPO_ROOT, 'test/fixtures/conformance/cases');
  return readdirSync(root).map((name) => {
    const dir = join(root, name);
    const spec = JSON.parse(
      readFileSync(join(dir, 'case.json'), 'utf8').replaceAll('{{FILES_DIR}}', join(dir, 'files')),
    ) as CaseSpec;
    return {
      name: `conformance ${name}`,
      files: spec.files.map((f) => ({
        path: join(dir, 'files', f),
        text: readFileSync(join(dir, 'files', f), 'utf8'),
      })),
      env: { ...ORACLE_BASE_ENVIRONMENT, ...(spec.env_vars ?? {}) },
    };
  });
}

function exampleProjects(): Project[] {
  const root = join(REPO_ROOT, 'test/fixtures/examples');
  return readdirSync(root)
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => ({
      name: `example ${f}`,
      files: [{ path: join(root, f), text: readFileSync(join(root, f), 'utf8') }],
      env: BASE_ENV,
    }));
}

const WORKSPACE = join(REPO_ROOT, 'test/workspace');
const workspaceFiles = ['.dbnd/databand-system.cfg', 'project.cfg'].map((f) => ({
  path: join(WORKSPACE, f),
  text: readFileSync(join(WORKSPACE, f), 'utf8'),
}));

/** The issue's trial on the sample workspace, and the projects of the ported dbnd tests. */
function trialProjects(): Project[] {
  const [system, project] = workspaceFiles;
  const K8S = `[run]\nenvironments = ['local', 'k8s_env']\n[k8s_env]\n_from = local\nremote_engine = k8s_engine\n[k8s_engine]\n_type = kubernetes\ncontainer_repository = repo\ncontainer_tag = v1\n`;
  return [
    { name: 'workspace', files: workspaceFiles, env: BASE_ENV },
    {
      name: 'workspace, typo env',
      files: [system, { ...project, text: project.text.replace('env = kubernetes_cluster_env', 'env = typo_env') }],
      env: BASE_ENV,
    },
    {
      name: 'workspace, DBND__ variable',
      files: workspaceFiles,
      env: { ...BASE_ENV, DBND__YOUR_KUBERNETES_ENGINE__DEBUG: 'maybe' },
    },
    {
      name: 'env not in [run] environments',
      files: [{ path: '/p/project.cfg', text: `${K8S}[databand]\nenv = other_env\n[other_env]\n_from = local\n` }],
      env: BASE_ENV,
    },
    {
      name: 'bad value of an engine the default env never builds',
      files: [{ path: '/p/project.cfg', text: `${K8S}debug = maybe\n` }],
      env: BASE_ENV,
    },
    {
      name: 'missing container_repository',
      files: [{ path: '/p/project.cfg', text: K8S.replace('container_repository = repo\n', '') }],
      env: BASE_ENV,
    },
    {
      name: 'conf_file with a bad value',
      files: [{ path: '/p/project.cfg', text: `${K8S}[databand]\nconf_file = extra.cfg\n` }],
      env: BASE_ENV,
      confFiles: { 'extra.cfg': '[k8s_engine]\nkeep_failed_pods = Flase\n' },
    },
    {
      name: 'conf_file missing',
      files: [{ path: '/p/project.cfg', text: `${K8S}[databand]\nconf_file = missing.cfg\n` }],
      env: BASE_ENV,
    },
    {
      name: 'bad secret type (pod stage)',
      files: [{ path: '/p/project.cfg', text: `${K8S}secrets = [{"type": "file", "target": "/x", "secret": "s"}]\n` }],
      env: BASE_ENV,
    },
  ];
}

test('conformance cases: lint has an error exactly when the run of the env fails, and one at its cause', () => {
  let n = 0;
  for (const p of conformanceProjects()) n += check(p);
  assert.ok(n >= 48, `${n} checks`);
});

test('example files: lint has an error exactly when the run of the env fails, and one at its cause', () => {
  let n = 0;
  for (const p of exampleProjects()) n += check(p);
  assert.ok(n >= 20, `${n} checks`);
});

test("the issue's trial and the ports' projects: one verdict for every env", () => {
  for (const p of trialProjects()) check(p);
});

test('a failure is reported at its cause: the env line, the variable, the conf_file line', () => {
  const [trial] = [trialProjects()];
  const errorsOf = (name: string, envName?: string) =>
    lint(trial.find((p) => p.name === name) as Project, envName).filter((d) => d.severity === 'error');
  const typo = errorsOf('workspace, typo env');
  assert.deepEqual(
    typo.map((d) => [d.path.endsWith('project.cfg'), d.range.start.line, d.code]),
    [[true, 4, 'run-failure']],
  );
  assert.match(typo[0].message, /Unknown env name 'typo_env'/);
  const variable = errorsOf('workspace, DBND__ variable');
  const header = workspaceFiles[0].text.split('\n').indexOf('[your_kubernetes_engine]');
  assert.deepEqual(
    variable.map((d) => [d.path, d.range.start.line, d.code]),
    [[workspaceFiles[0].path, header, 'run-failure']],
  );
  assert.match(variable[0].message, /\(the value comes from the variable \$DBND__YOUR_KUBERNETES_ENGINE__DEBUG\)/);
  const conf = errorsOf('conf_file with a bad value', 'k8s_env');
  assert.deepEqual(
    conf.map((d) => [d.path, d.range.start.line]),
    [['extra.cfg', 1]],
  );
  // The same bad value in a section the selected env does not build is a warning that says why.
  const notBuilt = lint(
    trial.find((p) => p.name === 'bad value of an engine the default env never builds') as Project,
    'local',
  );
  assert.ok(notBuilt.every((d) => d.severity !== 'error'));
  assert.ok(notBuilt.some((d) => d.code === 'invalid-value' && /does not fail on this/.test(d.message)));
});
