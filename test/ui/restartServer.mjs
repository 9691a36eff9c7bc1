// UI test through the real workbench, as a user sees it: a dbnd file opens in the "dbnd config" language mode, a
// duplicated section typed into it shows up as an error in the status bar, and "Databand: Restart Language Server"
// from the command palette writes to the Databand output channel. The edit is never saved.
// Run by scripts/test.mjs (ui stage) inside `vscode-testbed with-server`; prints "N passed, N failed" last.
// A failure saves a screenshot under $UI_ARTIFACTS (default: a temporary folder, printed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, waitFor } from '../vscode-testbed/lib/ui.mjs';

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || detail === undefined ? '' : ` -- ${JSON.stringify(detail)}`}`);
}

const wb = await openWorkbench();
try {
  // On a loaded machine the Explorer can take longer than openFile's own 15 s wait for it, and its Quick Open
  // fallback depends on file search: wait for the Explorer row first.
  await wb.page
    .locator('.explorer-folders-view .label-name', { hasText: 'project.cfg' })
    .first()
    .waitFor({ timeout: 180_000 });
  await wb.openFile('project.cfg');
  const mode = await wb.waitForLanguageMode('dbnd config').then(
    () => true,
    () => false,
  );
  check('project.cfg opens in the "dbnd config" language mode', mode, await wb.languageMode());

  // The status bar's problem counter, e.g. "Errors: 1, Warnings: 0" (its accessible label).
  const problems = () =>
    wb.page
      .locator('[id="status.problems"]')
      .first()
      .getAttribute('aria-label')
      .catch(() => '');
  await wb.goTo(11, 1);
  await wb.page.keyboard.type('[databand]\n');
  const counted = await waitFor(async () => /Errors: 1\b/.test(await problems()), {
    timeout: 300_000,
    what: 'one error in the status bar',
  }).then(
    () => true,
    () => false,
  );
  check('a repeated [databand] section shows one error in the status bar', counted, await problems());

  await wb.runCommand('Databand: Restart Language Server');
  const out = await wb.outputChannel('Databand', { expect: 'Restarting the Databand language server' });
  check(
    'the restart command reports in the Databand output channel',
    /Restarting the Databand language server/.test(out),
    out,
  );
} catch (err) {
  check('no exception', false, err.message.split('\n')[0]);
  const dir = process.env.UI_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'dbnd-ui-'));
  console.log(`screenshot: ${await wb.screenshot(join(dir, 'restartServer-failure.png'))}`);
} finally {
  await wb.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
