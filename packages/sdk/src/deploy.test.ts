import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  parseEther,
  parseEventLogs,
  sha256,
  toBytes,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { encodeLegacyId } from "./actions/archive/legacyId.ts";
import { publishArchiveBatch } from "./actions/archive/publishArchiveBatch.ts";
import { setArchivePublisher } from "./actions/archive/setArchivePublisher.ts";
import { ArchiveKind, encodeListingSummary } from "./actions/archive/summary.ts";
import { encodeJson } from "./content/cid.ts";
import { escrowMetaEvidence } from "./content/metaEvidence.ts";
import { deploy, deployTestToken } from "./deploy.ts";
import { readDeploymentFile, writeDeploymentFile } from "./deploymentFile.ts";
import type { ContractRevertError } from "./errors/contract.ts";
import {
  archiveAbi,
  courtAbi,
  escrowAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
} from "./generated/abis.ts";
import { write } from "./internal/write.ts";
import { type Anvil, startAnvil } from "./testing/anvil.ts";
import type { Deployment } from "./types.ts";

const setWindows = (clients: Parameters<typeof write>[0], escrow: Address) =>
  write(clients, {
    address: escrow,
    abi: escrowAbi,
    functionName: "setWindows",
    args: [4 * 86_400, 14 * 86_400],
  });

describe("deploy", () => {
  let anvil: Anvil;
  let clients: ReturnType<typeof makeClients>;
  function makeClients() {
    const chain = defineChain({
      id: anvil.chainId,
      name: "Anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
    });
    const transport = http(anvil.rpcUrl);
    const [deployer] = anvil.accounts;
    if (!deployer) throw new Error("no account");
    return {
      publicClient: createPublicClient({ chain, transport }),
      walletClient: createWalletClient({
        chain,
        transport,
        account: privateKeyToAccount(deployer.privateKey),
      }),
    };
  }
  before(async () => {
    anvil = await startAnvil();
    clients = makeClients();
  });
  after(() => anvil.stop());

  test("deploys and wires the contracts, and hands every owned one to the DAO's timelock", async () => {
    const { publicClient, walletClient } = clients;
    const deployer = walletClient.account.address;
    const token = await deployTestToken(walletClient, publicClient, "USD Test");
    const deployment = await deploy({
      walletClient,
      publicClient,
      shipWindow: 2 * 86_400,
      deliveryWindow: 7 * 86_400,
      currencies: [token],
    });
    const { ListingFactory: factory, Escrow: escrow, FixedPriceListing: template } = deployment.contracts;
    const { LanternTimelock: timelock, LanternGovernor: governor, LanternToken: dao } = deployment.contracts;
    assert.ok(timelock && governor && dao);
    assert.equal(deployment.chainId, anvil.chainId);
    assert.equal(
      await publicClient.getCode({ address: factory, blockNumber: deployment.deploymentBlock - 1n }),
      undefined,
    );
    assert.ok(await publicClient.getCode({ address: factory, blockNumber: deployment.deploymentBlock }));

    const onFactory = { address: factory, abi: listingFactoryAbi } as const;
    const onEscrow = { address: escrow, abi: escrowAbi } as const;
    const onTimelock = { address: timelock, abi: lanternTimelockAbi } as const;
    const read = publicClient.readContract;
    assert.equal(await read({ ...onFactory, functionName: "isTemplate", args: [template] }), true);
    assert.equal(await read({ ...onFactory, functionName: "isCurrency", args: [token] }), true);
    assert.equal(await read({ ...onFactory, functionName: "owner" }), timelock);
    assert.equal(await read({ ...onFactory, functionName: "pendingOwner" }), zeroAddress);
    assert.equal(await read({ ...onEscrow, functionName: "owner" }), timelock);
    assert.equal(await read({ ...onEscrow, functionName: "factory" }), factory);
    assert.equal(await read({ ...onEscrow, functionName: "shipWindow" }), 2 * 86_400);
    assert.equal(await read({ ...onEscrow, functionName: "deliveryWindow" }), 7 * 86_400);
    assert.equal(await read({ ...onTimelock, functionName: "getMinDelay" }), 2n * 86_400n);
    for (const role of ["DEFAULT_ADMIN_ROLE", "PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"] as const) {
      const id = await read({ ...onTimelock, functionName: role });
      assert.equal(await read({ ...onTimelock, functionName: "hasRole", args: [id, deployer] }), false, role);
    }
    const proposer = await read({ ...onTimelock, functionName: "PROPOSER_ROLE" });
    assert.equal(await read({ ...onTimelock, functionName: "hasRole", args: [proposer, governor] }), true);
    assert.equal(
      await read({ address: dao, abi: lanternTokenAbi, functionName: "balanceOf", args: [deployer] }),
      parseEther("100000000"),
    );
    // The token's only minter is the Rewards contract, whose address deploy() predicted.
    assert.equal(
      await read({ address: dao, abi: lanternTokenAbi, functionName: "minter" }),
      deployment.contracts.Rewards,
    );
    await assert.rejects(
      setWindows(clients, escrow),
      (error: ContractRevertError) => error.errorName === "OwnableUnauthorizedAccount",
    );

    // The court stakes the DAO's token, judges the escrow's disputes and the curation's reports.
    const { Court: court, ListingCuration: curation } = deployment.contracts;
    assert.ok(court && curation);
    const onCourt = { address: court, abi: courtAbi } as const;
    assert.equal(await read({ ...onEscrow, functionName: "arbitrator" }), court);
    assert.equal(await read({ ...onFactory, functionName: "curator" }), curation);
    assert.equal(await read({ ...onCourt, functionName: "token" }), dao);
    assert.equal(await read({ ...onCourt, functionName: "owner" }), timelock);
    assert.equal(await read({ address: curation, abi: listingCurationAbi, functionName: "owner" }), timelock);
    // A view served by CourtViews through the court's fallback.
    assert.equal((await read({ ...onCourt, functionName: "parameters" })).committeeSize, 3);

    const logs = await publicClient.getLogs({ address: escrow, fromBlock: deployment.deploymentBlock });
    const [metaEvidence] = parseEventLogs({ abi: escrowAbi, logs, eventName: "MetaEvidence" });
    assert.equal(metaEvidence?.args.evidence, `/ipfs/${encodeJson(escrowMetaEvidence).cid}`);
  });

  test("deploys the Archive to the timelock with the named publishers, and refuses anyone else", async () => {
    const [, publisherAccount, strangerAccount] = anvil.accounts;
    assert.ok(publisherAccount && strangerAccount);
    const publisher = privateKeyToAccount(publisherAccount.privateKey).address;
    const deployment = await deploy({ ...clients, archivePublishers: [publisher] });
    const { Archive: archive, LanternTimelock: timelock } = deployment.contracts;
    assert.ok(archive && timelock);
    const read = clients.publicClient.readContract;
    const onArchive = { address: archive, abi: archiveAbi } as const;
    assert.equal(await read({ ...onArchive, functionName: "owner" }), timelock);
    assert.equal(await read({ ...onArchive, functionName: "pendingOwner" }), zeroAddress);
    assert.equal(await read({ ...onArchive, functionName: "isPublisher", args: [publisher] }), true);
    const deployer = clients.walletClient.account.address;
    assert.equal(await read({ ...onArchive, functionName: "isPublisher", args: [deployer] }), false);

    const record = {
      kind: ArchiveKind.Listing,
      legacyId: encodeLegacyId("10001"),
      content: sha256(toBytes("a legacy listing")),
      summary: encodeListingSummary({
        date: 1_500_000_000,
        price: 12_999n,
        currency: "USD",
        category: "phones",
        title: "Phone",
      }),
    };
    const walletOf = (key: Hex) =>
      createWalletClient({
        chain: clients.walletClient.chain,
        transport: http(anvil.rpcUrl),
        account: privateKeyToAccount(key),
      });
    const asStranger = { ...clients, walletClient: walletOf(strangerAccount.privateKey), archive };
    await assert.rejects(publishArchiveBatch(asStranger, { records: [record] }), {
      errorName: "NotPublisher",
    });
    // Not even the deployer can add a publisher once the timelock owns the archive.
    await assert.rejects(
      setArchivePublisher(
        { ...clients, archive },
        { publisher: asStranger.walletClient.account.address, authorized: true },
      ),
      { errorName: "OwnableUnauthorizedAccount" },
    );
    const asPublisher = { ...clients, walletClient: walletOf(publisherAccount.privateKey), archive };
    const { recorded } = await publishArchiveBatch(asPublisher, { records: [record] });
    assert.equal(recorded, 1);
  });

  test("keepAdmin leaves the deployer owning every parameter", async () => {
    const deployment = await deploy({ ...clients, keepAdmin: true });
    const { Escrow: escrow, ListingFactory: factory } = deployment.contracts;
    const deployer = clients.walletClient.account.address;
    const read = clients.publicClient.readContract;
    assert.equal(await read({ address: factory, abi: listingFactoryAbi, functionName: "owner" }), deployer);
    await setWindows(clients, escrow);
    assert.equal(await read({ address: escrow, abi: escrowAbi, functionName: "shipWindow" }), 4 * 86_400);
  });

  test("explains a window the escrow refuses", async () => {
    await assert.rejects(deploy({ ...clients, shipWindow: 60 }), {
      name: "ContractRevertError",
      errorName: "InvalidWindow",
      shortMessage: "A window must last from one hour to one year; 60 seconds does not.",
    });
  });
});

describe("deployment files", () => {
  const deployment: Deployment = {
    chainId: 31337,
    deploymentBlock: 12n,
    contracts: {
      ListingFactory: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      Escrow: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
      FixedPriceListing: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
      KeyRegistry: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
    },
  };
  let dir: string;
  before(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), "lantern-sdk-")), ".lantern", "deployments");
  });
  after(() => rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

  test("write <chainId>.json with names, addresses and the block as a decimal string, and read it back", () => {
    const file = writeDeploymentFile(dir, deployment);
    assert.equal(file, path.join(dir, "31337.json"));
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), {
      chainId: 31337,
      deploymentBlock: "12",
      ...deployment.contracts,
    });
    assert.deepEqual(readDeploymentFile(dir, 31337), deployment);
  });

  test("read nothing for a chain without a file", () => {
    assert.equal(readDeploymentFile(dir, 1), undefined);
  });

  test("refuse a malformed file", () => {
    writeFileSync(path.join(dir, "5.json"), "{");
    assert.throws(() => readDeploymentFile(dir, 5), { name: "ValidationError" });
    writeFileSync(path.join(dir, "6.json"), JSON.stringify({ chainId: 7, deploymentBlock: "1" }));
    assert.throws(() => readDeploymentFile(dir, 6), /is for chain 7, not chain 6/);
    writeFileSync(
      path.join(dir, "7.json"),
      JSON.stringify({ chainId: 7, deploymentBlock: "1", Escrow: "0x1" }),
    );
    assert.throws(() => readDeploymentFile(dir, 7), /no valid address for ListingFactory/);
  });
});
