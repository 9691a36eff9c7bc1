// What every UI test script in test/ui/ reports: one PASS/FAIL line per check, a screenshot when a check fails, and
// "N passed, N failed" as the last line (scripts/test.mjs adds it to the summary). A check is a function that throws
// when what it sees is wrong; a failed check does not stop the next one.
// Lives in a folder so that the ui stage, which runs every test/ui/*.mjs, does not run it as a test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class UiChecks {
  /** @param {string} name the script's name, used in the failure screenshots' file names */
  constructor(name) {
    this.name = name;
    this.passed = 0;
    this.failed = 0;
    this.workbench = undefined;
  }

  /** Runs `fn`; a throw fails the check and saves a screenshot under $UI_ARTIFACTS (default: a new temp folder). */
  async check(title, fn) {
    try {
      await fn();
      this.passed++;
      console.log(`PASS ${title}`);
    } catch (err) {
      this.failed++;
      console.log(`FAIL ${title} -- ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      if (this.workbench) {
        const dir = process.env.UI_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'dbnd-ui-'));
        const shot = await this.workbench
          .screenshot(join(dir, `${this.name}-failure-${this.failed}.png`))
          .catch(() => undefined);
        if (shot) console.log(`     screenshot: ${shot}`);
      }
    }
  }

  /** Prints the summary line and ends the process with 1 when a check failed. */
  finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed ? 1 : 0);
  }
}
