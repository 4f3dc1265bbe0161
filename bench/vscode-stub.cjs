// The smallest `vscode` module our activate() runs against, for timing activation outside VS Code.
// It holds exactly what dist/extension.js touches up to the moment its language client spawns the server
// (found by recording every access). Anything else it is asked for is recorded in `missing`: the probe then
// reports an error instead of a figure, because a stub that silently answers `undefined` would time a
// different code path from the one VS Code runs.
'use strict';

/** A prototype that records every name looked up on an object that lacks it (Object.prototype names excepted). */
function recorder(label, missing) {
  return new Proxy(Object.create(null), {
    get(_target, key) {
      if (typeof key === 'symbol' || key === '__esModule') return undefined;
      if (key in Object.prototype) return Reflect.get(Object.prototype, key);
      missing.add(`${label}.${key}`);
      return undefined;
    },
  });
}

/** `object` with a recording prototype; esbuild's ESM interop copies keep the prototype, so it records there too. */
const strict = (label, object, missing) => Object.setPrototypeOf(object, recorder(label, missing));

const disposable = () => ({ dispose() {} });

class EventEmitter {
  listeners = new Set();
  event = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

/** A `vscode.Event`: subscribing does nothing, as no event fires while activate runs. */
const noEvent = () => disposable();

function createVscodeStub({ workspaceDir, missing }) {
  const kind = (value) => ({ value });
  const outputChannel = (name) =>
    strict(
      'OutputChannel',
      {
        name,
        logLevel: 2 /* Info */,
        append() {},
        appendLine() {},
        show() {},
        hide() {},
        clear() {},
        dispose() {},
        trace() {},
        debug() {},
        info() {},
        warn() {},
        error() {},
      },
      missing,
    );
  const statusItem = (id) =>
    strict('LanguageStatusItem', { id, name: undefined, text: '', detail: undefined, severity: 0, command: undefined, busy: false, dispose() {} }, missing);
  const message = () => Promise.resolve(undefined);
  return strict(
    'vscode',
    {
      version: '1.91.0',
      // vscode-languageclient subclasses these when its bundle is loaded.
      CompletionItem: class {},
      CodeLens: class {},
      DocumentLink: class {},
      CodeAction: class {},
      Diagnostic: class {},
      CallHierarchyItem: class {},
      TypeHierarchyItem: class {},
      SymbolInformation: class {},
      InlayHint: class {},
      CancellationError: class extends Error {},
      CodeActionKind: strict(
        'CodeActionKind',
        {
          Empty: kind(''),
          QuickFix: kind('quickfix'),
          Refactor: kind('refactor'),
          RefactorExtract: kind('refactor.extract'),
          RefactorInline: kind('refactor.inline'),
          RefactorRewrite: kind('refactor.rewrite'),
          Source: kind('source'),
          SourceOrganizeImports: kind('source.organizeImports'),
        },
        missing,
      ),
      EventEmitter,
      window: strict(
        'window',
        {
          createOutputChannel: outputChannel,
          registerWebviewPanelSerializer: disposable,
          onDidChangeTextEditorSelection: noEvent,
          onDidChangeActiveTextEditor: noEvent,
          showErrorMessage: message,
          showWarningMessage: message,
          showInformationMessage: message,
        },
        missing,
      ),
      languages: strict('languages', { createLanguageStatusItem: statusItem }, missing),
      commands: strict('commands', { registerCommand: disposable, executeCommand: () => Promise.resolve(undefined) }, missing),
      extensions: strict('extensions', { getExtension: () => undefined }, missing),
      workspace: strict(
        'workspace',
        {
          // One folder open, as when VS Code activates us for a repository: the client checks it exists before spawning.
          workspaceFolders: [{ uri: { scheme: 'file', fsPath: workspaceDir, toString: () => `file://${workspaceDir}` }, name: 'bench', index: 0 }],
          onDidChangeTextDocument: noEvent,
          onDidOpenTextDocument: noEvent,
          onDidCloseTextDocument: noEvent,
          onWillSaveTextDocument: noEvent,
          onDidSaveTextDocument: noEvent,
          onDidCreateFiles: noEvent,
          onDidRenameFiles: noEvent,
          onDidDeleteFiles: noEvent,
          onWillCreateFiles: noEvent,
          onWillRenameFiles: noEvent,
          onWillDeleteFiles: noEvent,
        },
        missing,
      ),
    },
    missing,
  );
}

module.exports = { createVscodeStub };
