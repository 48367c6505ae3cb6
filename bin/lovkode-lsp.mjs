#!/usr/bin/env node
// The `.lov` language server over stdio (`lovkode-lsp --stdio`): registers tsx and runs
// compiler/lsp/main.ts. Editors start it; see docs/editors.md.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import('../compiler/lsp/main.ts');
