import type { Address } from "viem";
import { fixedPriceListingAbi } from "../generated/abis.ts";
import { type WriteResult, write } from "../internal/write.ts";
import type { WriteContext } from "../types.ts";

/** One change to a listing, by its seller. */
export type UpdateListingParameters = { listing: Address } & (
  | { type: "setPrice" /** New unit price, above zero. */; price: bigint }
  | { type: "setStock"; stock: bigint | number }
  /** Stops sales until `resume`. */
  | { type: "pause" }
  | { type: "resume" }
  /** Ends the listing for good; open orders keep working. */
  | { type: "close" }
);

export type UpdateListingReturnType = WriteResult;

/** Changes a listing's price or stock, pauses, resumes or closes it (seller only). */
export async function updateListing(
  context: WriteContext,
  parameters: UpdateListingParameters,
): Promise<UpdateListingReturnType> {
  const address = parameters.listing;
  const abi = fixedPriceListingAbi;
  switch (parameters.type) {
    case "setPrice":
      return write(context, { address, abi, functionName: "setPrice", args: [parameters.price] });
    case "setStock":
      return write(context, { address, abi, functionName: "setStock", args: [BigInt(parameters.stock)] });
    case "pause":
    case "resume":
    case "close":
      return write(context, { address, abi, functionName: parameters.type });
  }
}
