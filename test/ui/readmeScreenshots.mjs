// UI test through the real workbench that also takes the README's screenshots: in .dbnd/databand-system.cfg of the
// sample project, completion on a new line of the Kubernetes engine section offers its keys, a hover on
// `namespace` shows the effective value and the file and line it comes from, and "Databand: Show Effective Pod
// Spec" from the command palette opens the Pod as YAML. Each step asserts what is on screen before it is pictured.
// Screenshots go to docs/images/ only with UPDATE_SCREENSHOTS=1 (so `npm test` leaves the tree clean); otherwise
// to a temporary folder, printed. The edit made for the completion is undone, never saved.
// Run by scripts/test.mjs (ui stage) inside `vscode-testbed with-server`; prints "N passed, N failed" last.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench, waitFor } from '../vscode-testbed/lib/ui.mjs';
import { UiChecks } from './support/checks.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(REPO, 'docs', 'images')
    : mkdtempSync(join(process.env.UI_ARTIFACTS ?? tmpdir(), 'dbnd-screenshots-'));
mkdirSync(SHOTS, { recursive: true });

const CONFIG = '.dbnd/databand-system.cfg';
const workspace = process.env.VSCODE_TESTBED_WORKSPACE;
if (!workspace) throw new Error('run under `vscode-testbed with-server --workspace DIR` (VSCODE_TESTBED_WORKSPACE)');
const configLines = readFileSync(join(workspace, CONFIG), 'utf8').split('\n');
/** The 1-based line of the first line that starts with `prefix`, as the status bar counts. */
function lineOf(prefix) {
  const i = configLines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with "${prefix}" in ${CONFIG}`);
  return i + 1;
}

const ui = new UiChecks('readmeScreenshots');
const wb = await openWorkbench();
ui.workbench = wb;

async function shoot(name) {
  console.log(`screenshot: ${await wb.screenshot(join(SHOTS, name))}`);
}

try {
  await ui.check(`${CONFIG} opens in the "dbnd config" language mode`, async () => {
    // On a loaded machine the Explorer takes longer than openFile's own 15 s wait for a row, and its Quick Open
    // fallback waits for the file search: expand .dbnd here and wait for the file's row first.
    const tree = wb.page.locator('.explorer-folders-view');
    const row = (name, level) =>
      tree
        .locator(`.monaco-list-row[aria-level="${level}"]`)
        .filter({ has: wb.page.locator('.label-name').getByText(name, { exact: true }) })
        .first();
    await row('.dbnd', 1).waitFor({ timeout: 180_000 });
    if ((await row('.dbnd', 1).getAttribute('aria-expanded')) === 'false') await row('.dbnd', 1).click();
    await row('databand-system.cfg', 2).waitFor({ timeout: 180_000 });
    await wb.openFile(CONFIG);
    await wb.waitForLanguageMode('dbnd config');
  });

  await ui.check('completion on a new line of [your_kubernetes_engine] offers the Kubernetes engine keys', async () => {
    const last = lineOf('labels =');
    await wb.goTo(last, configLines[last - 1].length + 1);
    await wb.page.keyboard.press('Enter');
    // The list is sorted by name and only its first rows are rendered: `affinity` and `auto_remove` are keys of
    // KubernetesEngineConfig near its top; `_type`, which the section sets, is not offered again.
    const rows = await wb.completions({ expect: 'affinity' });
    const labels = rows.map((r) => r.label);
    for (const key of ['affinity', 'auto_remove'])
      if (!labels.includes(key)) throw new Error(`${key} is not among the completions: ${labels}`);
    if (labels.includes('_type')) throw new Error(`a key the section already sets is offered: ${labels}`);
    // The second Ctrl+Space opens the details pane with the key's type, default and documentation.
    await wb.page.keyboard.press('Control+Space');
    await wb.page
      .locator('.suggest-details-container .suggest-details')
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => console.log('     (the details pane did not open; the list is pictured without it)'));
    // The first row is `_from`; the next one, `affinity`, shows a Kubernetes key's documentation.
    await wb.page.keyboard.press('ArrowDown');
    await shoot('completion.png');
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.press('Control+Z');
    await waitFor(async () => !(await wb.editorText()).endsWith('\n\n'), { what: 'the new line to be undone' }).catch(
      () => undefined,
    );
  });

  await ui.check('a hover on `namespace` shows the effective value and the line it comes from', async () => {
    const line = lineOf('namespace =');
    const origin = `databand-system.cfg:${line}`;
    const text = await wb.hover({ line, column: 3, expect: origin });
    if (!/Effective for \[your_kubernetes_engine\]:\s*databand\s+from\s+\S*\.dbnd\/databand-system\.cfg:\d+/.test(text))
      throw new Error(`hover without the effective value and its origin: ${JSON.stringify(text)}`);
    await shoot('hover.png');
    await wb.page.keyboard.press('Escape');
  });

  await ui.check('Show Effective Pod Spec from the palette opens the driver Pod as read-only YAML', async () => {
    // Room for the config and the Pod side by side.
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.runCommand('Databand: Show Effective Pod Spec');
    await wb.pickQuickInputRow('Driver pod');
    await wb.page.locator('.tab', { hasText: 'driver-pod.yaml' }).first().waitFor({ state: 'visible' });
    await wb.waitForLanguageMode('YAML');
    await waitFor(async () => /# The Pod dbnd would submit for the driver/.test(await wb.editorText()), {
      timeout: wb.timeout,
      what: 'the Pod document in the active editor',
    });
    // Only the lines on screen can be read: the find widget brings `kind: Pod` into view.
    await wb.page.keyboard.press('Control+F');
    await wb.page.keyboard.type('kind: Pod');
    await wb.page.keyboard.press('Enter');
    await waitFor(async () => /^kind: Pod$/m.test(await wb.editorText()), { timeout: wb.timeout, what: '`kind: Pod`' });
    await wb.page.keyboard.press('Escape');
    // Read-only: typing changes nothing.
    const before = await wb.editorText();
    await wb.page.keyboard.type('x');
    if ((await wb.editorText()) !== before) throw new Error('the Pod document accepted typing');
    await wb.goTo(1, 1);
    await shoot('pod-spec.png');
  });
} finally {
  await wb.close();
}
ui.finish();
