// The screenshots run (`launch-code-server.mjs --screenshots`, `npm run screenshots`): the README's images, made in
// the same real VS Code as the e2e tier. A maintenance tool, not a test tier: `npm test` does not run it.
//
// The steps (test/e2e/screenshots/, one mocha test per image) run in the extension host, which cannot see the page;
// the launcher holds the Chromium page. So a step asks for a capture with a request file in the run dir
// (`captures/<seq>.request.json`) and waits for the launcher's answer (`<seq>.done.json`). The launcher waits until
// the page shows what the step expects (a visible element holding given text) before it captures, and answers with
// an error when it never does, so a step that cannot be shown fails the run instead of writing a misleading image.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Workbench parts a request may crop to, by name, so the steps need not know the workbench's DOM. */
const PARTS = { editor: '.part.editor', panel: '.part.panel', sidebar: '.part.sidebar' };
/** How long the page may take to show what a step expects (a hover waits for the language server). */
const SHOW_TIMEOUT_MS = 20_000;
/** Hovers and panels fade in (VS Code animates opacity for about 100 ms); a capture waits this long once shown. */
const SETTLE_MS = 400;

/**
 * The files the screenshots open, copied into the run's workspace: the README's examples at its root, as a user who
 * opens the examples folder sees them, and the e2e tier's Helm chart.
 */
const WORKSPACE = [
  { from: 'examples', to: '.' },
  { from: 'test/e2e/workspace/helm-chart', to: 'helm-chart' },
  { from: 'test/e2e/workspace/helm-views', to: 'helm-views' },
];

/** The screenshots run's inputs when `--screenshots` is among `argv`, else undefined. */
export function screenshotsRun(argv, e2eDir, repoRoot) {
  if (!argv.includes('--screenshots')) return undefined;
  const imagesDir = path.join(repoRoot, 'docs', 'images');
  return {
    suiteEntry: path.join(repoRoot, 'out', 'test', 'e2e', 'screenshots', 'index.js'),
    workspaceSrc: path.join(repoRoot, WORKSPACE[0].from),
    screenshotFile: path.join(repoRoot, 'test-results', 'e2e-screenshots-workbench.png'),
    // README-sized: the text stays legible when GitHub scales the image down to its column.
    viewport: { width: 1100, height: 720 },
    /** Adds the other fixtures and quiet editor settings; returns the environment that tells the steps where to ask. */
    prepare(run) {
      for (const { from, to } of WORKSPACE.slice(1)) {
        const src = path.join(repoRoot, from);
        if (!existsSync(src)) throw new Error(`screenshot fixture ${from} is missing`);
        cpSync(src, path.join(run.workspace, to), { recursive: true });
      }
      const settingsFile = path.join(run.userData, 'User', 'settings.json');
      const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
      // The minimap is noise at README size, and a blinking cursor makes each run's image differ from the last; the
      // rest keeps VS Code's defaults, as a user sees them.
      Object.assign(settings, { 'editor.minimap.enabled': false, 'editor.cursorBlinking': 'solid' });
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
      const captures = path.join(run.runDir, 'captures');
      mkdirSync(captures, { recursive: true });
      return { E2E_CAPTURE_DIR: captures };
    },
    /**
     * Answers the steps' capture requests until `stop()` is called. Each request is answered exactly once, in order;
     * a request the page cannot satisfy is answered with its error (the step fails with it).
     */
    serve(page, run, log) {
      const captures = path.join(run.runDir, 'captures');
      const answered = new Set();
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          const pending = readdirSync(captures)
            .filter((f) => f.endsWith('.request.json') && !answered.has(f))
            .sort();
          for (const file of pending) {
            answered.add(file);
            const request = JSON.parse(readFileSync(path.join(captures, file), 'utf8'));
            let answer;
            try {
              const out = path.join(imagesDir, `${request.name}.png`);
              const size = await capture(page, request, out);
              log(`captured ${path.relative(repoRoot, out)} (${size.width}x${size.height})`);
              answer = { ok: true, file: out, ...size };
            } catch (err) {
              answer = { ok: false, error: String(err?.message ?? err) };
            }
            const done = path.join(captures, file.replace('.request.json', '.done.json'));
            writeFileSync(done + '.tmp', JSON.stringify(answer));
            renameSync(done + '.tmp', done);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      return async () => {
        stopped = true;
        await loop;
      };
    },
  };
}

/**
 * Waits until `request.show` (a selector) is visible with every `request.text` in it, then captures the smallest
 * rectangle holding the named workbench parts and that element, into `out`.
 */
async function capture(page, request, out) {
  const shown = request.show ? page.locator(request.show).filter({ visible: true }).first() : undefined;
  if (shown) {
    const deadline = Date.now() + SHOW_TIMEOUT_MS;
    let text = '';
    for (;;) {
      text = (await shown.innerText({ timeout: 1000 }).catch(() => '')) ?? '';
      if (text && (request.text ?? []).every((t) => text.includes(t))) break;
      if (Date.now() > deadline) {
        throw new Error(`the page does not show ${request.show} with ${JSON.stringify(request.text ?? [])}; it shows ${JSON.stringify(text)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const boxes = [];
  for (const part of request.parts ?? ['editor']) {
    if (!PARTS[part]) throw new Error(`unknown workbench part ${JSON.stringify(part)} (known: ${Object.keys(PARTS).join(', ')})`);
    const box = await page
      .locator(PARTS[part])
      .filter({ visible: true })
      .first()
      .boundingBox({ timeout: 5000 })
      .catch(() => null);
    if (!box || box.width === 0 || box.height === 0) throw new Error(`the workbench part "${part}" is not visible`);
    boxes.push(box);
  }
  if (shown) boxes.push(await shown.boundingBox());
  const clip = union(boxes);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, clip, timeout: 10_000 });
  return { width: Math.round(clip.width), height: Math.round(clip.height) };
}

function union(boxes) {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(right - x), height: Math.ceil(bottom - y) };
}
