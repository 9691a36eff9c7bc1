// "Databand: Show Effective Config": the env and engine objects of the selected environment, every value with
// where it comes from (file:line, variable, default), as a read-only YAML document.
import { SHOW_EFFECTIVE_CONFIG_COMMAND } from '../commandIds';
import type { DatabandCommand } from './command';
import { argsOf, type ProjectArgs } from './commandArgs';
import { resolveTarget } from './resolveTarget';

export const showEffectiveConfig: DatabandCommand = {
  id: SHOW_EFFECTIVE_CONFIG_COMMAND,
  async run(context, ...rawArgs) {
    const args = argsOf<ProjectArgs>(rawArgs);
    const target = resolveTarget(context, args);
    if (!target) return undefined;
    return context.views.showEffectiveConfig({
      uri: target.project.uri.toString(),
      ...(target.env ? { env: target.env } : {}),
      ...(args.engine ? { engine: args.engine } : {}),
    });
  },
};
