import { type Address, getAddress, type Hex, isAddress, isHex } from "viem";

/**
 * A committed vote's secret half: the ruling and salt the reveal must repeat. Kept in this browser's
 * localStorage per (court, dispute, round, account), and exportable as a file so the vote can be revealed
 * from another device; losing it means the seats cannot be revealed and their stake lock is lost.
 */
export interface StoredVote {
  schema: "lantern/vote@1";
  chainId: number;
  court: Address;
  disputeId: string;
  round: number;
  account: Address;
  ruling: string;
  salt: Hex;
}

export interface VoteKey {
  chainId: number;
  court: Address;
  disputeId: bigint;
  round: number;
  account: Address;
}

function storageKey(key: VoteKey): string {
  return `lantern.vote.${key.chainId}.${key.court.toLowerCase()}.${key.disputeId}.${key.round}.${key.account.toLowerCase()}`;
}

export function newSalt(): Hex {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function saveVote(key: VoteKey, ruling: bigint, salt: Hex): StoredVote {
  const vote: StoredVote = {
    schema: "lantern/vote@1",
    chainId: key.chainId,
    court: getAddress(key.court),
    disputeId: String(key.disputeId),
    round: key.round,
    account: getAddress(key.account),
    ruling: String(ruling),
    salt,
  };
  localStorage.setItem(storageKey(key), JSON.stringify(vote));
  return vote;
}

export function loadVote(key: VoteKey): StoredVote | undefined {
  const raw = localStorage.getItem(storageKey(key));
  if (!raw) return undefined;
  try {
    return parseVote(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** Checks a vote read from a file or storage; throws a sentence saying what is wrong with it. */
export function parseVote(value: unknown): StoredVote {
  const v = value as Partial<Record<keyof StoredVote, unknown>> | null;
  if (v?.schema !== "lantern/vote@1") throw new Error("This is not a Lantern vote file.");
  if (typeof v.chainId !== "number") throw new Error("The vote file names no chain.");
  if (typeof v.court !== "string" || !isAddress(v.court)) throw new Error("The vote file names no court.");
  if (typeof v.account !== "string" || !isAddress(v.account))
    throw new Error("The vote file names no account.");
  if (typeof v.disputeId !== "string" || !/^\d+$/.test(v.disputeId))
    throw new Error("The vote file names no dispute.");
  if (typeof v.round !== "number" || !Number.isInteger(v.round) || v.round < 0)
    throw new Error("The vote file names no round.");
  if (typeof v.ruling !== "string" || !/^\d+$/.test(v.ruling))
    throw new Error("The vote file has no ruling.");
  if (typeof v.salt !== "string" || !isHex(v.salt) || v.salt.length !== 66)
    throw new Error("The vote file's salt is not 32 bytes of hex.");
  return {
    schema: "lantern/vote@1",
    chainId: v.chainId,
    court: getAddress(v.court),
    disputeId: v.disputeId,
    round: v.round,
    account: getAddress(v.account),
    ruling: v.ruling,
    salt: v.salt as Hex,
  };
}

/** Stores a vote from a file, refusing one made for another chain, court, dispute, round or account. */
export function importVote(key: VoteKey, text: string): StoredVote {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("The file is not JSON: choose the vote file this DApp exported.");
  }
  const vote = parseVote(json);
  const mismatch =
    vote.chainId !== key.chainId
      ? "another chain"
      : vote.court.toLowerCase() !== key.court.toLowerCase()
        ? "another court"
        : vote.disputeId !== String(key.disputeId)
          ? `dispute ${vote.disputeId}`
          : vote.round !== key.round
            ? `round ${vote.round + 1}`
            : vote.account.toLowerCase() !== key.account.toLowerCase()
              ? `the account ${vote.account}`
              : undefined;
  if (mismatch) throw new Error(`This vote file is for ${mismatch}, not for this round and account.`);
  localStorage.setItem(storageKey(key), JSON.stringify(vote));
  return vote;
}

/** Offers the vote as a file download (`lantern-vote-<dispute>-<round>.json`). */
export function downloadVote(vote: StoredVote): void {
  const blob = new Blob([`${JSON.stringify(vote, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `lantern-vote-${vote.disputeId}-round-${vote.round + 1}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
