// A TypeScript `before` transform for the published dist/: the whitespace and comments of lit's css`` (and
// unsafeCSS(`...`)) templates, and the line breaks and indentation of html`` templates, are collapsed. A consumer's
// minifier leaves template literals as they are, so without this every page would ship our indentation.
// Only whitespace and comments change: a run of HTML whitespace becomes one space (what the browser renders anyway,
// and the widgets have no <pre> and no textarea content in templates); CSS loses the spaces around { } ; , > and
// after a declaration's colon, never one a selector needs (`a :hover`), and quoted strings are left alone.
import ts from 'typescript';

export function minifyCss(text) {
  return text
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

export function minifyHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/** `trim`: whitespace at the very start and end means nothing (CSS). */
function rewrite(f, template, minify, trim = false) {
  const start = (text) => (trim ? text.trimStart() : text);
  const end = (text) => (trim ? text.trimEnd() : text);
  const same = (literal) => literal.rawText === undefined || literal.rawText === literal.text;
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    if (!same(template)) return template;
    const text = start(end(minify(template.text)));
    return f.createNoSubstitutionTemplateLiteral(text, text);
  }
  if (!same(template.head) || !template.templateSpans.every((s) => same(s.literal))) return template;
  const head = start(minify(template.head.text));
  return f.createTemplateExpression(
    f.createTemplateHead(head, head),
    template.templateSpans.map((span) => {
      const tail = ts.isTemplateTail(span.literal);
      const text = tail ? end(minify(span.literal.text)) : minify(span.literal.text);
      const literal = tail ? f.createTemplateTail(text, text) : f.createTemplateMiddle(text, text);
      return f.createTemplateSpan(span.expression, literal);
    }),
  );
}

/** @returns {ts.TransformerFactory<ts.SourceFile>} */
export function minifyLitTemplates() {
  return (context) => {
    const f = context.factory;
    const visit = (node) => {
      node = ts.visitEachChild(node, visit, context);
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
        if (node.tag.text === 'css') return f.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, rewrite(f, node.template, minifyCss, true));
        if (node.tag.text === 'html') return f.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, rewrite(f, node.template, minifyHtml));
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'unsafeCSS' && node.arguments.length === 1 && ts.isNoSubstitutionTemplateLiteral(node.arguments[0])) {
        return f.updateCallExpression(node, node.expression, node.typeArguments, [rewrite(f, node.arguments[0], minifyCss, true)]);
      }
      return node;
    };
    return (file) => ts.visitNode(file, visit);
  };
}
