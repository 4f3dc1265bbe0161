// An edit burst as a paste, an undo run or a held key produces it: one-character didChanges a few ms apart, each
// with the next version. Records how many intermediate versions still got their own diagnostics pass and how
// long after the last edit its diagnostics arrived.
export const BURST_EDITS = 20;
export const BURST_GAP_MS = 5;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the burst after `version` (the document's current version) and waits for the last version's diagnostics.
 * `edit(text, round)` returns `{ range, text, newText }` for one one-character change of `text`.
 */
export async function measureBurst(client, uri, text, version, edit) {
  const first = version + 1;
  const last = version + BURST_EDITS;
  const intermediate = new Set();
  let intermediatePublishes = 0;
  const stopListening = client.onDiagnostics((p) => {
    if (p.uri === uri && p.version >= first && p.version < last) {
      intermediatePublishes++;
      intermediate.add(p.version);
    }
  });
  const final = client.waitForDiagnostics((p) => p.uri === uri && p.version === last);
  // Computed up front: on a 5 MB text each edit costs the bench milliseconds, which would stretch the gaps.
  const changes = [];
  let current = text;
  for (let i = 0; i < BURST_EDITS; i++) {
    const change = edit(current, i);
    changes.push({ range: change.range, text: change.text });
    current = change.newText;
  }
  let firstSentAt = 0;
  let lastSentAt = 0;
  for (const [i, change] of changes.entries()) {
    if (i > 0) await sleep(BURST_GAP_MS);
    lastSentAt = performance.now();
    if (i === 0) firstSentAt = lastSentAt;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: first + i }, contentChanges: [change] });
  }
  await final;
  const lastToDiagnostics = performance.now() - lastSentAt;
  stopListening();
  return { text: current, version: last, span: lastSentAt - firstSentAt, intermediatePublishes, intermediateVersions: intermediate.size, lastToDiagnostics };
}

const ms = (n) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(1) : n.toFixed(0));

export function burstSection(rows) {
  return [
    '## Edit bursts (ours)',
    '',
    `After the timed edits, ${BURST_EDITS} one-character edits sent ${BURST_GAP_MS} ms apart (a paste or undo burst; each its own didChange with the next version). "intermediate publishes" counts publishDiagnostics for the ${BURST_EDITS - 1} versions before the last (analysis passes not folded into a later one; fewer is better); "last edit → diagnostics" is the time from sending the last edit to the first publishDiagnostics of its version.`,
    '',
    `| input | burst sent over ms | intermediate publishes (of ${BURST_EDITS - 1} versions) | last edit → diagnostics |`,
    '|---|---|---|---|',
    ...rows
      .filter(({ ours }) => ours.burst)
      .map(
        ({ input, ours: { burst } }) =>
          `| ${input.label} | ${ms(burst.span)} | ${burst.intermediatePublishes}${burst.intermediatePublishes !== burst.intermediateVersions ? ` (${burst.intermediateVersions} distinct versions)` : ''} | ${ms(burst.lastToDiagnostics)} |`,
      ),
    '',
  ];
}
