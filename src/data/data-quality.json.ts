// Loader stub: the dataset is defined in loaders/datasets/data-quality.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("data-quality");
