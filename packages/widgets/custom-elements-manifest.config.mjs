// `npm run cem` (part of `npm run build`): custom-elements.json from the widget sources (`cem analyze --litelement`),
// and from it VS Code's HTML custom data, JetBrains' web-types.json and the JSX types (dist/jsx.d.ts). Module paths
// are rewritten to the built files (dist/*.js) that a consumer imports. Plugins: ./cem/.
import { builtPathsPlugin } from './cem/built-paths.mjs';
import { defineOncePlugin } from './cem/define-once.mjs';
import { jsxTypesPlugin } from './cem/jsx-types.mjs';
import { publicApiPlugin } from './cem/public-api.mjs';
import { vscodeCustomDataPlugin } from './cem/vscode-custom-data.mjs';
import { webTypesPlugin } from './cem/web-types.mjs';

const definitions = [];

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    defineOncePlugin(definitions),
    publicApiPlugin(definitions),
    builtPathsPlugin(),
    vscodeCustomDataPlugin('vscode.html-custom-data.json'),
    webTypesPlugin('web-types.json'),
    jsxTypesPlugin('dist/jsx.d.ts', 'dist/jsx.js'),
  ],
};
