// The route table served without msw: a request (the HTTP server's view of a node request, or a $batch item) is
// looked up in the precompiled table and run through the same pipeline as the msw adapter's; the answer stays a
// Reply for the server to write. Requests in $batch are dispatched through this table too.
import { readBearerClaims } from '../identity/token.ts';
import { executeBatch } from './batch.ts';
import { requestContext, unknownPath, type RequestContext } from './graph-response.ts';
import { compilePathTemplate, parseMountPoint } from './path-template.ts';
import { errorReply, fromResponse, toResponse, type Reply } from './reply.ts';
import { compileRouteTable, type RouteDef } from './route-table.ts';
import { dateHeader, incomingOf, runRoute, type Incoming, type PipelineOptions } from './run-route.ts';

/** A request as the HTTP server sees it: what the routes read, and the fetch Request a $batch is read from. */
export interface ServerIncoming extends Incoming {
  request(): Request;
}

export type Dispatch = (incoming: ServerIncoming, context: RequestContext) => Promise<Reply>;

export interface TableDispatchOptions extends Omit<PipelineOptions, 'versionUrl'> {
  baseUrl: string;
}

export function tableDispatch(routes: readonly RouteDef[], options: TableDispatchOptions): Dispatch {
  const table = compileRouteTable(routes);
  const mount = parseMountPoint(options.baseUrl);
  const pipeline: PipelineOptions = { ...options, versionUrl: (url) => mount.versionUrl(url) };
  const isBatch = compilePathTemplate('/$batch');

  async function route(incoming: Incoming, context: RequestContext): Promise<Reply> {
    const { url, method } = incoming;
    const rest = mount.rest(url);
    const match =
      rest !== undefined ? table.find('graph', method, rest) : mount.matchesOrigin(url) ? table.find('control', method, url.pathname) : undefined;
    if (!match) {
      const where = { underVersionRoot: rest !== undefined, path: rest, unknownSegment: (path: string) => table.unknownSegment('graph', path) };
      return errorReply(unknownPath({ method, url: url.href }, where), context);
    }
    return runRoute(match, incoming, context, pipeline);
  }

  const dispatchItem = async (sub: Request): Promise<Response> => {
    const context = requestContext(sub);
    return toResponse(await route(incomingOf(sub), context), context);
  };

  const dated = (reply: Reply): Reply => ({ ...reply, headers: { ...reply.headers, date: dateHeader(options) } });

  return async (incoming, context) => dated(await answer(incoming, context));

  async function answer(incoming: ServerIncoming, context: RequestContext): Promise<Reply> {
    const rest = mount.rest(incoming.url);
    if (incoming.method === 'POST' && rest !== undefined && isBatch(rest)) {
      try {
        await options.resolveCaller(readBearerClaims(incoming));
        const request = incoming.request();
        return await fromResponse(await executeBatch(request, dispatchItem, mount.versionUrl(incoming.url), context));
      } catch (error) {
        return errorReply(error, context);
      }
    }
    return route(incoming, context);
  }
}
