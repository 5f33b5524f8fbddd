// What the step panels use of <access-package-editor>: the members of every view (ViewHost) plus the editor's own.
import type { AccessPackageResource, CustomCalloutExtension } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';
import type { EditorCatalogue, EditorKey } from '../i18n/editor.ts';
import type { Draft, Principal, StepId } from './editor-draft.ts';
import type { ExistingActions } from './editor-existing.ts';
import type { Issue } from './editor-rules.ts';

export interface CatalogChoice {
  id: string;
  name: string;
}

/** A resource of the directory the caller may bring into a catalog ("See all"). */
export interface DirectoryResource {
  originSystem: string;
  originId: string;
  name: string;
  roles: { originId: string; name: string }[];
}

export interface EditorHost extends ViewHost {
  readonly e: EditorCatalogue;
  msg2(key: EditorKey, params: Record<string, string | number>): string;
  readonly draft: Draft;
  /** Changes the draft in place and renders again. */
  edit(change: (draft: Draft) => void): void;
  /** The problem to show under a field now (once its step has been left or reviewed). */
  problemFor(field: string): string | undefined;
  issueText(issue: Issue): string;
  readonly issues: Issue[];
  goTo(step: StepId, field?: string): void;
  stepLabel(step: StepId): string;
  /** Users (and groups, when asked) who can be named in a policy. */
  principals(groups: boolean): Principal[];
  /** Connected organizations whose users a policy may let request. */
  organizations(): Principal[];
  readonly catalogs: CatalogChoice[];
  /** The chosen catalog's resources and extensions; undefined while they load or for a new catalog. */
  readonly catalogResources: AccessPackageResource[] | undefined;
  readonly catalogExtensions: CustomCalloutExtension[] | undefined;
  readonly catalogLoading: boolean;
  readonly catalogError: Error | undefined;
  reloadCatalog(): void;
  /** Directory resources not in the catalog, once "See all" asked for them. */
  readonly directoryResources: DirectoryResource[] | undefined;
  seeAll: boolean;
  /** What the Resource roles panel shows and has picked before "Add role" (not part of the draft). */
  readonly resourcePick: { type: 'AadGroup' | 'AadApplication' | 'SharePointOnline'; resource: string; role: string };
  readonly editing: boolean;
  /** After a create stopped part-way: what exists already, which the panels no longer let the user take back. */
  readonly made: { catalog: boolean; roleKeys: ReadonlySet<string> };
  /** For an existing package: the package as read and the changes the panels save. */
  readonly existingActions: ExistingActions | undefined;
  today(): string;
  requestUpdate(): void;
  describeError(error: Error | undefined): string;
}
