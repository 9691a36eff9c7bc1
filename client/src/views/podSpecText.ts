// The text of the "Pod spec" document: the Pod as YAML (what `dbnd-cfg render-pod` prints) under a header
// saying what it is, or — when dbnd would fail — dbnd's error with a link to the line that causes it.
import { stringify } from 'yaml';
import type { EnvironmentsResult, RenderPodParams, RenderPodResult } from '../../../protocol/customRequests';
import { errorLines, filesLine, type TextBuilder } from './viewText';
import type { RenderedView } from './readOnlyView';

function subject(params: RenderPodParams): string {
  return params.mode === 'task' ? `task ${params.taskName ?? 'task'}` : 'the driver';
}

/** Under a "No Pod" document that follows the selected environment: which environments would show a Pod. */
export function kubernetesEnvironmentsHint(environments: EnvironmentsResult): string | undefined {
  const names = environments.environments.filter((e) => e.kubernetes).map((e) => e.name);
  if (names.length === 0) return undefined;
  return `Kubernetes environments of this project: ${names.join(', ')} (select one in the status bar to see its Pod).`;
}

export function podSpecText(
  params: RenderPodParams,
  result: RenderPodResult,
  out: TextBuilder,
  noPodHint?: string,
): RenderedView {
  const env = `environment ${result.env}${result.engine ? `, engine ${result.engine}` : ''}`;
  if (result.error) {
    out.line(
      `# dbnd would fail at the ${result.error.stage} stage, so it would submit no pod for ${subject(params)} (${env}):`,
    );
    out.line('#');
    errorLines(result.error, out);
  } else if (result.pod === null) {
    out.line(`# No Pod for ${subject(params)} (${env}): ${result.noPod ?? 'dbnd builds none'}.`);
    if (noPodHint) out.line(`# ${noPodHint}`);
  } else {
    out.line(`# The Pod dbnd would submit for ${subject(params)} (${env}).`);
    if (params.mode === 'task' && params.taskConfig) out.line(`# task_config: ${JSON.stringify(params.taskConfig)}`);
    out.line(`# ${filesLine(result.files)}`);
    for (const note of result.notes) out.line(`# Note: ${note}`);
    if (result.placeholders.length > 0) {
      out.line('# Stand-ins for values dbnd only knows when it really submits:');
      for (const p of result.placeholders) out.line(`#   ${p.value || "''"}: ${p.meaning}`);
    }
    out.text(stringify(result.pod));
  }
  return out.view(result.files);
}
