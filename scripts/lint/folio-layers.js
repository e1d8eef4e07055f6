// @ts-check
// The layer rule as an allow-list: each folder may import only the folders and packages named here (DESIGN.md,
// docs/architecture.md). Static imports, re-exports, `import()` and `import('…')` types are all checked.
import { dirname, relative, resolve, sep } from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = ['node:*'];
const SHARED = ['shared'];
/** The renderer reaches its host only through platform/, never a host-* module directly. */
const PLATFORM = 'renderer/src/platform';
const HOST_MODULES = 'renderer/src/platform/host-';

/**
 * `from`: a folder (or one file). `may`: folders or files it may import, itself included.
 * `packages`: bare specifiers it may import (`@scope/*` and `node:*` match a family).
 */
export const LAYERS = [
  { from: 'shared/model', may: ['shared/model'], packages: [] },
  { from: 'shared/citation', may: ['shared/model', 'shared/citation'], packages: [] },
  { from: 'shared/formats', may: ['shared/model', 'shared/formats'], packages: [] },
  { from: 'shared/search', may: ['shared/model', 'shared/formats', 'shared/search'], packages: [] },
  { from: 'shared/dedupe', may: ['shared/model', 'shared/formats', 'shared/search', 'shared/dedupe'], packages: [] },
  { from: 'shared/api', may: ['shared/model', 'shared/formats', 'shared/search', 'shared/dedupe', 'shared/api'], packages: ['zod'] },
  { from: 'shared/annotations', may: ['shared/model', 'shared/formats', 'shared/annotations'], packages: [] },
  { from: 'shared/sync', may: ['shared/model', 'shared/citation', 'shared/annotations', 'shared/sync'], packages: [] },
  { from: 'shared/library', may: ['shared/model', 'shared/citation', 'shared/api', 'shared/library'], packages: [] },
  {
    from: 'electron/services', may: [...SHARED, 'electron/services'],
    packages: [...NODE, '@citation-js/*', 'lowdb', 'pdfjs-dist', 'pdfjs-dist/*', 'zod'],
  },
  { from: 'electron/cli', may: [...SHARED, 'electron/services', 'electron/cli'], packages: NODE },
  { from: 'electron/webhost', may: [...SHARED, 'electron/services', 'electron/webhost'], packages: NODE },
  { from: 'electron/main', may: [...SHARED, 'electron/services', 'electron/main'], packages: [...NODE, 'electron'] },
  { from: 'electron/preload', may: ['shared/api', 'shared/model', 'electron/preload'], packages: ['electron'] },
  { from: 'renderer/src/platform', may: [...SHARED, 'renderer/src/platform'], packages: [] },
  { from: 'renderer/src/html', may: [...SHARED, PLATFORM, 'renderer/src/html'], packages: ['dompurify'] },
  {
    from: 'renderer/src/store', may: [...SHARED, PLATFORM, 'renderer/src/html', 'renderer/src/store'],
    packages: ['zustand', 'zustand/*'],
  },
  { from: 'renderer/src/components', may: ['shared/model', 'renderer/src/components'], packages: ['react'] },
  {
    from: 'renderer/src/features',
    may: [...SHARED, PLATFORM, 'renderer/src/html', 'renderer/src/store', 'renderer/src/components', 'renderer/src/features'],
    packages: ['react', 'react-dom', 'zustand', 'zustand/*', '@tanstack/*', 'katex', 'katex/*', 'markdown-it'],
  },
  // The browser extension: its own process; it parses pages with shared/formats and speaks the connector protocol only.
  {
    from: 'connector/src',
    may: ['connector/src', 'shared/formats/html-meta', 'shared/model', 'shared/api/connector-protocol.ts'],
    packages: [],
  },
  { from: 'renderer/src/main.tsx', may: ['renderer/src'], packages: ['react', 'react-dom', 'react-dom/*'] },
];

/** Folders whose every file must sit in a layer above. */
const LAYERED_ROOTS = ['shared/', 'electron/', 'renderer/src/', 'connector/'];

const toPosix = (p) => p.split(sep).join('/');
const inside = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);
const isTest = (file) => /\.test\.tsx?$/.test(file);

function layerOf(file) {
  let best = null;
  for (const layer of LAYERS) if (inside(file, layer.from) && (!best || layer.from.length > best.from.length)) best = layer;
  return best;
}

function packageAllowed(spec, patterns) {
  const bare = spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? '') ? `node:${spec.replace(/^node:/, '')}` : spec;
  return patterns.some((p) => (p.endsWith('*') ? bare.startsWith(p.slice(0, -1)) : bare === p));
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Each folder may import only the folders and packages its layer allows.' } },
  create(context) {
    const file = toPosix(relative(ROOT, context.filename));
    if (!LAYERED_ROOTS.some((r) => file.startsWith(r))) return {};
    const layer = layerOf(file);
    const test = isTest(file);

    function check(node, spec) {
      if (!layer) {
        context.report({ node, message: `${file} is in no layer: add its folder to LAYERS in scripts/lint/folio-layers.js.` });
        return;
      }
      if (typeof spec !== 'string') {
        context.report({ node, message: 'A computed import() specifier cannot be checked against the layer rule: use a string literal.' });
        return;
      }
      const clean = spec.split('?')[0] ?? spec;
      if (clean.startsWith('.') || clean.startsWith('/')) {
        const target = toPosix(relative(ROOT, resolve(dirname(context.filename), clean)));
        const refused = layer.from !== PLATFORM && target.startsWith(HOST_MODULES);
        if (!refused && (layer.may.some((m) => inside(target, m)) || (test && inside(target, 'tests')))) return;
        context.report({ node, message: `${layer.from} may import only ${layer.may.join(', ')}; not ${target}.` });
        return;
      }
      if (packageAllowed(clean, layer.packages) || (test && (clean === 'vitest' || clean.startsWith('node:')))) return;
      context.report({ node, message: `${layer.from} may use only the packages ${layer.packages.join(', ') || '(none)'}; not '${clean}'.` });
    }

    const literal = (n) => (n && n.type === 'Literal' && typeof n.value === 'string' ? n.value : null);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => { if (node.source) check(node, node.source.value); },
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType: (node) => {
        const arg = node.argument;
        const value = arg && arg.type === 'TSLiteralType' ? literal(arg.literal) : literal(node.source ?? arg);
        check(node, value);
      },
    };
  },
};

export const folioLayersPlugin = { rules: { layers: layersRule } };
