// What the panels of an existing package use of the editor: the package as read, and the changes it saves.
import type { ExistingPackage } from './editor-edit.ts';

export interface ExistingActions {
  existing: ExistingPackage;
  isHidden: boolean;
  link: string;
  busy(key: string): boolean;
  errorFor(key: string): Error | undefined;
  saveBasics(): void;
  setHidden(hidden: boolean): void;
  saveRoles(): void;
  /** Opens a policy's panels; without an id, a new policy. */
  openPolicy(id?: string): void;
  addIncompatible(id: string): void;
  removeIncompatible(id: string): void;
  addIncompatibleGroup(group: { id: string; name: string }): void;
  removeIncompatibleGroup(id: string): void;
  assign(userId: string, policyId: string): void;
  /** The last direct assignment made here, in words. */
  lastAssigned?: string;
}
