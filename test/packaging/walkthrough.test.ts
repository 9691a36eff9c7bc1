// The walkthrough as VS Code's Welcome page shows it. Two rules of VS Code's walkthrough service
// (src/vs/workbench/contrib/welcomeGettingStarted/browser/gettingStartedService.ts and gettingStarted.ts):
// - A step's description is not markdown: each line is split into links and text, and the text goes through
//   VS Code's formatted-text renderer, whose tags are doubled characters: **bold**, __italics__, ``code``. A
//   single backtick is printed as it is (the walkthrough showed literal backticks). The media .md files are
//   rendered as real markdown, so single backticks belong there.
// - completionEvents know onCommand, onLink, onView, onSettingChanged, onContext, onEvent, onStepSelected
//   and onExtensionInstalled; any other kind (onLanguage, for one) is logged as unknown and never ticks the step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { REPO_ROOT, repoPath } from '../support/paths';

interface Step {
  id: string;
  description: string;
  media: { markdown: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: { languages: { id: string }[]; walkthroughs: { steps: Step[] }[] };
}

const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as Manifest;
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
const KNOWN_EVENTS =
  /^(onCommand|onLink|onView|onSettingChanged|onContext|onEvent|onStepSelected|stepSelected|onExtensionInstalled|extensionInstalled)(:|$)/;

/**
 * The text of a description line that VS Code would print literally although it looks like formatting: single
 * backticks, and tags left open. Links (`[title](href)`) are taken out first, as VS Code's linked-text parser does.
 */
function formattingLeftovers(line: string): string[] {
  const text = line.replace(/\[[^\]]*\]\([^)]*\)/g, '');
  const problems: string[] = [];
  const open = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('*_`'.includes(c) && text[i + 1] === c) {
      if (open.has(c)) open.delete(c);
      else open.add(c);
      i++;
    } else if (c === '`') {
      problems.push(`a single backtick at column ${i}`);
    }
  }
  for (const tag of open) problems.push(`${tag}${tag} left open`);
  return problems;
}

test('the leftover check sees what VS Code would print literally', () => {
  assert.deepEqual(formattingLeftovers('Open ``project.cfg``: **dbnd config**'), []);
  assert.deepEqual(formattingLeftovers('[Open `x`](command:a) ``b``'), []);
  assert.deepEqual(formattingLeftovers('Open `project.cfg`'), [
    'a single backtick at column 5',
    'a single backtick at column 17',
  ]);
  assert.deepEqual(formattingLeftovers('a ``b'), ['`` left open']);
});

test('every step description uses only the formatting VS Code renders in walkthrough descriptions', () => {
  assert.ok(steps.length >= 3, 'the walkthrough has its steps');
  for (const step of steps)
    for (const line of step.description.split('\n'))
      assert.deepEqual(formattingLeftovers(line), [], `${step.id}: ${line}`);
});

test('every step has its markdown media in the repository and completion events VS Code knows', () => {
  for (const step of steps) {
    assert.ok(existsSync(repoPath(step.media.markdown)), `${step.id}: ${step.media.markdown} under ${REPO_ROOT}`);
    for (const event of step.completionEvents ?? []) assert.match(event, KNOWN_EVENTS, `${step.id}: ${event}`);
  }
});

test('the first step is ticked when an editor shows a dbnd config file', () => {
  const language = manifest.contributes.languages[0].id;
  assert.deepEqual(steps[0].completionEvents, [`onContext:editorLangId == ${language}`]);
});
