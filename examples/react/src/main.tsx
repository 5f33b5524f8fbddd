// The widgets in a React 19 app through @entitlement-kit/widgets/react (@lit/react wrappers): properties as props,
// the kit's events as typed `on...` props. Built against the package's dist/ like any consumer
// (examples/react/vite.config.mjs). The backend is the mock's HTTP server (`npm run mock-server`); `?mock=URL&upn=NAME`
// pick another server or person.
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApprovalInbox, EntitlementProvider, ManageTeam, RequestAccessPane } from '@entitlement-kit/widgets/react';

const params = new URLSearchParams(location.search);
const mock = params.get('mock') ?? 'http://127.0.0.1:4010';
const upn = params.get('upn') ?? 'lee.gu@contoso.com';

function App() {
  const [log, setLog] = useState<string[]>([]);
  const note = useCallback((line: string) => setLog((lines) => [...lines, line]), []);
  // One token per session; with Entra this is MSAL's acquireTokenSilent.
  const getAccessToken = useMemo(() => {
    let token: Promise<string> | undefined;
    return () =>
      (token ??= fetch(`${mock}/_mock/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPrincipalName: upn }),
      })
        .then((response) => response.json() as Promise<{ access_token: string }>)
        .then((body) => body.access_token));
  }, []);

  return (
    <EntitlementProvider baseUrl={`${mock}/v1.0`} getAccessToken={getAccessToken} locale="en">
      <h1>My Access (React {'19'})</h1>
      <RequestAccessPane
        theme="light"
        onRequestSubmitted={(event) => note(`request-submitted ${event.detail.id ?? ''} ${event.detail.status ?? ''}`)}
        onWidgetError={(event) => note(`widget-error ${event.detail.operation}`)}
      />
      <ApprovalInbox onDecisionRecorded={(event) => note(`decision-recorded ${event.detail.reviewResult}`)} />
      <ManageTeam onAccessRemoved={(event) => note(`access-removed ${event.detail.assignment.id ?? ''}`)} />
      <ol id="event-log" aria-label="Events">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </EntitlementProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
