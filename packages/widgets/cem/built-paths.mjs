/** src/x/y.ts -> dist/x/y.js everywhere a module path appears, so the manifest describes the published files. */
export function builtPathsPlugin() {
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
