// Loader stub: the dataset is defined in loaders/datasets/loss-review.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("loss-review");
