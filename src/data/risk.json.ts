// Loader stub: the dataset is defined in loaders/datasets/risk.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("risk");
