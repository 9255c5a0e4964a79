// Loader stub: the analysts' reports (one table per reports/<name>.sql), defined in loaders/datasets/reports.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("reports");
