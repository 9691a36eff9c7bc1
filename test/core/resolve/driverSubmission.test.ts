// The driver submission path of the resolver: dbnd's engine clone re-parses every value and runs _initialize
// again, and the DockerRunTask command/image round trip (pyList2cmdline, $VAR expansion, shlex, image split).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../../../server/src/core/config/loadConfig';
import { buildNamedObject, cloneObject } from '../../../server/src/core/resolve/buildNamedObject';
import { driverCommandList, driverSubmission, splitImage } from '../../../server/src/core/resolve/driverSubmission';

function engineFrom(section: string, env: Record<string, string> = {}) {
  const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, { path: '/p/databand-system.cfg', text: section }], env, {});
  assert.ok(loaded.ok);
  const built = buildNamedObject('eng', loaded.value, { env });
  assert.ok(built.ok, built.ok ? '' : built.error.message);
  return { layer: loaded.value, engine: built.value.object };
}

const BASE = '[eng]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\ndebug = True\n';

test('a clone parses str values again: @@x was @x and is now a file reference', () => {
  const { layer, engine } = engineFrom(`${BASE}service_account_name = @@ops\n`);
  assert.equal(engine.params.get('service_account_name')?.value, '@ops');
  const cloned = cloneObject(engine, layer, { env: {} }, { auto_remove: true, detach_run: true });
  assert.ok(!cloned.ok);
  assert.equal(cloned.error.type, 'DatabandBuildError');
  assert.equal(
    cloned.error.message,
    "Failed to calculate value from '@ops' for parameter 'service_account_name' at kubernetes()",
  );
});

test('a clone runs _initialize again: debug keeps the run attached, so auto_remove is switched off', () => {
  const env = { NS: 'team' };
  const { layer, engine } = engineFrom(`${BASE}namespace = $NS\n`, env);
  const cloned = cloneObject(engine, layer, { env }, { auto_remove: true, detach_run: true });
  assert.ok(cloned.ok);
  const value = (k: string) => cloned.value.object.params.get(k)?.value;
  assert.equal(value('detach_run'), false);
  assert.equal(value('auto_remove'), false);
  assert.equal(value('namespace'), 'team');
});

test('driver submission: $VAR expanded in the command, shlex gives the args back, the image splits in two', () => {
  const s = driverSubmission(['dbnd'], ['run', 'x', '--set', 'a=$HOME b'], 'a:b', 'dbnd_driver_run', { HOME: '/h' });
  assert.ok(s.ok);
  assert.equal(s.value.command, 'dbnd run x --set "a=/h b"');
  assert.deepEqual(driverCommandList(s.value.command), { ok: true, value: ['dbnd', 'run', 'x', '--set', 'a=/h b'] });
  assert.deepEqual(splitImage('a:b'), { ok: true, value: { repository: 'a', tag: 'b' } });
  const port = splitImage('h:5000/a:b');
  assert.ok(!port.ok);
  assert.equal(port.error.type, 'ParseParameterError');
  assert.equal(
    port.error.message,
    'Received image h:5000/a:b is not in image format! Expected repo:tag. Exception: too many values to unpack (expected 2)',
  );
});
