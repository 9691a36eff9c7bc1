// A fuzz corpus for the one-verdict rule: a seeded generator mutates a small Kubernetes project the way users
// break theirs (a key, bool, `_from`, `_type` or env name one typo off, a section or a required key missing) and,
// for each mutant and each environment a user can select, `dbnd-cfg lint --env E` (the language server's analysis,
// as the CLI builds it) has an error exactly when `effective --env E` fails or, for an env whose engine builds
// pods, `render-pod --env E` fails. Fixed seed and case count, so a failure names a mutant that can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Environment } from '../../../server/src/core/environment';
import { parseCfg } from '../../../server/src/core/reader';
import { type RunResult, renderContext, runDbnd } from '../../../server/src/core/run';
import { Analysis } from '../../../server/src/ide/analysis';
import { projectDiagnostics } from '../../../server/src/ide/diagnostics';

const SEED = 20261207;
const CASES = 150;
const ENV: Environment = {
  DBND_HOME: '/home/alice/p',
  DBND_SYSTEM: '/home/alice/p/.dbnd',
  HOME: '/home/alice',
  USER: 'alice',
};
const PATH = '/home/alice/p/.dbnd/databand-system.cfg';

const BASE = [
  '[databand]',
  'env = k8s_env',
  '[run]',
  "environments = ['local', 'k8s_env']",
  '[k8s_env]',
  '_from = local',
  'remote_engine = k8s_engine',
  '[k8s_engine]',
  '_type = kubernetes',
  'container_repository = repo/app',
  'container_tag = v1',
  'namespace = team',
  'keep_failed_pods = True',
  'debug = False',
  'startup_timeout = 10m',
];

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typo: two neighbouring letters swapped, a letter dropped or doubled. */
function typo(word: string, rnd: () => number): string {
  const i = Math.floor(rnd() * Math.max(1, word.length - 1));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0 && word.length > 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

type Mutation = (lines: string[], rnd: () => number) => string;

const pickLine = (lines: string[], rnd: () => number, test: (l: string) => boolean) => {
  const indices = lines.flatMap((l, i) => (test(l) ? [i] : []));
  return indices.length ? indices[Math.floor(rnd() * indices.length)] : -1;
};
const isEntry = (l: string) => l.includes(' = ');

const MUTATIONS: Record<string, Mutation> = {
  'key typo': (lines, rnd) => {
    const i = pickLine(lines, rnd, (l) => isEntry(l) && !l.startsWith('_'));
    const [key, value] = lines[i].split(' = ');
    lines[i] = `${typo(key, rnd)} = ${value}`;
    return `line ${i + 1} key`;
  },
  'bool typo': (lines, rnd) => {
    const i = pickLine(lines, rnd, (l) => / = (True|False)$/.test(l));
    const [key, value] = lines[i].split(' = ');
    lines[i] = `${key} = ${['Flase', 'Ture', 'maybe', typo(value, rnd)][Math.floor(rnd() * 4)]}`;
    return `line ${i + 1} bool`;
  },
  '_from or _type typo': (lines, rnd) => {
    const i = pickLine(lines, rnd, (l) => l.startsWith('_from = ') || l.startsWith('_type = '));
    const [key, value] = lines[i].split(' = ');
    lines[i] = `${key} = ${typo(value, rnd)}`;
    return `line ${i + 1} pragma`;
  },
  'env name typo': (lines, rnd) => {
    const i = pickLine(
      lines,
      rnd,
      (l) => l.startsWith('env = ') || l.startsWith('environments = ') || l === '[k8s_env]',
    );
    lines[i] = lines[i].replace('k8s_env', typo('k8s_env', rnd));
    return `line ${i + 1} env name`;
  },
  'engine name typo': (lines, rnd) => {
    const i = pickLine(lines, rnd, (l) => l.startsWith('remote_engine = ') || l === '[k8s_engine]');
    lines[i] = lines[i].replace('k8s_engine', typo('k8s_engine', rnd));
    return `line ${i + 1} engine name`;
  },
  'section missing': (lines, rnd) => {
    const i = pickLine(lines, rnd, (l) => l.startsWith('['));
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('[')) end++;
    const name = lines[i];
    lines.splice(i, end - i);
    return `${name} removed`;
  },
  'key missing': (lines, rnd) => {
    const i = pickLine(lines, rnd, isEntry);
    const removed = lines[i];
    lines.splice(i, 1);
    return `'${removed}' removed`;
  },
};

function mutants(): { name: string; text: string }[] {
  const rnd = random(SEED);
  const kinds = Object.keys(MUTATIONS);
  return Array.from({ length: CASES }, (_, n) => {
    const lines = [...BASE];
    const steps = 1 + Math.floor(rnd() * 2);
    const done: string[] = [];
    for (let s = 0; s < steps; s++) {
      const kind = kinds[Math.floor(rnd() * kinds.length)];
      try {
        done.push(`${kind} (${MUTATIONS[kind](lines, rnd)})`);
      } catch {
        done.push(`${kind} (nothing to mutate)`);
      }
    }
    return { name: `mutant ${n}: ${done.join(', ')}`, text: `${lines.join('\n')}\n` };
  });
}

function lintErrors(text: string, envName: string | undefined): string[] {
  const analysis = new Analysis({
    files: [{ path: PATH, uri: `file://${PATH}`, text, open: false, doc: parseCfg(text) }],
    env: ENV,
    environmentName: envName,
    readFile: () => undefined,
    isProject: true,
  });
  return projectDiagnostics(analysis)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
}

/** What `effective --env E`, then for a Kubernetes engine `render-pod --env E`, say: the failing run or null. */
function runFailure(text: string, envName: string | undefined): RunResult | null {
  const request = { files: [{ path: PATH, text }], environment: ENV, envName };
  const effective = runDbnd(request);
  if (effective.failure) return effective;
  const pod = runDbnd({ ...request, render: renderContext({ mode: 'driver' }, ENV) });
  return pod.failure && pod.noPod === null ? pod : null;
}

test(`fuzz corpus (seed ${SEED}, ${CASES} mutants): lint has an error exactly when the run of the env fails`, () => {
  let failing = 0;
  let checks = 0;
  for (const m of mutants()) {
    for (const envName of [undefined, 'local', 'k8s_env']) {
      const errors = lintErrors(m.text, envName);
      const failed = runFailure(m.text, envName)?.failure;
      const what = failed ? `${failed.stage} ${failed.error.type}: ${failed.error.message}` : 'none';
      assert.equal(
        errors.length > 0,
        failed !== undefined,
        `${m.name} --env ${envName ?? '(default)'}: lint errors [${errors.join(', ')}], run failure ${what}\n${m.text}`,
      );
      if (failed) failing++;
      checks++;
    }
  }
  // The corpus holds both verdicts, so the check can fail either way.
  assert.ok(failing > checks / 10 && failing < checks, `${failing} of ${checks} runs fail`);
});
