// Which adapter the HTTP suites run the mock server on: the route table served directly (the default) or the msw
// handlers the browser worker uses (MOCK_ADAPTER=msw). Both must pass the same suites.
export const TEST_ADAPTER: 'direct' | 'msw' = process.env.MOCK_ADAPTER === 'msw' ? 'msw' : 'direct';
