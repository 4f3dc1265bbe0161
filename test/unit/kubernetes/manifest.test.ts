import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile, parseFileInSlices, type FileModel, type PlacedChunk } from '../../../server/src/kubernetes/manifest';

const service = (i: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector: {app: a${i}}\n  ports:\n    - port: ${80 + (i % 100)}\n`;
const bundle = (count: number) => Array.from({ length: count }, (_, i) => service(i)).join('---\n');

/** What a model says, without object identity: where each chunk is and what it holds. */
const shape = (model: FileModel) => ({
  chunks: model.chunks.map((c) => [c.start, c.parsed.text]),
  names: model.objects.map(({ object }) => object.name),
  template: model.template,
  truncated: model.truncated,
});

test('sliced parsing gives the same model as parsing at once, yielding on the way', async () => {
  const text = bundle(400);
  let yields = 0;
  const sliced = await parseFileInSlices('file:///w/a.yaml', text, undefined, { sliceMs: 0, isStale: () => (yields++, false) });
  assert.ok(sliced);
  assert.deepEqual(shape(sliced), shape(parseFile('file:///w/a.yaml', text)));
  assert.ok(yields > 100, `yielded ${yields} times`);
});

test('the head is handed over first: the documents within the first headChars characters', async () => {
  const text = bundle(400);
  const heads: FileModel[] = [];
  let parsedWhenHeadCame = -1;
  const progress = { chunks: [] as PlacedChunk[] };
  let yieldsBeforeHead = 0;
  await parseFileInSlices(
    'file:///w/a.yaml',
    text,
    undefined,
    {
      headChars: 1000,
      sliceMs: 0,
      // A yield lets a request finish the whole parse at once, and the head would never be published on its own.
      isStale: () => (heads.length === 0 && yieldsBeforeHead++, false),
      onHead: (head) => {
        heads.push(head);
        parsedWhenHeadCame = progress.chunks.length;
      },
    },
    progress,
  );
  assert.equal(heads.length, 1);
  const [head] = heads;
  const end = (c: PlacedChunk) => c.start + c.parsed.text.length;
  assert.ok(end(head.chunks.at(-1) as PlacedChunk) >= 1000, 'covers the first 1000 characters');
  assert.ok(end(head.chunks.at(-2) as PlacedChunk) < 1000, 'and no more documents than that');
  assert.equal(parsedWhenHeadCame, head.chunks.length, 'before anything further was parsed');
  assert.equal(yieldsBeforeHead, 0, 'the head is parsed in one go');
  assert.deepEqual(
    head.objects.map(({ object }) => object.name),
    head.chunks.map((_, i) => `svc-${i}`),
  );
});

test('the head of a text over the size limit says so, as the full model will', async () => {
  const text = bundle(400);
  let head: FileModel | undefined;
  const full = await parseFileInSlices('file:///w/a.yaml', text, undefined, { maxSize: 5000, headChars: 100, isStale: () => false, onHead: (h) => (head = h) });
  assert.ok(full?.truncated && head?.truncated);
  assert.deepEqual(head.truncated, full.truncated);
  assert.deepEqual(shape(full), shape(parseFile('file:///w/a.yaml', text, undefined, { maxSize: 5000 })));
});

test('a stale parse stops, and a parse started from its progress reuses every chunk it got through', async () => {
  const text = bundle(400);
  const progress = { chunks: [] as PlacedChunk[] };
  let checks = 0;
  const result = await parseFileInSlices('file:///w/a.yaml', text, undefined, { sliceMs: 0, isStale: () => ++checks > 20 }, progress);
  assert.equal(result, undefined);
  assert.ok(progress.chunks.length > 0 && progress.chunks.length < 400, `stopped after ${progress.chunks.length} chunks`);
  // The user typed at the very end meanwhile: everything parsed so far is still valid.
  const edited = `${text}# more\n`;
  const model = parseFile('file:///w/a.yaml', edited, progress);
  for (const [i, placed] of progress.chunks.entries()) assert.equal(model.chunks[i].parsed, placed.parsed, `chunk ${i} reused`);
  assert.deepEqual(shape(model), shape(parseFile('file:///w/a.yaml', edited)));
});

test('a Helm template is flagged in the head already', async () => {
  const text = `${bundle(50)}---\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n`;
  let head: FileModel | undefined;
  await parseFileInSlices('file:///w/a.yaml', text, undefined, { headChars: 10, isStale: () => false, onHead: (h) => (head = h) });
  assert.equal(head?.template, true);
});

test('a document with YAML syntax errors holds no objects; the valid documents around it keep theirs', () => {
  // `targetPort` one column short: the parser recovers it as a second port item, a tree the user never wrote.
  const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  ports:\n    - port: 80\n     targetPort: 8080\n';
  const model = parseFile('file:///w/a.yaml', `${service(1)}---\n${broken}---\n${service(2)}`);
  assert.deepEqual(
    model.objects.map(({ object }) => object.name),
    ['svc-1', 'svc-2'],
  );
  assert.deepEqual(
    model.chunks.map((c) => [c.parsed.recovered === true, c.parsed.syntaxErrors.length > 0]),
    [
      [false, false],
      [true, true],
      [false, false],
    ],
  );
  // A key written twice is no syntax error to kubectl (the last value wins): the object stays.
  const twice = parseFile('file:///w/b.yaml', service(3).replace('spec:\n', 'spec:\n  type: NodePort\n  type: ClusterIP\n'));
  assert.deepEqual(
    twice.objects.map(({ object }) => object.name),
    ['svc-3'],
  );
  assert.equal(twice.chunks[0].parsed.recovered, undefined);
});
