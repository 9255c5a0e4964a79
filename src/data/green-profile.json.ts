// Loader stub: the dataset is defined in loaders/datasets/green-profile.ts.
import { emit } from "../../loaders/datasets/emit.ts";

await emit("green-profile");
