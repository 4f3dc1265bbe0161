import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../kit/traffic';
import { startHarness, type Harness, type PreviewPage } from './harness';

/**
 * Manifest text reaches the preview in every label: names, namespaces, labels, selectors, annotations, port names,
 * hosts. Each value below attacks one layer (Mermaid's syntax and directives, its entity decoding and Markdown
 * strings, the HTML labels, the SVG, URLs); each must end up as inert text, with the diagram still drawn, nothing
 * executed, nothing navigated, and no Content-Security-Policy violation (which would mean something tried).
 */
const ATTACKS: Record<string, string> = {
  'script element': '<script>window.__pwned=1</script>',
  'event handler (img onerror)': '<img src=x onerror="window.__pwned=1">',
  'event handler (svg onload)': '<svg onload="window.__pwned=1"></svg>',
  'event handler breaking out of an attribute': '" onmouseover="window.__pwned=1" x="',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  'javascript: link': '<a href="javascript:window.__pwned=1">click</a>',
  'bare javascript: URL': 'javascript:window.__pwned=1',
  'closing the foreignObject': '</div></foreignObject><script>window.__pwned=1</script>',
  'Mermaid init directive': '%%{init: {"securityLevel": "loose"}}%%',
  'Mermaid init directive on its own line': 'x\n%%{init: {"securityLevel":"loose","startOnLoad":true}}%%\n',
  'Mermaid click call': 'click s0_w0 call alert(1)',
  'Mermaid click href on a new line': 'x"]\nclick s0_svc href "javascript:window.__pwned=1"',
  'Mermaid entity codes for markup': '#60;img src=x onerror=window.__pwned=1#62;',
  'HTML entities for markup': '&lt;img src=x onerror=window.__pwned=1&gt;',
  'Mermaid Markdown string': '`**bold** <img src=x onerror=window.__pwned=1>`',
  'Mermaid style and classDef': 'x;\nstyle s0_svc fill:url(javascript:alert(1));classDef a fill:#f00',
  'Mermaid syntax break-out': '"]-->pwn((x))\nsubgraph y["',
  'Unicode line separators and bidi override': 'a\u2028b\u2029c\u202Eevil',
};

const yaml = (value: string) => JSON.stringify(value);

/** One manifest that puts the value into every field the preview draws. */
function manifest(value: string): string {
  const v = yaml(value);
  return `apiVersion: v1
kind: Service
metadata:
  name: ${v}
  namespace: ${v}
  labels: {app: ${v}}
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: ${v}
    description: ${v}
spec:
  type: LoadBalancer
  loadBalancerClass: ${v}
  selector: {app: ${v}}
  ports:
    - name: ${v}
      port: 80
      targetPort: ${v}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${v}
  namespace: ${v}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${v}}}
  template:
    metadata: {labels: {app: ${v}}}
    spec:
      containers:
        - name: ${v}
          image: ${v}
          ports: [{name: ${v}, containerPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${v}
  namespace: ${v}
spec:
  rules:
    - host: ${v}
      http:
        paths:
          - path: ${v}
            pathType: Prefix
            backend: {service: {name: ${v}, port: {number: 80}}}
`;
}

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness?.close());

/** Everything a user can do to a node: hover, click, focus and press Enter. Nothing may run. */
async function poke(view: PreviewPage): Promise<void> {
  for (const node of await view.page.locator('#diagram svg g.node').all()) {
    await node.hover({ force: true });
    await node.click({ force: true });
  }
  await view.page.keyboard.press('Tab');
  await view.page.keyboard.press('Enter');
}

/** Elements or attributes that could run code or navigate, anywhere in the page. */
function dangerous(view: PreviewPage) {
  return view.page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const name = element.localName;
      if (['iframe', 'object', 'embed', 'img', 'a', 'frame', 'base'].includes(name)) found.push(`<${name}>`);
      if (name === 'script' && !(element as HTMLScriptElement).nonce) found.push('<script> without the page nonce');
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${name}[${attribute.name}]`);
        if (/^\s*javascript:/i.test(attribute.value)) found.push(`${name}[${attribute.name}=${attribute.value}]`);
      }
    }
    return found;
  });
}

for (const [attack, value] of Object.entries(ATTACKS)) {
  test(`hostile manifest text (${attack}) is shown as text: nothing runs, nothing breaks, no CSP violation`, async () => {
    const view = await harness.open();
    const { graph, paths } = build(manifest(value));
    const title = `shop.yaml: ${paths.map((p) => `${p.name} (${p.type})`).join(', ')}`;
    await view.post({ seq: 1, uri: 'file:///workspace/shop.yaml', title, mermaid: graph.text, clickable: Object.keys(graph.links) });
    const ack = await view.waitForAck(1);
    assert.equal(ack.type, 'rendered', JSON.stringify(ack));
    if (ack.type !== 'rendered') return;
    assert.equal(ack.nodes, graph.nodeCount, 'every node is drawn: the value did not change the diagram structure');
    assert.equal(ack.edges, graph.edgeCount);
    await poke(view);
    assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(await dangerous(view), []);
    assert.deepEqual(await view.cspViolations(), []);
    assert.deepEqual(view.pageErrors, []);
    assert.equal(view.page.url().startsWith(harness.origin), true, 'the page did not navigate');
    // The title and the labels show the value itself (whitespace collapsed, as in a label).
    assert.equal(await view.page.locator('#title').textContent(), title);
    const shown = ((await view.page.locator('#diagram').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.ok(shown.includes(value.replace(/\s+/g, ' ').trim().slice(0, 40)), `the value is not shown verbatim in: ${shown.slice(0, 400)}`);
    await view.page.context().close();
  });
}

test('a Mermaid source that fails to render shows its error as text, even when the error quotes markup', async () => {
  const view = await harness.open();
  const source = 'flowchart LR\n  a["<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>';
  await view.post({ seq: 1, uri: 'file:///workspace/shop.yaml', title: '<img src=x onerror=window.__pwned=1>', mermaid: source, clickable: [] });
  const ack = await view.waitForAck(1, 'renderError');
  assert.equal(ack.type, 'renderError');
  assert.equal(await view.page.locator('#title').textContent(), '<img src=x onerror=window.__pwned=1>');
  assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  assert.deepEqual(await dangerous(view), []);
  assert.deepEqual(await view.cspViolations(), []);
  // The detector itself sees what it must: an injected handler and link are reported.
  await view.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<span onclick="x()"></span><a href="javascript:x()">x</a>'));
  assert.deepEqual(await dangerous(view), ['span[onclick]', '<a>', 'a[href=javascript:x()]']);
  await view.page.context().close();
});
