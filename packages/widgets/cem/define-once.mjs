// The tags are registered through defineOnce('tag', Class), which the analyzer does not know: this plugin reads those
// calls and marks each class as the custom element of its tag. The tags it records are the kit's public ones
// (public-api.mjs keeps only those).
/** @param {{ tagName: string, className: string, module: string }[]} definitions filled in during analysis */
export function defineOncePlugin(definitions) {
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
        defining.exports.push({ kind: 'custom-element-definition', name: def.tagName, declaration: { name: def.className, module: classModule.path } });
      }
    },
  };
}
