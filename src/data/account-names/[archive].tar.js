// Loader stub: one archive (a0, a1, …, from the file name) of the sharded dataset "account-names" (loaders/datasets/account-names.ts,
// shards.ts), computed by npm run build / npm run dev; this copies it, and Framework unpacks it at build time.
import { emitArchive } from "../../../loaders/site/stub.js";

await emitArchive("account-names");
