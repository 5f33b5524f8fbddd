// The widgets' dist/ (`npm run build -w @entitlement-kit/widgets`): what `tsc -p tsconfig.build.json` emits, with two
// transforms for what a consumer's bundle carries (see each): no decorators in dist/ (lit-static-properties.mjs) and
// collapsed template whitespace (minify-lit-templates.mjs). Declarations are tsc's own. Run from the package folder.
import ts from 'typescript';
import { litStaticProperties } from './lit-static-properties.mjs';
import { minifyLitTemplates } from './minify-lit-templates.mjs';

const config = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
const result = program.emit(undefined, undefined, undefined, false, { before: [litStaticProperties(), minifyLitTemplates()] });
report([...ts.getPreEmitDiagnostics(program), ...result.diagnostics]);

function report(diagnostics) {
  if (diagnostics.length === 0) return;
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
