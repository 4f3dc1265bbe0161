// The steps' side of the capture protocol of test/e2e/lib/screenshots.mjs: the extension host cannot see the page, so
// a step writes a request file into the run dir and waits for the launcher's answer before it changes the window.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** Workbench parts the launcher crops to (lib/screenshots.mjs `PARTS`). */
export type Part = 'editor' | 'panel' | 'sidebar';

export interface CaptureRequest {
  /** Crop to the smallest rectangle holding these parts (and the `show` element). */
  parts: Part[];
  /** A selector the page must show (visible) before the capture, e.g. the hover widget. */
  show?: string;
  /** Text that element must hold, so a stale or wrong widget is never captured. */
  text?: string[];
}

/** The launcher answers well within this; past it the launcher is gone or stuck, and the step fails. */
const ANSWER_TIMEOUT_MS = 60_000;
let sequence = 0;

/** Asks the launcher to capture `docs/images/<name>.png`; rejects with the launcher's reason when it cannot. */
export async function capture(name: string, request: CaptureRequest): Promise<void> {
  const dir = process.env.E2E_CAPTURE_DIR;
  if (!dir) throw new Error('E2E_CAPTURE_DIR is not set; run the steps through `launch-code-server.mjs --screenshots`');
  const base = path.join(dir, `${String(++sequence).padStart(3, '0')}-${name}`);
  // Write-then-rename so the launcher never reads half a request.
  fs.writeFileSync(`${base}.tmp`, JSON.stringify({ name, ...request }));
  fs.renameSync(`${base}.tmp`, `${base}.request.json`);
  const done = `${base}.done.json`;
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the launcher did not answer the capture of ${name} within ${ANSWER_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { ok: boolean; error?: string };
  if (!answer.ok) throw new Error(`could not capture ${name}: ${answer.error}`);
}

/** A window with the editor alone in view: no side bars, no leftover widgets or notifications from the last step. */
export async function cleanWindow(): Promise<void> {
  for (const command of ['workbench.action.closeSidebar', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll', 'workbench.action.closeAllEditors']) {
    await vscode.commands.executeCommand(command);
  }
}

let activeFileOnly = false;

/**
 * Opens the Problems panel showing the active file's problems only: a README image of one file must not list the
 * problems of the other fixtures. The filter is a toggle, kept for the window, so it is switched on once.
 */
export async function showProblemsOfActiveFile(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (activeFileOnly) return;
  await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
  activeFileOnly = true;
}

/** Puts the cursor on `offset` of the active editor and opens the hover there, as Ctrl+K Ctrl+I does. */
export async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<void> {
  const at = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
}
