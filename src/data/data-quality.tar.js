// Loader stub: dataset "data-quality" (loaders/datasets/index.ts) as one Arrow file per table, computed by npm run build / npm run dev; this copies it.
import { emit } from "../../loaders/site/stub.js";

await emit("data-quality");
