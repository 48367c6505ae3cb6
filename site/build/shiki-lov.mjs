// Highlighting of ```lov blocks on the site with the editor's own TextMate grammar
// (editors/vscode/syntaxes/lov.tmLanguage.json). The Content-Security-Policy forbids inline styles,
// so the theme's colours are only markers that the transformer turns into classes (site.css: .tok-*).
import { readFileSync } from 'node:fs';

const grammar = JSON.parse(readFileSync(new URL('../../editors/vscode/syntaxes/lov.tmLanguage.json', import.meta.url), 'utf8'));

/** Marker colour → class. Every scope group has its own marker; the default text has none. */
const CLASSES = {
  '#000001': 'tok-comment',
  '#000002': 'tok-string',
  '#000003': 'tok-keyword',
  '#000004': 'tok-name',
  '#000005': 'tok-constant',
  '#000006': 'tok-lang',
  '#000007': 'tok-operator',
};

/** @type {import('shiki').ThemeRegistration} */
const theme = {
  name: 'lovkode-classes',
  type: 'light',
  colors: { 'editor.foreground': '#000000', 'editor.background': '#ffffff' },
  tokenColors: [
    { scope: ['keyword', 'storage'], settings: { foreground: '#000003' } },
    { scope: ['keyword.operator'], settings: { foreground: '#000007' } },
    { scope: ['entity.name', 'variable.other.enummember'], settings: { foreground: '#000004' } },
    { scope: ['constant', 'constant.numeric'], settings: { foreground: '#000005' } },
    { scope: ['string'], settings: { foreground: '#000002' } },
    { scope: ['support.type'], settings: { foreground: '#000006' } },
    { scope: ['comment'], settings: { foreground: '#000001' } },
  ],
};

/** Replaces the marker colours by classes and drops every inline style. */
/** @type {import('shiki').ShikiTransformer} */
const classesNotStyles = {
  name: 'lovkode-classes',
  pre(node) {
    delete node.properties.style;
    this.addClassToHast(node, 'code-block');
  },
  span(node) {
    const style = String(node.properties.style ?? '');
    delete node.properties.style;
    const colour = /color:\s*(#[0-9a-fA-F]{6})/.exec(style)?.[1]?.toLowerCase();
    if (colour && CLASSES[colour]) this.addClassToHast(node, CLASSES[colour]);
  },
};

/** `markdown.shikiConfig` for astro.config.mjs: the lov grammar, the marker theme and the transformer. */
export const lovShikiConfig = { langs: [grammar], theme, transformers: [classesNotStyles] };
