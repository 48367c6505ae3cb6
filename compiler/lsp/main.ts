/** Entry point of the language server: `lovkode-lsp --stdio` (bin/lovkode-lsp.mjs). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';

startServer(createConnection(ProposedFeatures.all));
