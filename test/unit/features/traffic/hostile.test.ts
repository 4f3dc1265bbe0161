import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeLabel } from '../../../../server/src/features/traffic/flowchart';
import { build, decode, labelOf } from '../../../kit/traffic';
import { HOSTILE_EXAMPLE, HOSTILE_VALUES } from '../../../kit/trafficManifests';

/** What a label may contain after escaping: inert characters, entity codes, and our own <br/> and <b>. */
const SAFE = String.raw`(?:[A-Za-z0-9 .,_/=+*@()'-]|#\d+;|<br/>|</?b>)*`;
const ID = String.raw`(?:s\d+(?:_[a-z0-9]+)*|empty)`;
const STATEMENTS = [
  /^flowchart LR$/,
  new RegExp(`^\\s*subgraph ${ID} \\["${SAFE}"\\]$`),
  /^\s*direction LR$/,
  /^\s*end$/,
  new RegExp(`^\\s*${ID}(?:\\["|\\(\\["|\\[\\["|\\("|\\{\\{"|\\[/"|>")${SAFE}(?:"\\]|"\\]\\)|"\\]\\]|"\\)|"\\}\\}|"/\\])$`),
  new RegExp(`^\\s*${ID} (?:-->|-\\.->|-\\.-)(?:\\|"${SAFE}"\\|)? ${ID}$`),
  /^\s*classDef (?:client|problem|warning|info|muted) [a-z0-9:#,.\- ]+$/,
  new RegExp(`^\\s*class ${ID}(?:,${ID})* (?:client|problem|warning|info|muted)$`),
];

test('escapeLabel leaves only inert characters and entity codes, and loses nothing but whitespace runs', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeLabel(text);
      assert.match(escaped, /^(?:[A-Za-z0-9 .,_/=+*@()'-]|#\d+;)*$/);
      assert.equal(decode(escaped), text.replace(/\s+/g, ' '));
    }),
    { numRuns: 500 },
  );
});

test('escapeLabel turns Mermaid and HTML syntax into entity codes', () => {
  assert.equal(escapeLabel('a"]-->b'), 'a#34;#93;--#62;b');
  assert.equal(escapeLabel('%%{init}%%'), '#37;#37;#123;init#125;#37;#37;');
  assert.equal(escapeLabel('<b>x</b>\n`y`|z;:'), '#60;b#62;x#60;/b#62; #96;y#96;#124;z#59;#58;');
  assert.equal(escapeLabel('😀'), '#128512;');
});

test('a manifest full of Mermaid syntax, directives, click callbacks and HTML keeps the diagram structure', () => {
  const { graph, paths } = build(HOSTILE_EXAMPLE);
  assert.equal(paths.length, 2);
  for (const line of graph.text.trimEnd().split('\n')) {
    assert.ok(
      STATEMENTS.some((re) => re.test(line)),
      `not a statement the generator writes: ${line}`,
    );
  }
  for (const id of Object.keys(graph.links)) assert.match(id, new RegExp(`^${ID}$`));
  // Only as inert text inside quoted labels (the grammar above), never as syntax or markup.
  assert.doesNotMatch(graph.text, /%%|javascript:|<script|<img|<a |"\]-->/i);
});

test('the hostile values are still shown to the user, verbatim (whitespace collapsed)', () => {
  const m = build(HOSTILE_EXAMPLE).graph.text;
  const shown = (value: string) => value.replace(/\s+/g, ' ');
  assert.equal(labelOf(m, 's0'), `Service ${shown(HOSTILE_VALUES.name)} · LoadBalancer · namespace ${HOSTILE_VALUES.namespace}`);
  assert.equal(labelOf(m, 's0_l0'), `port ${HOSTILE_VALUES.portName} 80/TCP`);
  assert.match(labelOf(m, 's0_lb') ?? '', new RegExp(`implementation: ${escapeRegex(HOSTILE_VALUES.lbClass)}`));
  assert.match(labelOf(m, 's0_lb') ?? '', new RegExp(`allowed sources ${escapeRegex(HOSTILE_VALUES.annotation)} \\(annotation\\)`));
  assert.match(labelOf(m, 's0_none') ?? '', new RegExp(escapeRegex(`app=${HOSTILE_VALUES.selectorValue}`)));
  assert.match(labelOf(m, 's0_u0') ?? '', new RegExp(escapeRegex(shown(HOSTILE_VALUES.host).slice(0, 40))));
  assert.match(labelOf(m, 's1_target') ?? '', new RegExp(`^${escapeRegex(HOSTILE_VALUES.externalName)}\\n`));
});

test('overlong values are shortened so one name cannot blow up the layout', () => {
  const long = 'x'.repeat(500);
  const m = build(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${long}\nspec:\n  ports:\n    - port: 80\n`).graph.text;
  assert.equal(labelOf(m, 's0'), `Service ${'x'.repeat(62)}… · ClusterIP`);
});

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
