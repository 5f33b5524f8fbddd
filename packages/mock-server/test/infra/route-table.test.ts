// The precompiled route table: params keep each route's own names where two templates put differently named params
// at the same place, and unknownSegment names the first segment no template continues with.
import { describe, expect, it } from 'vitest';
import { json } from '../../src/http/reply.ts';
import { compileRouteTable, graphRoute } from '../../src/http/route-table.ts';

const noop = () => json({});

describe('compileRouteTable', () => {
  const table = compileRouteTable([
    graphRoute('POST', '/catalogs/:id/extensions', noop),
    graphRoute('GET', '/catalogs/:catalogId/extensions/:extensionId', noop),
  ]);

  it('gives each route its params under its own names', () => {
    expect(table.find('graph', 'POST', '/catalogs/c1/extensions')?.params).toEqual({ id: 'c1' });
    expect(table.find('graph', 'GET', '/catalogs/c1/extensions/e1')?.params).toEqual({ catalogId: 'c1', extensionId: 'e1' });
  });

  it('names the first segment no template continues with, and none for a known path', () => {
    expect(table.unknownSegment('graph', '/catalogs/c1/things')).toBe('things');
    expect(table.unknownSegment('graph', '/nothing/here')).toBe('nothing');
    expect(table.unknownSegment('graph', '/catalogs/c1/extensions/e1')).toBeUndefined();
    // An intermediate node no route ends at: its last segment.
    expect(table.unknownSegment('graph', '/catalogs/c1')).toBe('c1');
  });
});
