// Loader stub: the dataset is defined in loaders/datasets/overview.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("overview");
