// `npm run cem` (part of `npm run build`): custom-elements.json from the widget sources, with
// `cem analyze --litelement`, plus VS Code's HTML custom data (vscode.html-custom-data.json) made from it.
// The tags are registered through defineOnce('tag', Class), which the analyzer does not know, so a small plugin
// reads those calls; module paths are rewritten to the built files (dist/*.js) that a consumer imports.
import { writeFileSync } from 'node:fs';

/** Records `defineOnce('tag', Class)` calls and marks the class as that custom element. */
function defineOncePlugin() {
  const definitions = [];
  return {
    name: 'entitlement-kit:define-once',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineOnce') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) {
        definitions.push({ tagName: tag.text, className: ctor.text, module: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const def of definitions) {
        const classModule = modules.find((m) => m.declarations?.some((d) => d.kind === 'class' && d.name === def.className));
        if (!classModule) continue;
        const declaration = classModule.declarations.find((d) => d.kind === 'class' && d.name === def.className);
        declaration.customElement = true;
        declaration.tagName = def.tagName;
        const defining = modules.find((m) => m.path === def.module);
        defining.exports ??= [];
        defining.exports.push({
          kind: 'custom-element-definition',
          name: def.tagName,
          declaration: { name: def.className, module: classModule.path },
        });
      }
    },
  };
}

/** src/x/y.ts -> dist/x/y.js everywhere a module path appears, so the manifest describes the published files. */
function builtPathsPlugin() {
  const toDist = (path) => path.replace(/^(\.\/)?src\//, 'dist/').replace(/\.ts$/, '.js');
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof inner === 'string' && /src\/.*\.ts$/.test(inner)) value[key] = toDist(inner);
      else visit(inner);
    }
  };
  return { name: 'entitlement-kit:built-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest) };
}

/** VS Code custom data (html.customData): each tag with its description and attributes. */
function vscodeCustomDataPlugin(file = 'vscode.html-custom-data.json') {
  return {
    name: 'entitlement-kit:vscode-custom-data',
    packageLinkPhase({ customElementsManifest }) {
      const tags = [];
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.tagName) continue;
          const extras = [
            d.events?.length ? `**Events:** ${d.events.map((e) => `\`${e.name}\``).join(', ')}` : '',
            d.cssParts?.length ? `**Parts:** ${d.cssParts.map((p) => `\`${p.name}\``).join(', ')}` : '',
          ].filter(Boolean);
          tags.push({
            name: d.tagName,
            description: [d.description ?? '', ...extras].filter(Boolean).join('\n\n'),
            attributes: (d.attributes ?? []).map((a) => {
              const values = [...(a.type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
              return { name: a.name, description: a.description ?? '', ...(values.length ? { values } : {}) };
            }),
            references: [{ name: 'README', url: 'https://www.npmjs.com/package/@entitlement-kit/widgets' }],
          });
        }
      }
      tags.sort((a, b) => a.name.localeCompare(b.name));
      writeFileSync(file, JSON.stringify({ $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags }, null, 2) + '\n');
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineOncePlugin(), vscodeCustomDataPlugin(), builtPathsPlugin()],
};
