// Loader stub: the sharded dataset is defined in loaders/datasets/account.ts; Framework unpacks the archive at build time.
import { emitShards } from "../../loaders/datasets/shards.ts";

await emitShards("account");
