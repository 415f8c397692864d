/**
 * The ERC-1497 meta-evidence of listing reports: what a report is about and what each ruling means.
 * `deploy` puts `/ipfs/<its CID>` in the curation's `MetaEvidence` event; serve these bytes (`encodeJson`)
 * from the content store so arbiters can read it.
 */
export const curationMetaEvidence = {
  category: "Marketplace curation",
  title: "Lantern listing report",
  description:
    "Someone reported a Lantern listing as not fit for the marketplace (counterfeit, illegal, fraudulent " +
    "or against the marketplace's published rules) and the seller contested the report. Read the listing, " +
    "its metadata and both sides' evidence. Ruling 1 removes the listing for good (orders already open keep " +
    "working); ruling 2 keeps it. The winner takes both deposits less the arbitration fee; refusing to rule " +
    "(0) keeps the listing and shares the deposits evenly.",
  question: "Should this listing be removed from the marketplace?",
  rulingOptions: {
    type: "single-select",
    titles: ["Remove the listing", "Keep the listing"],
    descriptions: [
      "The listing is closed for good and the reporter takes the deposits.",
      "The listing stays and the seller takes the deposits.",
    ],
  },
} as const;
