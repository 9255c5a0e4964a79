// Loader stub: the dataset is defined in loaders/datasets/revenue.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("revenue");
