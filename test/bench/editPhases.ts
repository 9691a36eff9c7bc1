// Where an edit's time goes, in process (no stdio, so a loaded machine's scheduling moves it less): a generated
// project.cfg of BENCH_LINES lines (default 20k) analysed as the language server analyses it, then EDITS edits of
// one value in the middle, each timed phase by phase in CPU time: the re-reading (incremental, as the server's
// parsed files do it), the project verdict, the lint (entry memo carried over), then the tolerant model's layering.
// "verdict alone" is the verdict asked again of a fresh analysis of the same document once those ran: the files'
// views and stores are made once per document and shared with the lint, so this is the verdict's own work, the
// most that answering it again when nothing it reads changed could save (not part of the total).
// `node --cpu-prof out/test/bench/editPhases.js` profiles the same. Not a test.
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { projectDiagnostics } from '../../server/src/ide/diagnostics';
import { analysisVerdict } from '../../server/src/ide/projectAnalysis';
import { EntryDiagnosticsMemo } from '../../server/src/core/diagnostics/entryDiagnosticsMemo';
import { parseCfg, reparseCfgText, type CfgDocument } from '../../server/src/core/reader';
import { generateLargeConfig } from '../support/generateLargeConfig';
import { median } from './stats';

const LINES = Number(process.env.BENCH_LINES ?? 20_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const FULL = process.env.BENCH_FULL_PARSE === '1';
const PATH = '/bench/project/project.cfg';

function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function analysisOf(text: string, doc: CfgDocument, memo: EntryDiagnosticsMemo): Analysis {
  const file: ProjectFile = { uri: 'file://' + PATH, path: PATH, text, doc, open: true };
  return new Analysis({ files: [file], env: {}, readFile: () => undefined, isProject: true, lintMemo: memo });
}

function main(): void {
  let text = generateLargeConfig(LINES);
  const memo = new EntryDiagnosticsMemo();
  let doc = parseCfg(text);
  const first = cpuMs(() => projectDiagnostics(analysisOf(text, doc, memo)));
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i >= lines.length / 2 && /^container_tag = /.test(l));
  const phases: Record<string, number[]> = {
    parse: [],
    load: [],
    diagnostics: [],
    verdict: [],
    'verdict alone': [],
    total: [],
  };
  for (let n = 0; n < EDITS; n++) {
    lines[at] = `container_tag = edit-${n}`;
    const next = lines.join('\n');
    const parse = cpuMs(() => {
      doc = FULL ? parseCfg(next) : reparseCfgText(doc, next);
    });
    text = next;
    const a = analysisOf(text, doc, memo);
    // In the order publishing runs them; the editor model's layering comes after (features ask for it later,
    // and it reuses the documents' views that the lint and the verdict made).
    const verdict = cpuMs(() => analysisVerdict(a));
    const diagnostics = cpuMs(() => projectDiagnostics(a));
    const load = cpuMs(() => a.load());
    phases['verdict alone'].push(cpuMs(() => analysisVerdict(analysisOf(text, doc, memo))));
    phases.parse.push(parse);
    phases.load.push(load);
    phases.verdict.push(verdict);
    phases.diagnostics.push(diagnostics);
    // What publishing needs; `load` is what editor features add on first use.
    phases.total.push(parse + verdict + diagnostics);
  }
  console.log(`${doc.lineCount} lines, ${doc.sections.length} sections; first analysis ${first.toFixed(1)} ms CPU`);
  for (const [name, ms] of Object.entries(phases))
    console.log(`edit ${name.padEnd(13)} median ${median(ms).toFixed(1)} ms CPU (${EDITS} edits)`);
}

main();
