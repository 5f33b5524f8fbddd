// VS Code custom data (html.customData): each tag with its description, attributes, events and parts.
import { writeFileSync } from 'node:fs';
import { DOCS_URL, elementsOf, literalValues } from './elements.mjs';

export function vscodeCustomDataPlugin(file) {
  return {
    name: 'entitlement-kit:vscode-custom-data',
    packageLinkPhase({ customElementsManifest }) {
      const tags = elementsOf(customElementsManifest).map(({ element: d }) => {
        const extras = [
          d.events?.length ? `**Events:** ${d.events.map((e) => `\`${e.name}\``).join(', ')}` : '',
          d.cssParts?.length ? `**Parts:** ${d.cssParts.map((p) => `\`${p.name}\``).join(', ')}` : '',
          d.cssProperties?.length ? `**CSS properties:** ${d.cssProperties.map((p) => `\`${p.name}\``).join(', ')}` : '',
        ].filter(Boolean);
        return {
          name: d.tagName,
          description: [d.description ?? '', ...extras].filter(Boolean).join('\n\n'),
          attributes: (d.attributes ?? []).map((a) => {
            const values = literalValues(a.type).map((name) => ({ name }));
            return { name: a.name, description: a.description ?? '', ...(values.length ? { values } : {}) };
          }),
          references: [{ name: 'README', url: DOCS_URL }],
        };
      });
      writeFileSync(file, JSON.stringify({ $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags }, null, 2) + '\n');
    },
  };
}
