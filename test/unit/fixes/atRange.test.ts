// The code-action path looks only at the documents under the cursor (analysis/analyzeRange.ts, objectAt, refactorsAt)
// instead of walking the whole file. Each lookup is checked here against the whole-file computation it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type FileModel } from '../../../server/src/kubernetes/manifest';
import { analyzeFile, type Finding } from '../../../server/src/analysis/analyze';
import { analyzeRange } from '../../../server/src/analysis/analyzeRange';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { fileTooLarge } from '../../../server/src/analysis/limits';
import { isService, type ServiceModel } from '../../../server/src/kubernetes/model';
import { LineIndex } from '../../../server/src/document/text';
import { objectAt } from '../../../server/src/analysis/analyzeRange';
import { serviceRefactors } from '../../../server/src/kubernetes/serviceEdits';
import { refactorsAt } from '../../../server/src/features/fixes/refactorsAt';
import { usedNodePorts } from '../../../server/src/kubernetes/nodePorts';
import { documentLineIndex } from '../../../server/src/document/text';
import { fieldOf, numberValue } from '../../../server/src/document/yamlNodes';
import { ALL_RULES } from '../../../server/src/rules';
import { corpusFolder } from '../../kit/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(dir, name))
    : [];
const TEXTS = [
  ...yamlFiles(path.join(ROOT, 'test', 'fixtures', 'invalid')),
  ...yamlFiles(path.join(ROOT, 'test', 'fixtures', 'hostile')),
  ...yamlFiles(path.join(ROOT, 'examples')),
  ...yamlFiles(corpusFolder('real-world')),
].map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));

const SERVICE = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${name}\n  ports:\n    - port: 80${extra}\n`;
/** Services, Lists of Services and a Deployment, so documents hold one object, several, or none of interest. */
const MIXED = [
  SERVICE('a', '\n      nodePort: 30001'),
  `apiVersion: v1\nkind: List\nitems:\n  - ${SERVICE('b', '\n      nodePort: 30001').trimEnd().replace(/\n/g, '\n    ')}\n  - ${SERVICE('c').trimEnd().replace(/\n/g, '\n    ')}\n`,
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers: [{name: d, image: d}]\n',
  SERVICE('e', '\n      nodePort: 80'),
].join('---\n');
TEXTS.push({ name: 'mixed', text: MIXED });

function workspaceOf(text: string, options: { maxSize?: number } = {}): { file: FileModel; index: WorkspaceIndex } {
  const index = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text, undefined, options);
  index.set(file);
  return { file, index };
}

const key = (finding: Finding) => JSON.stringify(finding);
/** Whether `part` appears in `whole` in the same order (what a stable sort of a subset gives). */
function isSubsequence(part: readonly Finding[], whole: readonly Finding[]): boolean {
  let i = 0;
  for (const finding of whole) if (i < part.length && key(part[i]) === key(finding)) i++;
  return i === part.length;
}

test('analyzeRange gives, for the range of any finding, the findings analyzeFile gives there, in the same order', () => {
  for (const { name, text } of TEXTS) {
    const { file, index } = workspaceOf(text);
    const whole = analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES);
    for (const finding of whole) {
      const part = analyzeRange(file, index, DEFAULT_SETTINGS, ALL_RULES, finding.start, finding.end);
      const same = (f: Finding) => f.ruleId === finding.ruleId && f.start === finding.start && f.end === finding.end;
      // The code-action handler takes the first finding with the diagnostic's rule and range: it must be the same one.
      assert.equal(key(part.find(same) as Finding), key(whole.find(same) as Finding), `${name}: ${finding.ruleId} at ${finding.start}`);
      assert.ok(isSubsequence(part, whole), `${name}: findings at ${finding.start} are not those of analyzeFile, in order`);
    }
  }
});

test('analyzeRange looks at the documents under the range only, and keeps the file-size notice of the whole file', () => {
  const { file, index } = workspaceOf(MIXED);
  const last = file.chunks[file.chunks.length - 1];
  const atEnd = analyzeRange(file, index, DEFAULT_SETTINGS, ALL_RULES, last.start + 10, last.start + 10);
  assert.ok(atEnd.length > 0 && atEnd.every((f) => f.start >= last.start), 'only the last document is analysed');

  // Parsed up to the limit: the notice on line 1 names the whole file's documents, wherever the range starts there.
  const limited = workspaceOf(MIXED, { maxSize: MIXED.length - 10 });
  const whole = analyzeFile(limited.file, limited.index, DEFAULT_SETTINGS, ALL_RULES);
  const notice = whole.find((f) => f.ruleId === fileTooLarge.id);
  assert.ok(notice && /the first 3 documents/.test(notice.message));
  const atStart = analyzeRange(limited.file, limited.index, DEFAULT_SETTINGS, ALL_RULES, notice.start, notice.end);
  assert.deepEqual(
    atStart.find((f) => f.ruleId === fileTooLarge.id),
    notice,
  );
  assert.ok(isSubsequence(atStart, whole));
  const later = limited.file.chunks[1].start + 5;
  assert.ok(!analyzeRange(limited.file, limited.index, DEFAULT_SETTINGS, ALL_RULES, later, later).some((f) => f.ruleId === fileTooLarge.id));
});

/** objectAt as it was: every object of the file, the last (innermost) whose mapping contains the offset. */
function objectAtByScan(file: FileModel, offset: number) {
  let found: FileModel['objects'][number] | undefined;
  for (const entry of file.objects) {
    const range = entry.object.root.range;
    if (range && offset >= entry.chunk.start + range[0] && offset <= entry.chunk.start + range[2]) found = entry;
  }
  return found;
}

test('objectAt finds the same object as a scan of the whole file, at every offset (List items included)', () => {
  for (const { name, text } of TEXTS.filter((t) => t.text.length < 50_000)) {
    const { file } = workspaceOf(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      const expected = objectAtByScan(file, offset);
      const actual = objectAt(file, offset);
      assert.equal(actual?.object, expected?.object, `${name} at ${offset}`);
      assert.equal(actual?.chunk, expected?.chunk, `${name} at ${offset}`);
    }
  }
});

/** The refactorings as the handler computed them before: every Service of the file scanned, node ports listed. */
function refactorsByScan(file: FileModel, index: WorkspaceIndex, start: number, end: number) {
  const several = file.objects.filter(({ object }) => isService(object)).length > 1;
  const taken = (self: ServiceModel) => {
    const used = new Set<number>();
    for (const { object } of index.services()) {
      if (object === self || (object.name !== undefined && object.name === self.name && (object.namespace ?? '') === (self.namespace ?? ''))) continue;
      for (const port of object.ports) if (port.nodePort !== undefined) used.add(port.nodePort);
      const health = numberValue(fieldOf(object.spec, 'healthCheckNodePort')?.node, object.doc);
      if (health) used.add(health);
    }
    return used;
  };
  return file.objects
    .filter(
      ({ object, chunk }) =>
        isService(object) && !!object.root.range && chunk.start + object.root.range[0] <= end && start <= chunk.start + object.root.range[2],
    )
    .flatMap(({ object, chunk }) => {
      const service = object as ServiceModel;
      return serviceRefactorsWithTaken(file, chunk, service, taken(service)).map((refactor) => ({
        title: several && service.name ? `${refactor.title} [${service.name}]` : refactor.title,
        edits: refactor.edits,
      }));
    });
}

/** serviceRefactors with a given set of taken ports: through a workspace whose only Service writes exactly those. */
function serviceRefactorsWithTaken(file: FileModel, chunk: FileModel['chunks'][number], service: ServiceModel, taken: Set<number>) {
  const stand = new WorkspaceIndex();
  const ports = [...taken].map((port, i) => `    - {port: ${i + 1}, nodePort: ${port}}`).join('\n');
  if (taken.size > 0)
    stand.set(
      parseFile('file:///stand-in.yaml', `apiVersion: v1\nkind: Service\nmetadata: {name: zz-stand-in}\nspec:\n  type: NodePort\n  ports:\n${ports}\n`),
    );
  return serviceRefactors(file.text, chunk, service, DEFAULT_SETTINGS, stand);
}

test('refactorsAt offers what a scan of every Service offered: same Services, titles naming them, same edits', () => {
  for (const { name, text } of TEXTS.filter((t) => t.text.length < 200_000)) {
    const { file, index } = workspaceOf(text);
    const probes = file.objects.flatMap(({ object, chunk }) => {
      const range = object.root.range;
      return range
        ? [
            [chunk.start + range[0], chunk.start + range[0]],
            [chunk.start + range[2], chunk.start + range[2]],
          ]
        : [];
    });
    for (const [start, end] of [...probes, [0, text.length]]) {
      const actual = refactorsAt(file, start, end, DEFAULT_SETTINGS, index);
      assert.deepEqual(actual, refactorsByScan(file, index, start, end), `${name} at ${start}-${end}`);
    }
  }
});

test('refactorings name the Service only when the file has several, and the taken node ports follow workspace changes', () => {
  const { file, index } = workspaceOf(MIXED);
  const titles = refactorsAt(file, 0, 0, DEFAULT_SETTINGS, index).map((r) => r.title);
  assert.ok(titles.length > 0 && titles.every((title) => title.endsWith(' [a]')), titles.join(' | '));
  const single = workspaceOf(SERVICE('a', '\n      nodePort: 30001'));
  assert.ok(refactorsAt(single.file, 0, 0, DEFAULT_SETTINGS, single.index).every((r) => !r.title.includes('[')));

  // Converting `a` keeps 30001 while no other Service writes it; once another file does, the conversion drops it.
  const toLb = (ws: WorkspaceIndex) => refactorsAt(single.file, 0, 0, DEFAULT_SETTINGS, ws).find((r) => r.title.startsWith('Convert to LoadBalancer'));
  assert.equal(toLb(single.index)?.edits.length, 1);
  assert.deepEqual([...usedNodePorts(single.index)], [30001]);
  assert.deepEqual([...usedNodePorts(single.index, single.file.objects[0].object as ServiceModel)], []);
  single.index.set(parseFile('file:///workspace/other.yaml', SERVICE('other', '\n      nodePort: 30001')));
  assert.equal(toLb(single.index)?.edits.length, 2, 'the taken node port is removed too');
  assert.deepEqual([...usedNodePorts(single.index, single.file.objects[0].object as ServiceModel)], [30001]);
  single.index.delete('file:///workspace/other.yaml');
  assert.equal(toLb(single.index)?.edits.length, 1);
});

test('documentLineIndex maps exactly as LineIndex, through the line table of the open document', () => {
  const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\r\n\r\n', 'é', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.array(fc.tuple(fc.integer({ min: -1, max: 12 }), fc.integer({ min: -1, max: 12 })), { maxLength: 20 }), (value, positions) => {
      const expected = new LineIndex(value);
      // Edited incrementally, as the server's documents are: the line table is updated, not rebuilt.
      const document = TextDocument.create('file:///x.yaml', 'yaml', 1, `x${value}`);
      TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }], 2);
      const actual = documentLineIndex(value, document);
      for (let offset = -1; offset <= value.length + 1; offset++) {
        assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset}) in ${JSON.stringify(value)}`);
      }
      for (const [line, character] of positions) {
        assert.equal(
          actual.offsetAt({ line, character }),
          expected.offsetAt({ line, character }),
          `offsetAt(${line}:${character}) in ${JSON.stringify(value)}`,
        );
      }
    }),
    { numRuns: 500 },
  );
});
