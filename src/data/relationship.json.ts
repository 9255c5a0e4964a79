// Loader stub: the dataset is defined in loaders/datasets/relationship.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("relationship");
