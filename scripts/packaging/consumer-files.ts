// The consumer app's own files (consumer-app.ts writes them): a page that embeds the kit as the README shows, and
// strict TypeScript that uses every entry and the four tags in React 19 TSX.
const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>My Access</title></head>
  <body>
    <entitlement-provider base-url="https://graph.microsoft.com/v1.0">
      <request-access-pane></request-access-pane>
      <approval-inbox></approval-inbox>
      <manage-team></manage-team>
    </entitlement-provider>
    <script type="module" src="/main.js"></script>
  </body>
</html>
`;

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    verbatimModuleSyntax: true,
    isolatedModules: true,
  },
  include: ['src'],
};

/** React 19 TSX with the four tags: attributes, properties and `on<event>` props, and what must not compile. */
const tsx = `import type {} from '@entitlement-kit/widgets/jsx';
import type { DecisionRecordedDetail } from '@entitlement-kit/widgets';

export function MyAccess({ getToken }: { getToken: () => Promise<string> }) {
  const decided = (event: CustomEvent<DecisionRecordedDetail>) => console.log(event.detail.reviewResult);
  return (
    <entitlement-provider base-url="https://graph.microsoft.com/v1.0" locale="de" getAccessToken={getToken}>
      <request-access-pane package-id="4" theme="dark" onrequest-submitted={(event) => console.log(event.detail.id)} />
      <approval-inbox className="inbox" ondecision-recorded={decided} onwidget-error={(event) => console.warn(event.detail.operation, event.detail.error.message)} />
      <manage-team locale="en" onaccess-removed={(event) => console.log(event.detail.assignment.id, event.detail.request.state)} />
    </entitlement-provider>
  );
}

// @ts-expect-error -- theme is 'light' | 'dark'
export const badTheme = <approval-inbox theme="blue" />;
// @ts-expect-error -- a decision's detail has no id
export const badEvent = <approval-inbox ondecision-recorded={(event) => event.detail.id} />;
// @ts-expect-error -- the provider's getAccessToken returns a token
export const badToken = <entitlement-provider getAccessToken={() => 42} />;
// @ts-expect-error -- no such tag
export const badTag = <approval-inbx />;
`;

/** Every entry point's types, as a consumer imports them. */
const entries = `import { createClient, GraphError, type AccessPackage } from '@entitlement-kit/sdk';
import { createAdmin } from '@entitlement-kit/sdk/admin';
import { createMockGraph, mintToken } from '@entitlement-kit/mock-server';
import { Engine } from '@entitlement-kit/mock-server/core';
import { startBrowserMock } from '@entitlement-kit/mock-server/browser';
import { startMockServer } from '@entitlement-kit/mock-server/node';
import { PACKAGES, USERS } from '@entitlement-kit/mock-server/seed-ids';
import { ApprovalInbox, EntitlementProvider, VERSION, type WidgetErrorDetail } from '@entitlement-kit/widgets';
import * as bundle from '@entitlement-kit/widgets/entitlement-kit.js';
import '@entitlement-kit/widgets/define/manage-team';
import { RequestAccessPane } from '@entitlement-kit/widgets/request-access-pane';
import { defineOnce } from '@entitlement-kit/widgets/define-once';
import { ApprovalInbox as ReactInbox } from '@entitlement-kit/widgets/react';
import { ManageTeam as ReactTeam } from '@entitlement-kit/widgets/react/manage-team';

const lee: string = USERS.lee;
const pkg: string = PACKAGES[Object.keys(PACKAGES)[0] as keyof typeof PACKAGES];
const client = createClient({ baseUrl: 'http://127.0.0.1:4010/v1.0', getAccessToken: () => mintToken({ id: lee }) });
const inbox: ApprovalInbox = document.createElement('approval-inbox');
const fromBundle: typeof ApprovalInbox = bundle.ApprovalInbox;
const team: HTMLElementTagNameMap['manage-team'] = document.createElement('manage-team');
inbox.addEventListener('widget-error', (event) => console.log((event.detail satisfies WidgetErrorDetail).operation));
export const used = [client, createAdmin, createMockGraph, Engine, startBrowserMock, startMockServer, pkg, EntitlementProvider, VERSION, fromBundle, team, RequestAccessPane, defineOnce, ReactInbox, ReactTeam, GraphError, {} as AccessPackage];
`;

export const CONSUMER_FILES: Record<string, string> = {
  'index.html': page,
  'main.js': "import '@entitlement-kit/widgets';\n",
  'tsconfig.json': JSON.stringify(tsconfig, null, 2) + '\n',
  'src/my-access.tsx': tsx,
  'src/entries.ts': entries,
};
