// Where the bundled artefacts are, from the compiled test (out/test/protocol/*.js).
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER_JS = resolve(ROOT, 'dist', 'server', 'server.js');
export const CLI_JS = resolve(ROOT, 'dist', 'cli', 'dbnd-cfg.js');
