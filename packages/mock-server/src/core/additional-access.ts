// GET .../assignments/additionalAccess(accessPackageId='…',incompatibleAccessPackageId='…'): the active assignments of
// one package whose targets also hold the other, to see who a new incompatibility would catch before setting it.
import { assignmentsOfTarget, requireAdmin } from './directory.ts';
import { badRequest } from './errors.ts';
import { requirePackage } from './package-admin.ts';
import { isActive } from './request-records.ts';
import type { AssignmentRecord } from './state.ts';
import type { Tx } from './tx.ts';

export function additionalAccess(tx: Tx, callerId: string, packageId: string, otherId: string): AssignmentRecord[] {
  requireAdmin(tx.state, callerId);
  if (packageId === otherId) {
    throw badRequest('SameAccessPackage', 'accessPackageId and incompatibleAccessPackageId must be two different access packages.', 'incompatibleAccessPackageId');
  }
  requirePackage(tx, packageId);
  requirePackage(tx, otherId);
  const holds = (targetId: string) => assignmentsOfTarget(tx.state, targetId).some((a) => a.packageId === otherId && isActive(a));
  return Object.values(tx.state.assignments).filter((a) => a.packageId === packageId && isActive(a) && holds(a.targetId));
}
