import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPathAt, findField, valuesReferences } from '../../../../server/src/rendered/helm/templateText';
import { offsetOf } from '../../../kit/markers';

const SERVICE = `{{- if .Values.server.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "x.fullname" . }}
  labels:
    {{- include "x.labels" . | nindent 4 }}
spec:
  type: {{ .Values.server.service.type }}
  ports:
    {{- range .Values.ports }}
    - name: {{ .name }}
      port: {{ .port }}   # the Service's own port
      {{- if $.Values.server.service.nodePort }}
      nodePort: {{ $.Values.server.service.nodePort }}
      {{- end }}
    {{- end }}
  selector:
    app: web
{{- end }}
`;

const at = (text: string, span: { start: number; end: number } | undefined) => span && text.slice(span.start, span.end);

test('a field path is found by indentation, skipping action-only lines; a range loop stands for every index', () => {
  const match = findField(SERVICE, ['spec', 'ports', 3, 'nodePort'], 'Service');
  assert.equal(match?.depth, 4);
  assert.equal(at(SERVICE, match?.key), 'nodePort');
  assert.equal(at(SERVICE, match?.value), '{{ $.Values.server.service.nodePort }}');
  assert.equal(at(SERVICE, findField(SERVICE, ['spec', 'ports', 0, 'port'])?.value), '{{ .port }}', 'the comment is not part of the value');
});

test('a path the template only partly writes stops at the deepest key it has (a helper wrote the rest)', () => {
  const match = findField(SERVICE, ['metadata', 'labels', 'app.kubernetes.io/name']);
  assert.equal(match?.depth, 2);
  assert.equal(at(SERVICE, match?.key), 'labels');
  assert.equal(findField(SERVICE, ['status']), undefined);
});

test('a key at the wrong level is found where it is written, not where it belongs', () => {
  const text = 'kind: Service\nspec:\n  selector:\n    tier: web\n  app: web\n';
  assert.equal(at(text, findField(text, ['spec', 'app'])?.key), 'app');
  assert.equal(findField(text, ['spec', 'selector', 'app'])?.depth, 2);
});

test('in a template of several documents the one of the object’s kind is used', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n---\napiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  replicas: 2\n';
  const match = findField(text, ['spec', 'replicas'], 'Service');
  assert.equal(text.slice(0, match!.key.start).split('\n').length, 10);
});

test('list items at the column of their key and nested items are read as YAML would', () => {
  const text = 'spec:\n  ports:\n  - name: a\n    port: 1\n  - name: b\n    port: 2\n';
  assert.equal(at(text, findField(text, ['spec', 'ports', 1, 'port'])?.value), '2');
  assert.deepEqual(fieldPathAt(text, offsetOf(text, 'port: 2'))?.path, ['spec', 'ports', 1, 'port']);
});

test('the field path at an offset and the values the line reads', () => {
  const offset = offsetOf(SERVICE, 'nodePort: {{');
  assert.deepEqual(fieldPathAt(SERVICE, offset)?.path, ['spec', 'ports', 0, 'nodePort']);
  assert.deepEqual(fieldPathAt(SERVICE, offsetOf(SERVICE, 'app: web'))?.path, ['spec', 'selector', 'app']);
  assert.equal(fieldPathAt(SERVICE, offsetOf(SERVICE, '{{- range')), undefined, 'an action-only line writes no field');
  assert.deepEqual(valuesReferences('nodePort: {{ $.Values.server.service.nodePort }} {{ .Values.a.b | default 3 }}'), [
    ['server', 'service', 'nodePort'],
    ['a', 'b'],
  ]);
});

test('long lines of blanks are read in linear time', () => {
  const text = `spec:\n${`  a${' '.repeat(4000)}\n`.repeat(300)}${`  b${' '.repeat(200_000)}\n`}  type: NodePort\n`;
  const started = performance.now();
  assert.equal(findField(text, ['spec', 'type'])?.depth, 2);
  assert.ok(performance.now() - started < 500, 'linear in the line length');
});
