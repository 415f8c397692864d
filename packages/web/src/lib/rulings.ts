import { CourtPhase, Ruling } from "@lantern/sdk";
import type { CaseSubject } from "./court.ts";

export interface RulingChoice {
  ruling: bigint;
  label: string;
}

/** What an arbiter can vote in a case, as its arbitrable's meta-evidence defines the rulings. */
export function choicesFor(subject: CaseSubject): RulingChoice[] {
  if (subject.kind === "report") {
    return [
      { ruling: 1n, label: "Remove the listing" },
      { ruling: 2n, label: "Keep the listing" },
    ];
  }
  if (subject.kind === "order") {
    return [
      { ruling: Ruling.Refund, label: "Refund the buyer" },
      { ruling: Ruling.Release, label: "Release the payment to the seller" },
      // 3 + 5,000 basis points: the escrow's split ruling (packages/sdk/src/rulings.ts).
      { ruling: 5_003n, label: "Split the payment evenly" },
    ];
  }
  return [
    { ruling: 1n, label: "Ruling 1" },
    { ruling: 2n, label: "Ruling 2" },
  ];
}

/** A sentence for what `ruling` does in the case: refund, release, split, remove or keep. */
export function rulingMeaning(subject: CaseSubject, ruling: bigint): string {
  if (subject.kind === "report") {
    if (ruling === 1n) return "the listing is removed and the reporter gets the deposits";
    if (ruling === 2n) return "the listing is kept and the seller gets the deposits";
    return "no majority: the listing is kept and each side gets half of the deposits";
  }
  if (subject.kind === "order") {
    if (ruling === Ruling.Refund) return "the buyer is refunded";
    if (ruling === Ruling.Release) return "the payment is released to the seller";
    if (ruling === Ruling.Refused) return "no majority: the payment is split evenly";
    return `the buyer gets ${Number(ruling - 3n) / 100} % back and the seller the rest`;
  }
  return `ruling ${ruling}`;
}

export const phaseNames: Record<number, string> = {
  [CourtPhase.None]: "Not created",
  [CourtPhase.Drawing]: "Drawing the committee",
  [CourtPhase.Commit]: "Commit votes",
  [CourtPhase.Reveal]: "Reveal votes",
  [CourtPhase.Appeal]: "Appeal period",
  [CourtPhase.Final]: "Final",
  [CourtPhase.Withdrawn]: "Withdrawn (settled by the parties)",
};

/** "Tue, 24 Nov 2026, 21:00 (in 23 h)": a chain time with how far it is from the chain's now. */
export function deadline(seconds: number, now: number): string {
  const when = new Date(seconds * 1000).toLocaleString();
  const delta = seconds - now;
  const abs = Math.abs(delta);
  const span =
    abs >= 86_400
      ? `${Math.round(abs / 86_400)} d`
      : abs >= 3_600
        ? `${Math.round(abs / 3_600)} h`
        : `${Math.max(1, Math.round(abs / 60))} min`;
  return `${when} (${delta >= 0 ? `in ${span}` : `${span} ago`})`;
}
