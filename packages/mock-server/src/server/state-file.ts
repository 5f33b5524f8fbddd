// --state FILE: the engine's snapshot on disk. Written to a temporary file and renamed over the old one, so a crash
// mid-write leaves the previous file whole.
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Engine } from '../core/engine.ts';

export function loadState(engine: Engine, path: string): boolean {
  if (!existsSync(path)) return false;
  engine.fromJSON(JSON.parse(readFileSync(path, 'utf8')));
  return true;
}

/** Saves the latest state; calls made while a save runs fold into one more save after it. */
export function stateSaver(engine: Engine, path: string): { save(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const write = async () => {
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(engine.toJSON()));
    await rename(temporary, path);
  };
  const save = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await write();
      } while (again);
    })().finally(() => (running = undefined));
    return running;
  };
  return { save };
}
