// Loader stub: one CSM's rows of the relationship and risk datasets as Arrow files (loaders/datasets/csm-shards.ts),
// computed by npm run build / npm run dev; this copies the archive of the CSM named by --csm=<slug>.
import { emitArchive } from "../../../loaders/site/stub.js";

await emitArchive("csm", "csm");
