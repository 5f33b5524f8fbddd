// Creating, replacing (PUT, as Graph updates policies) and deleting assignment policies.
import { own } from './own-keys.ts';
import { requireAdmin } from './directory.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { readPolicy } from './policy-shape.ts';
import { isActive, isOpen } from './request-records.ts';
import type { PolicyRecord } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, any>;

export function requirePolicy(tx: Tx, id: string): PolicyRecord {
  const policy = own(tx.state.policies, id);
  if (!policy) throw notFound('accessPackageAssignmentPolicy', id);
  return policy;
}

export function createPolicy(tx: Tx, callerId: string, body: Body): PolicyRecord {
  requireAdmin(tx.state, callerId);
  const packageId = body?.accessPackage?.id;
  if (typeof packageId !== 'string') throw missingProperty('accessPackage.id');
  if (!own(tx.state.packages, packageId)) throw notFound('accessPackage', packageId);
  const policy = readPolicy(tx, body, packageId, tx.newId(), nowIso(tx));
  tx.state.policies[policy.data.id as string] = policy;
  return policy;
}

export function replacePolicy(tx: Tx, callerId: string, id: string, body: Body): PolicyRecord {
  requireAdmin(tx.state, callerId);
  const current = requirePolicy(tx, id);
  const asked = body?.accessPackage?.id;
  if (asked !== undefined && asked !== current.packageId) {
    throw badRequest('CannotMovePolicy', 'A policy cannot be moved to another access package.', 'accessPackage.id');
  }
  const policy = readPolicy(tx, body, current.packageId, id, current.data.createdDateTime as string);
  tx.state.policies[id] = policy;
  return policy;
}

export function deletePolicy(tx: Tx, callerId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requirePolicy(tx, id);
  const inUse =
    Object.values(tx.state.assignments).some((a) => a.policyId === id && isActive(a)) ||
    Object.values(tx.state.requests).some((r) => r.policyId === id && isOpen(r));
  if (inUse) throw conflict('PolicyInUse', 'The policy still has active assignments or open requests.');
  delete tx.state.policies[id];
}
