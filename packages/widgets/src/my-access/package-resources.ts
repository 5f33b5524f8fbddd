// The resources of each package the caller has, read once per package (the SDK sends the reads of one moment in
// one $batch): an assignment lists its package but not what it grants.
import type { AccessPackage, EntitlementClient } from '../internal/sdk.ts';

type Entry = { status: 'loading' } | { status: 'ready'; names: string[] } | { status: 'error' };

export class PackageResources {
  private readonly entries = new Map<string, Entry>();
  private client?: EntitlementClient;

  constructor(private readonly changed: () => void) {}

  /** Starts reading the packages not read yet with this client. */
  want(client: EntitlementClient, packageIds: string[]): void {
    if (client !== this.client) {
      this.client = client;
      this.entries.clear();
    }
    for (const id of packageIds) {
      if (this.entries.has(id)) continue;
      this.entries.set(id, { status: 'loading' });
      client.getPackage(id).then(
        (pkg) => this.settle(client, id, { status: 'ready', names: namesOf(pkg) }),
        // A package the caller may no longer read leaves its row without resources, not the list in error.
        () => this.settle(client, id, { status: 'error' }),
      );
    }
  }

  /** The resources' names; undefined while reading or when they could not be read. */
  namesFor(packageId: string | undefined): string[] | undefined {
    const entry = packageId ? this.entries.get(packageId) : undefined;
    return entry?.status === 'ready' ? entry.names : undefined;
  }

  private settle(client: EntitlementClient, id: string, entry: Entry): void {
    if (client !== this.client) return;
    this.entries.set(id, entry);
    this.changed();
  }
}

function namesOf(pkg: AccessPackage): string[] {
  const names = (pkg.resourceRoleScopes ?? []).map((scope) => {
    const resource = scope.role?.resource ?? scope.scope?.resource;
    const name = resource?.displayName ?? scope.scope?.displayName ?? '';
    return scope.role?.displayName ? `${name} (${scope.role.displayName})` : name;
  });
  return [...new Set(names.filter(Boolean))];
}
