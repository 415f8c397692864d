import type { Address } from "viem";
import { LanternError } from "../errors/base.ts";
import { fixedPriceListingAbi, listingFactoryAbi } from "../generated/abis.ts";
import type { ListingStatus, ReadContext } from "../types.ts";

export interface GetListingParameters {
  listing: Address;
}

export interface GetListingReturnType {
  /** The listing's address, its id. */
  listing: Address;
  seller: Address;
  /** `NATIVE_CURRENCY` (address zero) for the native coin. */
  currency: Address;
  /** Unit price buyers pay now, in the currency's smallest unit. */
  price: bigint;
  stock: bigint;
  sold: bigint;
  status: ListingStatus;
  /** The CREATE2 salt the seller chose. */
  salt: bigint;
  template: Address;
  factory: Address;
  escrow: Address;
  /** Whether the deployment's factory created this listing; false means it is not a Lantern listing. */
  genuine: boolean;
}

/** Reads every view of a listing, in parallel (no multicall contract needed, so it works on anvil too). */
export async function getListing(
  context: ReadContext,
  parameters: GetListingParameters,
): Promise<GetListingReturnType> {
  const { publicClient, deployment } = context;
  const address = parameters.listing;
  const read = <const name extends ListingView>(functionName: name) =>
    publicClient.readContract({ address, abi: fixedPriceListingAbi, functionName });
  try {
    const [seller, currency, price, stock, sold, status, salt, template, factory, escrow, genuine] =
      await Promise.all([
        read("seller"),
        read("currency"),
        read("price"),
        read("stock"),
        read("sold"),
        read("status"),
        read("salt"),
        read("template"),
        read("factory"),
        read("escrow"),
        publicClient.readContract({
          address: deployment.contracts.ListingFactory,
          abi: listingFactoryAbi,
          functionName: "isListing",
          args: [address],
        }),
      ]);
    return {
      listing: address,
      seller,
      currency,
      price,
      stock,
      sold,
      status: status as ListingStatus,
      salt,
      template,
      factory,
      escrow,
      genuine,
    };
  } catch (cause) {
    throw new LanternError(`${address} is not a listing, or it cannot be read.`, { cause });
  }
}

type ListingView =
  | "seller"
  | "currency"
  | "price"
  | "stock"
  | "sold"
  | "status"
  | "salt"
  | "template"
  | "factory"
  | "escrow";
