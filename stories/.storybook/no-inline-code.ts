// The static Storybook's iframe.html carries Storybook's own inline <script> and <style> blocks (globals, the
// preparing/error screens' styles, fonts). A strict Content Security Policy (script-src 'self'; style-src 'self')
// blocks those, so after the build each one moves, unchanged and in place, to a file of its own next to iframe.html
// (same directory, so relative URLs inside keep working). A classic <script src> runs where the inline one did, in
// the same order, so nothing changes for the scripts after it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const INLINE = /<(script|style)>([\s\S]*?)<\/\1>/g;

export function noInlineCode(pages: string[] = ['iframe.html']): Plugin {
  return {
    name: 'entitlement-kit:no-inline-code',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const dir = options.dir ?? '';
      for (const page of pages) {
        const path = join(dir, page);
        const html = readFileSync(path, 'utf8').replace(INLINE, (_, tag: string, code: string) => {
          const ext = tag === 'script' ? 'js' : 'css';
          const file = `inline-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.${ext}`;
          writeFileSync(join(dir, file), code);
          return tag === 'script' ? `<script src="./${file}"></script>` : `<link rel="stylesheet" href="./${file}" />`;
        });
        writeFileSync(path, html);
      }
    },
  };
}
