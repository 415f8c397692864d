import type { Address } from "viem";
import type { WriteResult } from "../../internal/write.ts";
import type { ArchiveWriteContext } from "./types.ts";
import { writeArchive } from "./write.ts";

export interface SetArchivePublisherParameters {
  publisher: Address;
  authorized: boolean;
}

export type SetArchivePublisherReturnType = WriteResult;

/** Authorizes or deauthorizes a publisher (the wallet's account must own the archive). */
export async function setArchivePublisher(
  context: ArchiveWriteContext,
  parameters: SetArchivePublisherParameters,
): Promise<SetArchivePublisherReturnType> {
  return writeArchive(context, "setPublisher", [parameters.publisher, parameters.authorized]);
}
