// stryker.config.mjs with the test selection of test/mutation/vitest.fast.config.ts (which also
// leaves out the files named in PRT_MUTATE_EXCLUDE). Run like scripts/mutate.sh, with the config:
//   PRT_MUTATE_SCOPE=trace PRT_MUTATE_TESTS=test/unit/trace PRT_MUTATE_EXCLUDE=test/unit/trace/session.test.ts \
//     nice -n 10 "$NODE22" node_modules/@stryker-mutator/core/bin/stryker.js run test/mutation/stryker.fast.config.mjs --mutate '…' --concurrency 1
import base from '../../stryker.config.mjs';

export default { ...base, vitest: { ...base.vitest, configFile: 'test/mutation/vitest.fast.config.ts' } };
