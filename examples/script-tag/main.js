// Signs in against the mock's control API. With Entra, getAccessToken would be MSAL's acquireTokenSilent.
const params = new URLSearchParams(location.search);
const mock = params.get('mock') ?? 'http://127.0.0.1:4010';
const upn = params.get('upn') ?? 'lee.gu@contoso.com';

let token;
const provider = document.querySelector('entitlement-provider');
provider.getAccessToken = () =>
  (token ??= fetch(`${mock}/_mock/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPrincipalName: upn }),
  })
    .then((response) => response.json())
    .then((body) => body.access_token));
provider.setAttribute('base-url', `${mock}/v1.0`);
