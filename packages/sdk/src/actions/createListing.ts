import { type Address, parseEventLogs } from "viem";
import { LanternError } from "../errors/base.ts";
import { listingFactoryAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import { NATIVE_CURRENCY, type WriteContext } from "../types.ts";

export interface CreateListingParameters {
  /** Unit price in the currency's smallest unit (wei for the native coin). */
  price: bigint;
  /** Items in stock, at least 1. */
  stock: bigint | number;
  /** CID of the listing's metadata document (`encodeListingMetadata`). */
  metadataCid: string;
  /** Up to 140 bytes; repeated on chain so search can be rebuilt from events. */
  title: string;
  /** Up to 64 bytes, for example `electronics/cameras`. */
  category: string;
  /** Up to 100 bytes; empty unless given. */
  location?: string;
  /** An approved ERC-20; the native coin unless given. */
  currency?: Address;
  /** An approved template; the deployment's FixedPriceListing unless given. */
  template?: Address;
  /** The CREATE2 salt that makes the address unique; random unless given. */
  salt?: bigint;
}

export interface CreateListingReturnType extends WriteResult {
  /** The new listing's address: its id. */
  listing: Address;
  salt: bigint;
}

/** Lists an item: the factory deploys a listing contract with the wallet's account as seller. */
export async function createListing(
  context: WriteContext,
  parameters: CreateListingParameters,
): Promise<CreateListingReturnType> {
  const factory = context.deployment.contracts.ListingFactory;
  const salt = parameters.salt ?? randomSalt();
  const result = await write(context, {
    address: factory,
    abi: listingFactoryAbi,
    functionName: "createListing",
    args: [
      parameters.template ?? context.deployment.contracts.FixedPriceListing,
      salt,
      {
        currency: parameters.currency ?? NATIVE_CURRENCY,
        price: parameters.price,
        stock: BigInt(parameters.stock),
        metadataCid: parameters.metadataCid,
        title: parameters.title,
        category: parameters.category,
        location: parameters.location ?? "",
      },
    ],
  });
  const [created] = parseEventLogs({
    abi: listingFactoryAbi,
    logs: result.receipt.logs.filter((log) => log.address.toLowerCase() === factory.toLowerCase()),
    eventName: "ListingCreated",
  });
  if (!created) throw new LanternError(`Transaction ${result.hash} created no listing.`);
  return { ...result, listing: created.args.listing, salt };
}

function randomSalt(): bigint {
  return globalThis.crypto.getRandomValues(new BigUint64Array(1))[0] ?? 0n;
}
