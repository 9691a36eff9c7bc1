// Splicing the generated key table into docs/config-keys.md between two markers; the rest of the file is hand-written
// by others and must stay untouched. Used by scripts/update-readme-keys.mjs and by the drift test.
import { renderKeyTable } from './keyTable';

export const KEYS_START_MARKER = '<!-- keys:start -->';
export const KEYS_END_MARKER = '<!-- keys:end -->';

/**
 * `readme` with the text between the markers replaced by the current key table. Markers missing: they are
 * appended at the end, with the table between them.
 */
export function withCurrentKeyTable(readme: string): string {
  const block = `${KEYS_START_MARKER}\n${renderKeyTable()}${KEYS_END_MARKER}`;
  const start = readme.indexOf(KEYS_START_MARKER);
  const end = readme.indexOf(KEYS_END_MARKER);
  if (start < 0 || end < start) {
    const separator = readme === '' || readme.endsWith('\n\n') ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
    return `${readme}${separator}${block}\n`;
  }
  return readme.slice(0, start) + block + readme.slice(end + KEYS_END_MARKER.length);
}
