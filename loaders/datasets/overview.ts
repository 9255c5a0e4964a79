/** The home page: headline figures about the book on the as-of date. */
import { defineDataset } from "./define.ts";
import { risk } from "./risk.ts";

export const overview = defineDataset({
  name: "overview",
  title: "Overview",
  doc: "Headline figures for leadership, on the as-of date.",
  tables: {
    book: {
      doc: "One row: the book on the as-of date.",
      sql: "select * from book_summary",
      columns: {
        accounts: { type: "int", doc: "accounts in the accounts file (after validation)" },
        active_accounts: { type: "int", doc: "accounts started on or before the as-of date and not fully lost at a resolved renewal" },
        current_arr: { type: "number", doc: "Σ current contract value of active accounts: the next open renewal's arr_before, else the latest resolved arr_after" },
        csms: { type: "int", doc: "distinct CSMs owning accounts" },
        segments: { type: "int", doc: "distinct segments" },
        overdue_renewals: { type: "int", doc: "renewal events not resolved whose renewal_date is before the as-of date" },
        overdue_value: { type: "number", doc: "Σ arr_before of the overdue renewal events" },
        due_next_90_days: { type: "int", doc: "unresolved renewal events due in [as-of, as-of + 90 days]" },
        due_next_90_days_value: { type: "number", doc: "Σ arr_before of those events" },
      },
    },
    // The home page's red-pie card (book view, as on the Risk page), published here so the page need not download all of
    // risk.json: the additive book counts and their groups, so the card follows the filter bar (src/components/metrics.js).
    risk_settings: risk.tables.settings,
    risk_groups: risk.tables.groups,
    risk_book: risk.tables.book,
    csm_calls: risk.tables.csms,
    csm_pages: {
      doc: "Every named CSM and the slug of their page (/csm/<slug>), so the home page can link the CSMs it names.",
      sql: "select csm, slug from relationship_csms order by csm",
      columns: {
        csm: { type: "string", doc: "owner (accounts.csm)" },
        slug: { type: "string", doc: "the page's URL name, as on the CSM pages list" },
      },
    },
    // The same figures per owner, for the home page's filter bar (issue 15).
    by_owner: {
      doc: "The book's figures per segment, region and CSM: the rows add up to the book table.",
      sql: "select * from book_by_owner",
      columns: {
        segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
        region: { type: "string", doc: "account region; '(none)' when the account has none" },
        csm: { type: "string", doc: "owning CSM; '(none)' when the account has none" },
        accounts: { type: "int", doc: "accounts of this owner" },
        active_accounts: { type: "int", doc: "of them, active on the as-of date" },
        current_arr: { type: "number", doc: "Σ current contract value of those active accounts" },
        overdue_renewals: { type: "int", doc: "their overdue renewal events" },
        overdue_value: { type: "number", doc: "Σ arr_before of those overdue events" },
        due_next_90_days: { type: "int", doc: "their unresolved renewal events due in [as-of, as-of + 90 days]" },
        due_next_90_days_value: { type: "number", doc: "Σ arr_before of those events" },
      },
    },
  },
});
