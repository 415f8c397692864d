import {
  CourtPhase,
  courtAbi,
  escrowAbi,
  type GetCourtDisputeReturnType,
  type GetReportReturnType,
  getArbiter,
  getCourtDispute,
  getListing,
  getOrder,
  getReport,
  listingCurationAbi,
  type OrderRecord,
  type ReadContext,
} from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import { type Address, erc20Abi } from "viem";
import type { Api } from "./api.ts";
import { useApp } from "./app.tsx";

/*
 * The court's data is read from the chain through the SDK rather than from an index: every question the
 * DApp asks is one contract read or one log filter on an indexed topic (the arbiter of ArbiterDrawn, the
 * dispute id of Dispute, the evidence group of Evidence), which a node answers from its bloom filters
 * without an index of ours, and the chain is the only source the court's own state can be trusted from.
 */

export interface ArbiterAccount {
  stake: bigint;
  locked: bigint;
  owedNative: bigint;
  owedTokens: bigint;
  token: Address;
  balance: bigint;
  minStake: bigint;
  lockPerSeat: bigint;
}

export async function readArbiterAccount(read: ReadContext, account: Address): Promise<ArbiterAccount> {
  const court = read.deployment.contracts.Court as Address;
  const on = { address: court, abi: courtAbi } as const;
  const [arbiter, token, parameters] = await Promise.all([
    getArbiter(read, { arbiter: account }),
    read.publicClient.readContract({ ...on, functionName: "token" }),
    read.publicClient.readContract({ ...on, functionName: "parameters" }),
  ]);
  const balance = await read.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [account],
  });
  return {
    ...arbiter,
    token,
    balance,
    minStake: parameters.minStake,
    lockPerSeat: (parameters.minStake * BigInt(parameters.penaltyBps)) / 10_000n,
  };
}

/** The disputes `account` was drawn for, newest first, from the court's ArbiterDrawn events. */
export async function readDrawnDisputes(read: ReadContext, account: Address): Promise<bigint[]> {
  const logs = await read.publicClient.getContractEvents({
    address: read.deployment.contracts.Court as Address,
    abi: courtAbi,
    eventName: "ArbiterDrawn",
    args: { arbiter: account },
    fromBlock: read.deployment.deploymentBlock,
    toBlock: "latest",
    strict: true,
  });
  return [...new Set(logs.map((log) => log.args.disputeID))].sort((a, b) => (a < b ? 1 : -1));
}

export interface EvidenceItem {
  party: Address;
  /** Who the party is in this case: "Buyer", "Seller", "Reporter", or another participant. */
  side: string;
  uri: string;
  name?: string;
  description?: string;
  error?: string;
  block: bigint;
}

export type CaseSubject =
  | { kind: "order"; orderId: bigint; order: OrderRecord }
  | { kind: "report"; reportId: bigint; report: GetReportReturnType; seller: Address }
  | { kind: "other"; arbitrable: Address };

export interface DisputeCase extends GetCourtDisputeReturnType {
  disputeId: bigint;
  subject: CaseSubject;
  evidence: EvidenceItem[];
  /** The latest block's time: deadlines are compared with the chain's clock, not the browser's. */
  now: number;
  /** What an appeal costs now, in the native coin; set during the appeal period only. */
  appealCost?: bigint;
}

/** A court dispute with what it is about (an order or a report) and the evidence of every side. */
export async function readDisputeCase(read: ReadContext, api: Api, disputeId: bigint): Promise<DisputeCase> {
  const court = read.deployment.contracts.Court as Address;
  const [dispute, block] = await Promise.all([
    getCourtDispute(read, { disputeId }),
    read.publicClient.getBlock({ blockTag: "latest" }),
  ]);
  const arbitrable = dispute.arbitrable.toLowerCase();
  const isEscrow = arbitrable === read.deployment.contracts.Escrow.toLowerCase();
  const isCuration = arbitrable === read.deployment.contracts.ListingCuration?.toLowerCase();
  let subject: CaseSubject = { kind: "other", arbitrable: dispute.arbitrable };
  let evidence: EvidenceItem[] = [];
  if (isEscrow || isCuration) {
    // Both arbitrables emit the same ERC-1497 events; one ABI reads either.
    const abi = isEscrow ? escrowAbi : listingCurationAbi;
    const range = { fromBlock: read.deployment.deploymentBlock, toBlock: "latest", strict: true } as const;
    const [created] = await read.publicClient.getContractEvents({
      address: dispute.arbitrable,
      abi,
      eventName: "Dispute",
      args: { arbitrator: court, disputeID: disputeId },
      ...range,
    });
    const group = created?.args.evidenceGroupID;
    if (group !== undefined) {
      const sides = new Map<string, string>();
      if (isEscrow) {
        const order = await getOrder(read, { orderId: group });
        subject = { kind: "order", orderId: group, order };
        sides.set(order.buyer.toLowerCase(), "Buyer").set(order.seller.toLowerCase(), "Seller");
      } else {
        const report = await getReport(read, { reportId: group });
        const { seller } = await getListing(read, { listing: report.listing });
        subject = { kind: "report", reportId: group, report, seller };
        sides.set(report.reporter.toLowerCase(), "Reporter").set(seller.toLowerCase(), "Seller");
      }
      const logs = await read.publicClient.getContractEvents({
        address: dispute.arbitrable,
        abi,
        eventName: "Evidence",
        args: { evidenceGroupID: group },
        ...range,
      });
      evidence = await Promise.all(
        logs.map((log) =>
          readEvidence(api, {
            party: log.args.party,
            side: sides.get(log.args.party.toLowerCase()) ?? "Another participant",
            uri: log.args.evidence,
            block: log.blockNumber,
          }),
        ),
      );
    }
  }
  const appealCost =
    dispute.phase === CourtPhase.Appeal
      ? await read.publicClient.readContract({
          address: court,
          abi: courtAbi,
          functionName: "appealCost",
          args: [disputeId, "0x"],
        })
      : undefined;
  return {
    ...dispute,
    disputeId,
    subject,
    evidence,
    now: Number(block.timestamp),
    ...(appealCost !== undefined ? { appealCost } : {}),
  };
}

/** An ERC-1497 evidence document from the content store (verified against its CID), or why not. */
async function readEvidence(api: Api, item: EvidenceItem): Promise<EvidenceItem> {
  const cid = /^\/ipfs\/([a-z0-9]+)$/i.exec(item.uri)?.[1];
  if (!cid) return { ...item, error: `Evidence at ${item.uri} is not in Lantern's content store.` };
  try {
    const doc = JSON.parse(new TextDecoder().decode(await api.content(cid))) as Record<string, unknown>;
    return {
      ...item,
      ...(typeof doc.name === "string" ? { name: doc.name } : {}),
      ...(typeof doc.description === "string" ? { description: doc.description } : {}),
    };
  } catch (error) {
    return { ...item, error: `The evidence could not be read: ${(error as Error).message}` };
  }
}

export function useArbiterAccount(account: Address | undefined) {
  const { read } = useApp();
  return useQuery({
    queryKey: ["arbiter", account],
    queryFn: () => readArbiterAccount(read, account as Address),
    enabled: account !== undefined && read.deployment.contracts.Court !== undefined,
    // Balance, stake and locks also change by others' transactions (tokens received, seats drawn,
    // penalties), so the figures follow the chain without a reload.
    refetchInterval: 5_000,
  });
}

export function useDrawnDisputes(account: Address | undefined) {
  const { read } = useApp();
  return useQuery({
    queryKey: ["drawnDisputes", account],
    queryFn: () => readDrawnDisputes(read, account as Address),
    enabled: account !== undefined && read.deployment.contracts.Court !== undefined,
    refetchInterval: 5_000,
  });
}

export function useDisputeCase(disputeId: bigint) {
  const { read, api } = useApp();
  return useQuery({
    queryKey: ["disputeCase", String(disputeId)],
    queryFn: () => readDisputeCase(read, api, disputeId),
    // Phases follow the chain's clock; other arbiters' commits and reveals show up without a reload.
    refetchInterval: 3_000,
  });
}
