/** Fixed vocabularies of the sample book: segments, CSMs, products, features, names. */

export type Segment = "SMB" | "Mid-Market" | "Enterprise";

/** Segment mix, initial contract value range (USD) and price per seat range. */
export const SEGMENTS: readonly {
  name: Segment;
  share: number;
  arr: [number, number];
  seatPrice: [number, number];
}[] = [
  { name: "SMB", share: 0.55, arr: [5_000, 30_000], seatPrice: [700, 1_100] },
  { name: "Mid-Market", share: 0.3, arr: [30_000, 150_000], seatPrice: [1_100, 1_600] },
  { name: "Enterprise", share: 0.15, arr: [150_000, 1_200_000], seatPrice: [2_600, 4_000] },
];

export const REGIONS: readonly (readonly [string, number])[] = [
  ["NA", 0.45], ["EMEA", 0.3], ["APAC", 0.15], ["LATAM", 0.1],
];

export const INDUSTRIES = [
  "Software", "Financial Services", "Healthcare", "Manufacturing",
  "Retail", "Education", "Logistics", "Media",
] as const;

/** The twelve customer success managers. */
export const CSMS = [
  "Priya Natarajan", "Marcus Chen", "Sofia Alvarez", "James Whitfield",
  "Aisha Rahman", "Daniel Kowalski", "Emma Lindqvist", "Kenji Watanabe",
  "Olivia Bennett", "Rafael Souza", "Grace Mensah", "Tomas Herrera",
] as const;

/** CSMs who rarely mark an account red, even when it is about to churn. */
export const UNDER_CALLERS: readonly string[] = ["Marcus Chen", "Olivia Bennett", "Rafael Souza"];

/** Contract lines; every account holds the core platform. */
export const CORE_PRODUCT = "Core Platform";
export const ADD_ON_PRODUCTS = ["Analytics", "Automation", "Integrations", "Premium Support"] as const;

/** Features in alphabetical order (usage.feature is coded by index into this list). */
export const FEATURES = [
  "admin", "alerts", "api", "dashboards", "exports", "integrations", "reports", "workflows",
] as const;

/** Features whose users rarely leave (features.sticky = true). */
export const STICKY_FEATURES: readonly string[] = ["api", "integrations", "workflows"];

/** Loss reasons of a full loss, with their weights. */
export const CHURN_REASONS: readonly (readonly [string, number])[] = [
  ["Budget cut", 0.3], ["Switched to competitor", 0.25], ["No adoption", 0.2],
  ["Champion left", 0.15], ["Acquired", 0.1],
];

/** Loss reasons of a line shrunk or removed at a retained renewal. */
export const PARTIAL_REASONS = ["Budget cut", "No adoption", "Switched to competitor"] as const;

/** Loss reason of the line torn out in a rip-and-replace. */
export const REPLACED_REASON = "Replaced by another product";

export const DECISION_MAKER_TITLES = [
  "VP Operations", "Director of IT", "Head of Customer Operations", "VP Finance",
  "Director of Analytics", "Head of Sales Operations", "VP Engineering", "Director of Procurement",
] as const;
export const EXEC_SPONSOR_TITLES = [
  "Chief Operating Officer", "Chief Information Officer", "Chief Financial Officer",
  "Chief Revenue Officer", "SVP Operations", "Chief Technology Officer",
] as const;
export const PRACTITIONER_TITLES = [
  "Operations Analyst", "Data Analyst", "Systems Administrator", "Team Lead",
  "Sales Operations Manager", "Business Analyst", "Project Manager", "Support Manager",
  "Marketing Operations Specialist", "Finance Analyst",
] as const;

export const NAME_HEADS = [
  "Acme", "Alder", "Apex", "Arbor", "Atlas", "Aurora", "Beacon", "Birch", "Blue Ridge", "Bolt",
  "Brightwater", "Cascade", "Cedar", "Clearview", "Cobalt", "Copper", "Crescent", "Crown", "Delta",
  "Driftwood", "Eastgate", "Ember", "Evergreen", "Falcon", "Fernhill", "Granite", "Greenfield",
  "Harbor", "Hawthorn", "Highland", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeside",
  "Lantern", "Linden", "Lighthouse", "Maple", "Meridian", "Millstone", "Northwind", "Oakridge",
  "Orchid", "Pacific", "Pinnacle", "Polaris", "Quarry", "Redwood", "Ridgeline", "Riverbend",
  "Sagebrush", "Sequoia", "Silverline", "Skyward", "Summit", "Sundial", "Tidewater", "Timber",
  "Trident", "Vantage", "Westbrook", "Willow", "Zenith",
] as const;
export const NAME_BODIES: Record<string, readonly string[]> = {
  Software: ["Software", "Labs", "Systems", "Digital", "Cloud", "Data"],
  "Financial Services": ["Capital", "Financial", "Bank", "Insurance", "Wealth", "Credit Union"],
  Healthcare: ["Health", "Medical", "Clinics", "Care", "Diagnostics", "Pharma"],
  Manufacturing: ["Manufacturing", "Industries", "Fabrication", "Components", "Machinery", "Metals"],
  Retail: ["Retail", "Outfitters", "Markets", "Home Goods", "Apparel", "Grocers"],
  Education: ["Academy", "Learning", "University", "Schools", "Education", "Institute"],
  Logistics: ["Logistics", "Freight", "Shipping", "Transport", "Supply", "Couriers"],
  Media: ["Media", "Studios", "Publishing", "Broadcasting", "Entertainment", "Press"],
};
export const NAME_TAILS = ["", "", "", " Inc", " Group", " Co", " Partners", " Holdings"] as const;
