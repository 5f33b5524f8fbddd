// A TypeScript `before` transform for the published dist/: lit's `@property()` / `@state()` field decorators become
// one `static properties = { ... }` per class, the form lit documents for plain JavaScript. The sources keep the
// decorators (the tests, Storybook and the analyzer read them); dist/ then needs no `__decorate` helper per module
// and no `lit/decorators.js`, which a consumer's bundle would otherwise carry. Behaviour is the same: both end in
// `ReactiveElement.createProperty(name, options)` when the class is finalized.
import ts from 'typescript';

const DECORATORS_MODULE = 'lit/decorators.js';
const HANDLED = new Set(['property', 'state']);

/** `@state(opts)` is `@property({ ...opts, state: true })` (lit then sets attribute: false). */
function optionsOf(f, name, args) {
  const given = args[0];
  if (name === 'property') return given ?? f.createObjectLiteralExpression([]);
  const state = f.createPropertyAssignment('state', f.createTrue());
  return f.createObjectLiteralExpression(given ? [f.createSpreadAssignment(given), state] : [state]);
}

function handledCall(decorator) {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && HANDLED.has(call.expression.text) ? call : undefined;
}

/** @returns {ts.TransformerFactory<ts.SourceFile>} */
export function litStaticProperties() {
  return (context) => {
    const f = context.factory;
    const visitClass = (node) => {
      const entries = [];
      const members = node.members.map((member) => {
        if (!ts.isPropertyDeclaration(member) || !member.modifiers?.some(ts.isDecorator)) return member;
        const kept = [];
        for (const modifier of member.modifiers) {
          const call = ts.isDecorator(modifier) ? handledCall(modifier) : undefined;
          if (!call) {
            kept.push(modifier);
            continue;
          }
          if (!ts.isIdentifier(member.name)) throw new Error(`@${call.expression.text} on a computed name in ${node.name?.text}`);
          entries.push(f.createPropertyAssignment(member.name.text, optionsOf(f, call.expression.text, call.arguments)));
        }
        return f.updatePropertyDeclaration(member, kept, member.name, member.questionToken ?? member.exclamationToken, member.type, member.initializer);
      });
      if (entries.length === 0) return node;
      if (node.members.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === 'properties' && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword))) {
        throw new Error(`${node.name?.text} has both decorated fields and static properties`);
      }
      const staticProperties = f.createPropertyDeclaration(
        [f.createModifier(ts.SyntaxKind.StaticKeyword)],
        'properties',
        undefined,
        undefined,
        f.createObjectLiteralExpression(entries, true),
      );
      return f.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, [staticProperties, ...members]);
    };
    const withoutDecoratorImports = (statement) => {
      if (!ts.isImportDeclaration(statement) || statement.moduleSpecifier.text !== DECORATORS_MODULE) return statement;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) return statement;
      const rest = bindings.elements.filter((e) => !HANDLED.has(e.name.text));
      if (rest.length === bindings.elements.length) return statement;
      if (rest.length === 0) return undefined;
      return f.updateImportDeclaration(statement, statement.modifiers, f.updateImportClause(statement.importClause, statement.importClause.isTypeOnly, undefined, f.updateNamedImports(bindings, rest)), statement.moduleSpecifier, statement.attributes);
    };
    return (file) => {
      const statements = file.statements.map((s) => (ts.isClassDeclaration(s) ? visitClass(s) : s)).map(withoutDecoratorImports).filter(Boolean);
      return f.updateSourceFile(file, statements);
    };
  };
}
