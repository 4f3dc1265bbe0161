import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSetPath, parseValueSet } from '../../../../server/src/rendered/helm/valueSets';
import { effectiveLeaves, fileLayer, setLayer } from '../../../../server/src/rendered/helm/values';
import { setArgument } from '../../../../server/src/rendered/helm/trace';

test('value sets are read as Helm’s strvals reads them: typed values, escapes, indices and lists', () => {
  assert.deepEqual(parseValueSet('server.service.type=LoadBalancer,server.service.nodePort=9090'), [
    { path: ['server', 'service', 'type'], value: 'LoadBalancer', text: 'server.service.type=LoadBalancer' },
    { path: ['server', 'service', 'nodePort'], value: 9090, text: 'server.service.nodePort=9090' },
  ]);
  const values = (text: string) => parseValueSet(text)?.map((a) => a.value);
  assert.deepEqual(values('a=true,b=NULL,c=0,d=08080,e=-3,f=1.5,g='), [true, null, 0, '08080', -3, '1.5', '']);
  assert.deepEqual(parseValueSet('ann.a\\.b/c\\,d=x\\,y')?.[0], { path: ['ann', 'a.b/c,d'], value: 'x,y', text: 'ann.a\\.b/c\\,d=x\\,y' });
  assert.deepEqual(
    parseValueSet('ports[1].port=80,hosts={a,b}')?.map((a) => [a.path, a.value]),
    [
      [['ports', 1, 'port'], 80],
      [['hosts'], ['a', 'b']],
    ],
  );
  assert.equal(parseValueSet('novalue'), undefined);
  assert.equal(parseValueSet('a={x,y'), undefined);
});

test('paths are written back with their separators escaped', () => {
  assert.equal(formatSetPath(['ann', 'a.b/c,d', 'x=y']), 'ann.a\\.b/c\\,d.x\\=y');
  assert.equal(formatSetPath(['ports', 0, 'port']), 'ports[0].port');
});

test('leaves belong to the highest layer that sets them; a list belongs whole to the layer that wrote it', () => {
  const base = fileLayer('values.yaml', '/c/values.yaml', 'service:\n  type: ClusterIP\n  nodePort: 30007\nports:\n  - 80\n  - 81\nkeep: ~\n')!;
  const prod = fileLayer('values-prod.yaml', '/c/values-prod.yaml', 'service:\n  nodePort: 9090\nports: [443]\n')!;
  const set = setLayer('service.type=NodePort')!;
  const leaves = effectiveLeaves([base, prod, set]).map((leaf) => `${leaf.path.join('.')}=${String(leaf.value)} (${leaf.layer.label})`);
  assert.deepEqual(leaves, [
    'service.type=NodePort (--set service.type=NodePort)',
    'service.nodePort=9090 (values-prod.yaml)',
    'ports.0=443 (values-prod.yaml)',
  ]);
  assert.equal(fileLayer('values.yaml', '/c/values.yaml', '- a list\n'), undefined, 'Helm refuses values that are not a mapping');
});

test('a sentinel keeps its type and wins over the variant’s own --set; a list leaf rewrites its whole list', () => {
  const merged = { service: { nodePort: 9090, name: 'web' }, ports: [{ port: 80, name: 'http' }, { port: 81 }] };
  assert.equal(setArgument(merged, ['service', 'nodePort'], 31401), '--set=service.nodePort=31401');
  assert.equal(setArgument(merged, ['service', 'name'], 'kslsentinel0'), '--set-string=service.name=kslsentinel0');
  assert.equal(setArgument(merged, ['ports', 1, 'port'], 31401), '--set-json=ports=[{"port":80,"name":"http"},{"port":31401}]');
  assert.deepEqual(merged.ports[1], { port: 81 }, 'the merged values are not changed');
});
