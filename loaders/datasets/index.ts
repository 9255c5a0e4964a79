/** Every published dataset. A new dataset: a module here, a line below, a stub in src/data. */
import type { DatasetDef } from "./define.ts";
import { dataQuality } from "./data-quality.ts";
import { greenProfile } from "./green-profile.ts";
import { overview } from "./overview.ts";
import { revenue } from "./revenue.ts";
import { risk } from "./risk.ts";
import { journey } from "./journey.ts";
import { relationship } from "./relationship.ts";
import { lossReview } from "./loss-review.ts";
import { accountDataset } from "./account.ts";
import { accountNames } from "./account-names.ts";
import { healthReview } from "./health-review.ts";
import { healthLab } from "./health-lab.ts";
import { reportsDataset } from "./reports.ts";

export const DATASETS: readonly DatasetDef[] = [overview, dataQuality, revenue, risk, journey, greenProfile, relationship, lossReview, healthReview, healthLab, reportsDataset(), accountDataset, accountNames];

/** The dataset called `name`; an unknown name lists the known ones. */
export function datasetByName(name: string): DatasetDef {
  const d = DATASETS.find((x) => x.name === name);
  if (!d) throw new Error(`no dataset named ${JSON.stringify(name)}; known: ${DATASETS.map((x) => x.name).join(", ")}`);
  return d;
}
