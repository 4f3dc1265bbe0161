import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { completeAt } from '../../../server/src/features/completion';
import { inlayHintsIn } from '../../../server/src/features/inlay';
import { definitionAt } from '../../../server/src/features/navigation/definition';
import { referencesAt } from '../../../server/src/features/navigation/references';
import { documentSymbols } from '../../../server/src/features/symbols';
import { corpusFiles } from '../../kit/corpus';
import { workspace } from '../../kit/workspace';

/**
 * Every request at many positions of every file of the corpus (real install manifests, Helm templates, YAML that is
 * not Kubernetes at all): nothing may throw, and files that are not Kubernetes get no suggestions. About 15 s on a busy
 * machine; the timeout only stops a hang.
 */
test('no request fails anywhere in the corpus; non-Kubernetes YAML gets no suggestions', { timeout: 600_000 }, () => {
  const all = corpusFiles();
  assert.ok(all.length > 50, `${all.length} corpus files`);
  const files = workspace(Object.fromEntries(all.map((path) => [`file://${path}`, readFileSync(path, 'utf8')])));
  let requests = 0;
  for (const path of all) {
    const env = files.env(`file://${path}`);
    const { file } = env;
    // About 200 positions per file, always including line starts and ends, where completion is asked most.
    const step = Math.max(1, Math.floor(file.text.length / 200));
    const offsets = new Set<number>();
    for (let offset = 0; offset <= file.text.length; offset += step) offsets.add(offset);
    for (let i = file.text.indexOf('\n'); i !== -1 && offsets.size < 400; i = file.text.indexOf('\n', i + 1)) offsets.add(i);
    for (const offset of offsets) {
      const completion = completeAt(env, offset);
      if (file.uri.includes('/not-kubernetes/'))
        assert.deepEqual(
          completion.items.map((item) => item.label),
          [],
          `${file.uri} at ${offset}`,
        );
      for (const item of completion.items) assert.ok(item.start <= offset && offset <= item.end, `${file.uri}: the edit range holds the cursor`);
      definitionAt(env, offset);
      referencesAt(env, offset, true);
      requests += 3;
    }
    documentSymbols(file);
    inlayHintsIn(env, 0, file.text.length);
  }
  assert.ok(requests > 10_000);
});
