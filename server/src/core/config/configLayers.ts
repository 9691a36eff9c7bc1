// dbnd's layer stack (DbndConfig/_ConfigLayer): each layer holds its own values (the delta) and the merged view
// of everything up to it. A lookup walks layers from the newest down and, inside a layer, the object's sections
// in priority order, folding values by priority — so the layer beats section specificity at equal priority.
import { ConfigStore } from './configStore';
import type { ConfigValue } from './configValue';

/** One read of a layer and its answer (layerReads.ts replays them on another layer). */
export type LayerRead =
  | { readonly kind: 'get'; readonly section: string; readonly key: string; readonly answer: ConfigValue | undefined }
  | {
      readonly kind: 'lookup';
      readonly sections: readonly string[];
      readonly key: string;
      readonly answer: readonly ConfigValue[];
    };

export class ConfigLayer {
  private constructor(
    readonly name: string,
    /** This layer's own values. */
    readonly delta: ConfigStore,
    /** Every value up to and including this layer, merged key by key (`merge_config_stores`). */
    readonly merged: ConfigStore,
    readonly parent: ConfigLayer | undefined,
    /** Where this layer notes each `get` and `lookup` it answers (a recording layer, see `recording`). */
    private readonly reads?: LayerRead[],
  ) {}

  /**
   * The same layer as a new object that notes every `get` and `lookup` it answers in `reads`. A new object, so
   * whatever is remembered per layer object (class resolution's memo) starts empty and every read a
   * computation depends on reaches it. Reading `merged`, `delta` or `parent` directly is not noted: a
   * computation recorded this way must read only through `get` and `lookup`.
   */
  recording(reads: LayerRead[]): ConfigLayer {
    return new ConfigLayer(this.name, this.delta, this.merged, this.parent, reads);
  }

  static root(name: string, values: ConfigStore): ConfigLayer {
    return new ConfigLayer(name, values, values, undefined);
  }

  push(name: string, values: ConfigStore): ConfigLayer {
    if (values.isEmpty) return this;
    return new ConfigLayer(name, values, this.merged.copy().update(values), this);
  }

  /** `config.get(section, key)` on the merged view, as `_from` lookups use it. */
  get(section: string, key: string): ConfigValue | undefined {
    const answer = this.merged.get(section, key);
    this.reads?.push({ kind: 'get', section, key, answer });
    return answer;
  }

  /**
   * `get_multisection_config_value`: the stack of values that decide key `key` for an object with these
   * sections, lowest first. One value normally; several when an `extend` value sits above others.
   */
  lookup(sections: readonly string[], key: string): ConfigValue[] {
    const answer = this.stackOf(sections, key);
    this.reads?.push({ kind: 'lookup', sections, key, answer: [...answer] });
    return answer;
  }

  private stackOf(sections: readonly string[], key: string): ConfigValue[] {
    if (sections.length === 1) {
      const value = this.merged.get(sections[0], key);
      return value ? [value] : [];
    }
    let stack: ConfigValue[] = [];
    for (let layer: ConfigLayer | undefined = this; layer; layer = layer.parent) {
      for (const section of sections) {
        const value = layer.delta.get(section, key);
        if (value) stack = foldConfigValue(stack, value);
      }
    }
    return stack;
  }
}

/** dbnd's fold_config_value: a higher priority replaces the stack; under an extend value, lower ones join it. */
export function foldConfigValue(stack: ConfigValue[], lower: ConfigValue): ConfigValue[] {
  const bottom = stack[0];
  if (bottom === undefined || bottom.priority < lower.priority) return [lower];
  if (bottom.extend) return [lower, ...stack];
  return stack;
}
