import { RULING_CHOICES } from "../rulings.ts";

/**
 * The ERC-1497 meta-evidence of escrow disputes: what a trade dispute is about and what each ruling means.
 * `deploy` puts `/ipfs/<its CID>` in the escrow's `MetaEvidence` event; serve these bytes (`encodeJson`)
 * from the content store so arbiters can read it.
 */
export const escrowMetaEvidence = {
  category: "Marketplace trade",
  title: "Lantern escrow dispute",
  description:
    "A buyer paid into Lantern's escrow for a listing and disputes the trade before the payment was " +
    "released to the seller. Read the listing, the order's events and both parties' evidence. " +
    "Ruling 1 refunds the buyer in full; ruling 2 pays the seller in full; ruling 3 + b gives the buyer b " +
    "basis points (0 to 10000) of the amount and the seller the rest. Refusing to rule (0) splits it evenly.",
  question: "Who should receive the escrowed payment?",
  rulingOptions: {
    type: "uint",
    precision: 0,
    titles: ["Refund the buyer", "Pay the seller"],
    descriptions: [
      "The buyer gets the whole amount back and the items return to stock.",
      "The seller receives the whole amount.",
    ],
    range: { min: 1, max: Number(RULING_CHOICES) },
  },
} as const;
