// The qingdan VS Code extension: starts `qingdan lsp` from the workspace's own node_modules
// (so the server is the compiler the project pins) and connects VS Code to it over stdio.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('qingdan').get('server.command');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = { command, args, options: { cwd, shell: process.platform === 'win32' } };
  client = new LanguageClient('qingdan', 'qingdan 清单', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'qd' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.qd') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
