// dist/jsx.d.ts (`@entitlement-kit/widgets/jsx`): JSX intrinsic element types for the four tags in React 19, which
// passes a custom element's props as properties (or attributes) and `on<event>` props as listeners for <event>.
// Made from the manifest (which names each tag's attributes, settable properties and events); the types themselves
// come from the element classes (`ApprovalInbox['locale']`) and the kit's event map, so they cannot drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { elementsOf, settableFields } from './elements.mjs';

const comment = (text) => (text ? `  /** ${text.replaceAll('*/', '*\\/').replaceAll('\n', ' ')} */\n` : '');

export function jsxTypesPlugin(dtsFile, jsFile) {
  return {
    name: 'entitlement-kit:jsx-types',
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      const imports = elements.map(({ element, module }) => `import type { ${element.name} } from './${module.replace(/^dist\//, '')}';`);
      const interfaces = elements.map(({ element: d }) => {
        const fields = new Map(settableFields(d).map((m) => [m.name, m]));
        const lines = [];
        for (const a of d.attributes ?? []) {
          if (a.fieldName && a.name !== a.fieldName) lines.push(`${comment(a.description)}  '${a.name}'?: ${d.name}['${a.fieldName}'];`);
        }
        for (const [name, m] of fields) lines.push(`${comment(m.description)}  ${name}?: ${d.name}['${name}'];`);
        for (const e of d.events ?? []) lines.push(`${comment(e.description)}  'on${e.name}'?: (event: GlobalEventHandlersEventMap['${e.name}']) => void;`);
        return `/** Props of \`<${d.tagName}>\`: attributes, properties and \`on<event>\` listeners. */\nexport interface ${d.name}Props {\n${lines.join('\n')}\n}`;
      });
      const map = elements.map(({ element: d }) => `  '${d.tagName}': ${d.name}Props;`);
      const intrinsic = elements.map(({ element: d }) => `      '${d.tagName}': DetailedHTMLProps<HTMLAttributes<${d.name}>, ${d.name}> & ${d.name}Props;`);
      const dts = `// Generated from custom-elements.json by cem/jsx-types.mjs. Import it once, e.g. \`import type {} from '@entitlement-kit/widgets/jsx';\`
// (or list it in tsconfig "types"), and React 19 TSX knows the four tags.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {} from './events.js'; // GlobalEventHandlersEventMap's kit events
${imports.join('\n')}

${interfaces.join('\n\n')}

/** The kit's tags and their own props, for JSX setups other than React's. */
export interface CustomElements {
${map.join('\n')}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic.join('\n')}
    }
  }
}
`;
      mkdirSync(dirname(dtsFile), { recursive: true }); // Storybook runs the analyzer before any build
      writeFileSync(dtsFile, dts);
      writeFileSync(jsFile, '// Types only: see jsx.d.ts.\nexport {};\n');
    },
  };
}
