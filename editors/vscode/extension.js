// The VS Code client: starts the lovkode language server (bin/lovkode-lsp.mjs of the workspace's
// lovkode checkout, run with VS Code's own Node) over stdio for every `.lov` file.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The server script: the setting, else the workspace's checkout, else an installed lovkode package. */
function serverPath() {
  const configured = vscode.workspace.getConfiguration('lovkode').get('serverPath');
  if (configured) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const rel of ['bin/lovkode-lsp.mjs', 'node_modules/lovkode/bin/lovkode-lsp.mjs']) {
      const candidate = join(folder.uri.fsPath, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Starts the client when a `.lov` file is opened. */
async function activate(context) {
  const module = serverPath();
  if (!module) {
    void vscode.window.showWarningMessage('lovkode: fant ikke bin/lovkode-lsp.mjs. Sett «lovkode.serverPath». / Could not find bin/lovkode-lsp.mjs. Set "lovkode.serverPath".');
    return;
  }
  const run = { module, transport: TransportKind.stdio };
  client = new LanguageClient(
    'lovkode',
    'lovkode',
    { run, debug: run },
    {
      documentSelector: [{ scheme: 'file', language: 'lov' }],
      initializationOptions: { language: vscode.workspace.getConfiguration('lovkode').get('language') },
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

/** Stops the server with the editor. */
function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
