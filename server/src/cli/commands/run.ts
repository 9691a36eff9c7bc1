// `dbnd-cfg run`: `dbnd run TASK --env ENV --interactive` without dbnd: prepare the run with the core (the same
// function the language server answers `dbnd/prepareClusterRun` with), build and push the image first when dbnd
// would (runImageStep.ts), submit the driver pod once to the cluster the engine names, print its log on stdout
// (everything else on stderr) and clean up.
import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { ClusterError, describeRunEvent, dryRunPod, openCluster, runDriverPod, runPolicyFromEngine } from '../../runIo';
import { originText, prepareClusterRun, type ClusterRunPreparation } from '../../core/run';
import { ExitCode, UsageError, type CliCommand, type CliIo, type OptionSpecs } from '../command';
import { dbndRunRequest } from '../dbndRunOptions';
import { dryRunImageLines, runImageStep } from './runImageStep';

export const RunExit = {
  ok: ExitCode.ok,
  /** The task failed on the cluster (exit code, image pull, deletion, ...). */
  failed: 1,
  usage: ExitCode.usage,
  /** dbnd's config cannot build the pod. */
  config: 3,
  /** The cluster cannot be used: bad context, unreachable, 401/403, TLS. */
  cluster: 4,
  /** The image dbnd builds first could not be built or pushed (docker failed, is missing, or has no daemon). */
  image: 5,
  cancelled: 130,
} as const;

const RUN_OPTIONS: OptionSpecs = {
  env: { type: 'string' },
  task: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string' },
  set: { type: 'string', multiple: true },
  file: { type: 'string', multiple: true },
  'env-var': { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
};

/** dbnd's error and, when a file line causes it, that line (`/p/project.cfg:12`). */
function failureText(prepared: Extract<ClusterRunPreparation, { ok: false }>): string {
  if (!prepared.failure) return `dbnd would submit no pod: ${prepared.message}`;
  const origin = prepared.failure.error.origin;
  const at = origin?.kind === 'file' ? ` (${originText(origin)})` : '';
  return `dbnd would fail at the ${prepared.failure.stage} stage: ${prepared.message}${at}`;
}

async function run(args: Parameters<CliCommand['run']>[0], io: CliIo): Promise<number> {
  const v = args.values;
  if (typeof v.task !== 'string' || v.task === '') throw new UsageError('--task NAME is required');
  const input = dbndRunRequest(args, io);
  const say = (text: string) => io.stderr(`dbnd-cfg run: ${text}\n`);
  const prepared = prepareClusterRun({
    files: input.files,
    environment: input.environment,
    readFile: (path) => input.readFile?.(path),
    envName: input.envName ?? null,
    task: v.task,
    set: input.set ?? [],
    context: typeof v.context === 'string' ? v.context : null,
    namespace: typeof v.namespace === 'string' ? v.namespace : null,
    ids: {
      runUid: randomUUID(),
      taskRunUid: randomUUID(),
      taskRunAttemptUid: randomUUID(),
      resultFileUuid: randomUUID(),
    },
    now: Date.now(),
  });
  if (!prepared.ok) {
    say(failureText(prepared));
    return RunExit.config;
  }
  const plan = prepared.plan;
  for (const w of plan.warnings) say(`dbnd: ${w}`);
  const dryRun = v['dry-run'] === true;
  if (dryRun) for (const line of dryRunImageLines(plan, io.cwd)) say(line);
  const ac = new AbortController();
  let building = false;
  const unsubscribe = io.onInterrupt?.(() => {
    say(
      building
        ? 'cancelling: stopping the image build (Ctrl-C again to stop at once)'
        : 'cancelling: deleting the pod (Ctrl-C again to stop at once)',
    );
    ac.abort();
  });
  try {
    const api = await openCluster({ ...plan.kubeconfig, env: input.environment }, { signal: ac.signal });
    say(
      `env ${plan.envName}, engine ${plan.engineName}, context ${api.target.context}, namespace ${api.target.namespace}, run ${plan.runUid}`,
    );
    if (dryRun) {
      const answer = await dryRunPod(api, plan.pod, ac.signal);
      io.stdout(stringify(answer));
      say('server-side dry run (dryRun=All) accepted the pod; nothing was created');
      return RunExit.ok;
    }
    // dbnd builds before it submits: a failed build or push ends the run with no pod.
    building = true;
    const built = await runImageStep(plan, io, input.environment, ac.signal, say);
    building = false;
    if (built === 'cancelled') return RunExit.cancelled;
    if (built === 'failed') return RunExit.image;
    const result = await runDriverPod({
      api,
      pod: plan.pod,
      policy: runPolicyFromEngine(plan.engineValues),
      signal: ac.signal,
      onEvent: (e) => {
        const text = describeRunEvent(e);
        if (text) say(text);
      },
      onLogLines: (lines) => {
        let out = '';
        for (const line of lines) out += `${line.text}\n`;
        io.stdout(out);
      },
    });
    for (const pod of result.leftPods) say(`left behind: ${pod}`);
    if (result.outcome === 'succeeded') {
      say('succeeded');
      return RunExit.ok;
    }
    if (result.outcome === 'cancelled') {
      say(`cancelled`);
      return RunExit.cancelled;
    }
    say(`failed: ${result.message}`);
    return result.cause === 'cluster-error' ? RunExit.cluster : RunExit.failed;
  } catch (err) {
    if (err instanceof ClusterError) {
      if (err.kind === 'cancelled') return RunExit.cancelled;
      say(`cluster error: ${err.message}`);
      return RunExit.cluster;
    }
    throw err;
  } finally {
    unsubscribe?.();
  }
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a dbnd task on the Kubernetes cluster of an env: submit, stream the log, clean up',
  usage: 'dbnd-cfg run --env NAME --task NAME [--context C] [--namespace N] [--set S.K=V]... [--file F]... [--dry-run]',
  help: `Builds the driver pod \`dbnd run TASK --env ENV --interactive\` would submit (the config is discovered from
the current folder as dbnd does, or given with --file), submits it to the cluster of the env's Kubernetes engine
(config_file, cluster_context, in_cluster; else KUBECONFIG / ~/.kube/config), watches it, prints its \`base\`
container's log on stdout and progress on stderr. The driver pod is submitted once, as dbnd does: dbnd never
retries it (pod_error_cfg_source_dict retries only the task pods the driver submits). The pod is deleted at the
end unless keep_finished_pods / keep_failed_pods say otherwise. Ctrl-C deletes the pod.

When container_tag is empty and docker_build is on (the Kubernetes guide's setup), dbnd builds and pushes the image
before it submits, and so does this: \`docker build -t REPO:TAG -f $DBND_HOME/Dockerfile .\` in DBND_HOME, then,
with docker_build_push on, \`docker push REPO:TAG\` (TAG: docker_build_tag, else docker_build_tag_base + "_" + the
start time). docker's output goes to stderr; a failed build or push ends the run before any pod is submitted.
docker runs with this process's environment (PATH, DOCKER_HOST, DOCKER_CONFIG). Ctrl-C stops the build.

options:
  --env NAME              the dbnd env (default: [databand] env)
  --task NAME             the task to run (required)
  --context C             kubeconfig context (default: the engine's cluster_context, else current-context)
  --namespace N           namespace (default: the engine's namespace)
  --set S.K=V             like dbnd run --set, repeatable
  --file F                a config file, repeatable, in load order (default: discovered as dbnd does)
  --env-var NAME=VALUE    add a process variable (DBND__S__K or one used by $VAR), repeatable
  --dry-run               print the docker commands of the image build (none is run), send the pod with
                          dryRun=All and print the server's answer; nothing is built or created

exit codes: 0 succeeded, 1 the task failed on the cluster (the reason is printed), 2 bad arguments,
3 dbnd's config cannot build the pod, 4 the cluster cannot be used (context, unreachable, 401/403),
5 the image could not be built or pushed (docker failed, is not installed, or reaches no daemon), 130 cancelled`,
  options: RUN_OPTIONS,
  run,
};
