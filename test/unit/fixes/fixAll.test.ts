// Each rule's own fixes are pinned in its table (test/unit/rules/<id>.test.ts); fix-all combines the fixes of all rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { fixAll } from '../../../server/src/features/fixes';
import { applyEdits } from '../../../server/src/document/edits';
import { ALL_RULES } from '../../../server/src/rules';

const svc = (spec: string, name = 'web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

test('fix-all applies only safe fixes and leaves choices to the user', () => {
  const text = svc('  type: nodeport\n  sessionAffinity: clientip\n  ports:\n    - port: "80"\n      nodePort: 30080\n  selector:\n  app: web\n');
  const index = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text);
  index.set(file);
  const fixed = applyEdits(text, fixAll(file, index, DEFAULT_SETTINGS, analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES)));
  assert.equal(fixed, svc('  type: NodePort\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80\n      nodePort: 30080\n  selector:\n  app: web\n'));
});
