import { measureSizes } from '/work/wt/i16-myaccess/bench/size.ts';
const rows = await measureSizes(['sdk', 'manage-team', 'entitlement-provider']);
for (const r of rows) console.log(r.name, r.minBytes, r.gzipBytes);
