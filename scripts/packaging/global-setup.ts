import type { TestProject } from 'vitest/node';
import { prepareConsumerApp, type ConsumerApp } from './consumer-app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    consumerApp: ConsumerApp;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  project.provide('consumerApp', await prepareConsumerApp());
  console.log(`packed and installed into the consumer app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
