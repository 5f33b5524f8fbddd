// Resource requests (POST resourceRequests onboards a group, application or site into a catalog, or takes it out)
// are kept so that `GET resourceRequests` lists them, as entitlementmanagement-list-resourcerequests.md shows, with
// their catalog and resource as navigation properties ($expand, and `$filter=catalog/id eq '...'` as the page
// suggests). A removed resource expands as null.
import type { AccessPackageResourceRequest } from '@entitlement-kit/sdk';
import { checkExpand, under, type Expand } from './expand.ts';
import { own } from './own-keys.ts';
import { projectCatalog, projectResource } from './projections/catalogs.ts';
import { clone } from './clone.ts';
import type { State } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

export const RESOURCE_REQUEST_NAVIGATIONS = ['catalog', 'resource'];

export function recordResourceRequest(tx: Tx, requestType: 'adminAdd' | 'adminRemove', catalogId: string, resourceId: string): AccessPackageResourceRequest {
  const data: AccessPackageResourceRequest = { id: tx.newId(), requestType, state: 'delivered', createdDateTime: nowIso(tx) };
  tx.state.resourceRequests[data.id as string] = { catalogId, resourceId, data };
  return data;
}

export function projectResourceRequest(state: State, id: string, expand?: Expand): AccessPackageResourceRequest {
  checkExpand(expand, 'accessPackageResourceRequest', RESOURCE_REQUEST_NAVIGATIONS);
  const record = state.resourceRequests[id];
  const out = clone(record.data);
  const catalog = under(expand, 'catalog');
  if (catalog) out.catalog = own(state.catalogs, record.catalogId) ? projectCatalog(state, record.catalogId, catalog) : null;
  const resource = under(expand, 'resource');
  if (resource) out.resource = own(state.resources, record.resourceId) ? projectResource(state, record.resourceId, resource) : null;
  return out;
}
