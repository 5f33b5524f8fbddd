#!/usr/bin/env node
// `npx @entitlement-kit/mock-server` / `entitlement-mock`: the CLI of `npm run mock-server` (src/server/cli.ts), built.
import '../dist/server/cli.js';
