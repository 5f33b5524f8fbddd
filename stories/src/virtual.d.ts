declare module 'virtual:entitlement-kit/custom-elements' {
  /** The widgets' Custom Elements Manifest (schema 2.x). */
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
