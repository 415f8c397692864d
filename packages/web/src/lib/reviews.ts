import { cidFromDigest, type ReadContext, reviewsAbi } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import type { Api } from "./api.ts";
import { useApp } from "./app.tsx";

export interface Review {
  orderId: bigint;
  listing: Address;
  buyer: Address;
  rating: number;
  text?: string;
  answer?: string;
}

const ZERO = /^0x0{64}$/;

async function textOf(api: Api, digest: Hex): Promise<string | undefined> {
  if (ZERO.test(digest)) return undefined;
  try {
    return new TextDecoder().decode(await api.content(cidFromDigest(digest).toString()));
  } catch {
    return undefined; // the text is not in this node's store: the rating still counts
  }
}

/**
 * A seller's reviews, read from the Reviews contract's events: only buyers of completed orders can write
 * them, so they need no index to be trusted. Texts come from the content store, verified by their digests.
 */
export async function readSellerReviews(read: ReadContext, api: Api, seller: Address): Promise<Review[]> {
  const address = read.deployment.contracts.Reviews;
  if (!address) return [];
  const range = {
    address,
    abi: reviewsAbi,
    fromBlock: read.deployment.deploymentBlock,
    toBlock: "latest",
    strict: true,
  } as const;
  const [created, answered] = await Promise.all([
    read.publicClient.getContractEvents({ ...range, eventName: "ReviewCreated", args: { seller } }),
    read.publicClient.getContractEvents({ ...range, eventName: "ReviewAnswered", args: { seller } }),
  ]);
  const answers = new Map(answered.map((log) => [log.args.orderId, log.args.textDigest]));
  return Promise.all(
    created.reverse().map(async (log) => {
      const answerDigest = answers.get(log.args.orderId);
      const [text, answer] = await Promise.all([
        textOf(api, log.args.textDigest),
        answerDigest ? textOf(api, answerDigest) : undefined,
      ]);
      return {
        orderId: log.args.orderId,
        listing: log.args.listing,
        buyer: log.args.buyer,
        rating: log.args.rating,
        ...(text ? { text } : {}),
        ...(answer ? { answer } : {}),
      };
    }),
  );
}

export function useSellerReviews(seller: Address) {
  const { read, api } = useApp();
  return useQuery({ queryKey: ["reviews", seller], queryFn: () => readSellerReviews(read, api, seller) });
}
