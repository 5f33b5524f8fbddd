// What a host page ships for the full "My Access" page: the provider, the three widgets, the SDK (and lit).
// Measured as one bundle by bench/size.ts; bench/page/main.ts adds the benchmark harness around it.
import '../../packages/widgets/src/define/entitlement-provider.ts';
import '../../packages/widgets/src/define/request-access-pane.ts';
import '../../packages/widgets/src/define/approval-inbox.ts';
import '../../packages/widgets/src/define/manage-team.ts';

export { createClient } from '../../packages/sdk/src/index.ts';
