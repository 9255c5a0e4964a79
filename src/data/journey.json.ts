// Loader stub: the dataset is defined in loaders/datasets/journey.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("journey");
