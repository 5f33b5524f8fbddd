// `npm run build`: every package's dist/ (JS + declarations; the widgets' through scripts/build/emit-widgets.mjs), the
// widgets' single-file bundle, custom-elements.json and what is made from it (VS Code custom data, web-types.json,
// dist/jsx.d.ts). The SDK first (the others compile against its declarations), then mock-server and widgets side by
// side. Packing (`npm pack`) needs this first; the packages' prepack only rewrites package.json.
import { spawn } from 'node:child_process';

const build = (workspace) =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent', '-w', workspace], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${workspace}: npm run build exited ${code}`))));
  });

try {
  await build('@entitlement-kit/sdk');
  await Promise.all([build('@entitlement-kit/mock-server'), build('@entitlement-kit/widgets')]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
