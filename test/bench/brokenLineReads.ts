// What each keystroke of a new key costs the reader while the file does not load, in process and in CPU time: a
// generated project.cfg of BENCH_LINES lines (default 100k), a new line in the middle typed letter by letter up to
// a finished `name = x`, then the first letter of the next line. Each version is re-read from the previous one (as
// the server's parsed files do it) and then read tolerantly (the lines dbnd rejects set aside), and both times are
// printed per version, for BENCH_ROUNDS rounds (default 3). The first letter is the keystroke that breaks the line:
// its previous version loaded. Usage: npx tsc -p tsconfig.json && node out/test/bench/brokenLineReads.js. Not a test.
import { parseCfg, reparseCfgText, tolerantDocument } from '../../server/src/core/reader';
import { generateLargeConfig } from '../support/generateLargeConfig';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TYPED = ['n', 'na', 'nam', 'name', 'names', 'name =', 'name = x', 'name = x\nk'];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function main(): void {
  const lines = generateLargeConfig(LINES).split('\n');
  const at = Math.floor(lines.length / 2);
  const withLine = (typed: string) => [...lines.slice(0, at), typed, ...lines.slice(at)].join('\n');
  console.log(`${lines.length} lines; per version: strict re-read + tolerant reading, ms of CPU`);
  for (let round = 0; round < ROUNDS; round++) {
    let doc = parseCfg(withLine(''));
    tolerantDocument(doc);
    const out: string[] = [];
    for (const typed of TYPED) {
      const t0 = cpuMs();
      doc = reparseCfgText(doc, withLine(typed));
      const t1 = cpuMs();
      tolerantDocument(doc);
      const t2 = cpuMs();
      out.push(`${JSON.stringify(typed)} ${(t1 - t0).toFixed(1)}+${(t2 - t1).toFixed(1)}`);
    }
    console.log(out.join('  '));
  }
}

main();
