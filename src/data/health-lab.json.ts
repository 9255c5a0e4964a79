// Loader stub: the dataset is defined in loaders/datasets/health-lab.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("health-lab");
