import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import * as sdk from "../src/index.ts";

test("the public API exports exactly these names", () => {
  assert.deepEqual(Object.keys(sdk).sort(), [
    "ContractRevertError",
    "DecryptionError",
    "JSON_CODEC",
    "LanternError",
    "ListingStatus",
    "NATIVE_CURRENCY",
    "OrderNotFoundError",
    "OrderState",
    "RAW_CODEC",
    "RULING_CHOICES",
    "Ruling",
    "SHA2_256",
    "TransactionRevertedError",
    "ValidationError",
    "anvilAccounts",
    "anvilBinary",
    "applyOrderEvent",
    "buy",
    "buyWithPermit",
    "buyerShareOf",
    "cancel",
    "cidFromDigest",
    "cidOfBytes",
    "cidOfJson",
    "confirm",
    "createListing",
    "decodeRevert",
    "decryptShipping",
    "deploy",
    "deployTestToken",
    "digestFromCid",
    "dispute",
    "encodeJson",
    "encodeListingMetadata",
    "encryptShipping",
    "encryptionPublicKey",
    "escrowAbi",
    "escrowBytecode",
    "escrowMetaEvidence",
    "fixedPriceListingAbi",
    "fixedPriceListingBytecode",
    "foldOrders",
    "generateEncryptionKey",
    "getListing",
    "getOrder",
    "getOrderLogs",
    "getOrders",
    "getOwed",
    "getPublishedKey",
    "hashOrder",
    "keyRegistryAbi",
    "keyRegistryBytecode",
    "lanternErrorAbi",
    "listingConditions",
    "listingFactoryAbi",
    "listingFactoryBytecode",
    "listingMetadataSchema",
    "listingStatusName",
    "orderEventNames",
    "orderEventTopics",
    "orderStateName",
    "orderStruct",
    "parseCid",
    "parseListingMetadata",
    "publishKey",
    "readDeploymentFile",
    "refund",
    "release",
    "revertMessage",
    "revertMessages",
    "ship",
    "shippingDetailsSchema",
    "splitRuling",
    "startAnvil",
    "submitEvidence",
    "testArbitratorAbi",
    "testArbitratorBytecode",
    "testTokenAbi",
    "testTokenBytecode",
    "toLanternError",
    "updateListing",
    "verifyContent",
    "withdraw",
    "writeDeploymentFile",
  ]);
});

test("no module of the SDK imports a Node built-in when it loads, so browsers can bundle it", () => {
  const src = fileURLToPath(new URL("../src", import.meta.url));
  const files = (readdirSync(src, { recursive: true }) as string[]).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  );
  assert.ok(files.length > 20);
  for (const file of files) {
    const source = readFileSync(path.join(src, file), "utf8");
    assert.doesNotMatch(source, /^import (?!type )[^;]*from "node:/m, file);
  }
});
