// Loader stub: one archive of the sharded account dataset (loaders/datasets/account.ts, shards.ts), named by the
// file-name parameter (--archive=index, a0, a1, …); Framework unpacks it at build time.
import { emitShards } from "../../../loaders/datasets/shards.ts";

await emitShards("account");
