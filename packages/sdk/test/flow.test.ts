// The whole marketplace through the SDK's public API on a real anvil: a seller publishes a key and lists;
// buyers pay directly, in escrow, and with a token permit; shipping details travel encrypted with only their
// digest on chain; orders are confirmed, released, refunded, cancelled, disputed and settled by agreement.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Address, parseEther } from "viem";
import {
  acceptSettlement,
  buy,
  buyWithPermit,
  ContractRevertError,
  cancel,
  cidFromDigest,
  cidOfBytes,
  confirm,
  createListing,
  decryptShipping,
  digestFromCid,
  dispute,
  encodeListingMetadata,
  encryptShipping,
  escrowAbi,
  generateEncryptionKey,
  getListing,
  getOrder,
  getOrders,
  getPublishedKey,
  OrderState,
  payArbitrationFee,
  proposeSettlement,
  publishKey,
  refund,
  release,
  type ShippingDetails,
  ship,
  splitRuling,
  testArbitratorAbi,
  testArbitratorBytecode,
  verifyContent,
} from "../src/index.ts";
import { type Market, startMarket } from "./market.ts";

const DAY = 86_400;

describe("a marketplace's life through the SDK", () => {
  let market: Market;
  let listing: Address;
  let tokenListing: Address;
  const sellerKey = generateEncryptionKey();
  /** Stands in for the content store: bytes by CID. */
  const content = new Map<string, Uint8Array>();
  const address: ShippingDetails = {
    name: "Grace Hopper",
    street: "1 Navy Yard",
    city: "Arlington",
    region: "VA",
    postalCode: "22202",
    country: "US",
  };

  before(async () => {
    market = await startMarket();
    await market.mint(market.buyer.walletClient.account.address, parseEther("1000"));
  });
  after(() => market.stop());

  test("the seller publishes an encryption key and lists items with their metadata's CID", async () => {
    await publishKey(market.seller, { publicKey: sellerKey.publicKey });
    const metadata = encodeListingMetadata({
      title: "Nikon D750 body",
      description: "24MP full frame, 12k shutter count, with charger.",
      category: "electronics/cameras",
      condition: "used",
      location: "Austin, TX",
    });
    content.set(metadata.cid.toString(), metadata.bytes);
    const terms = {
      metadataCid: metadata.cid.toString(),
      title: "Nikon D750 body",
      category: "electronics/cameras",
      location: "Austin, TX",
      stock: 20,
    };
    ({ listing } = await createListing(market.seller, { ...terms, price: parseEther("0.5") }));
    ({ listing: tokenListing } = await createListing(market.seller, {
      ...terms,
      price: parseEther("400"),
      currency: market.token,
    }));
    assert.equal((await getListing(market.buyer, { listing })).stock, 20n);
  });

  test("a direct purchase pays the seller at once", async () => {
    const seller = market.seller.walletClient.account.address;
    const before = await market.balance(seller);
    const { order } = await buy(market.buyer, { listing, escrowed: false });
    assert.equal(order.state, OrderState.Completed);
    assert.equal(await market.balance(seller), before + parseEther("0.5"));
  });

  test("shipping details go to the seller encrypted, with only their digest on chain", async () => {
    const sellerAddress = market.seller.walletClient.account.address;
    const key = await getPublishedKey(market.buyer, { account: sellerAddress });
    assert.ok(key, "the seller published a key");
    const encrypted = encryptShipping(key, address);
    const cid = cidOfBytes(encrypted);
    content.set(cid.toString(), encrypted);
    const { orderId } = await buy(market.buyer, {
      listing,
      escrowed: true,
      shippingDigest: digestFromCid(cid),
    });

    // The seller finds the order, fetches the ciphertext by the digest's CID, checks and decrypts it.
    const [order] = (await getOrders(market.seller, { seller: sellerAddress })).filter(
      (o) => o.orderId === orderId,
    );
    assert.ok(order);
    const fetched = content.get(cidFromDigest(order.shippingDigest).toString());
    assert.ok(fetched && verifyContent(cidFromDigest(order.shippingDigest), fetched));
    assert.deepEqual(decryptShipping(sellerKey.privateKey, fetched), address);

    const tracking = cidOfBytes(new TextEncoder().encode("USPS 9400111899223856925143"));
    await ship(market.seller, { orderId, trackingDigest: digestFromCid(tracking) });
    const seller = market.seller.walletClient.account.address;
    const before = await market.balance(seller);
    const { order: confirmed } = await confirm(market.buyer, { orderId });
    assert.equal(confirmed.state, OrderState.Completed);
    assert.equal(await market.balance(seller), before + parseEther("0.5"));
  });

  test("a token purchase with a permit runs the same escrow", async () => {
    const seller = market.seller.walletClient.account.address;
    const { orderId } = await buyWithPermit(market.buyer, { listing: tokenListing, escrowed: true });
    await ship(market.seller, { orderId });
    await confirm(market.buyer, { orderId });
    assert.equal(await market.tokenBalance(seller), parseEther("400"));
  });

  test("the seller refunds; a buyer whose order never ships cancels after the ship window", async () => {
    const refunded = await buy(market.buyer, { listing, escrowed: true });
    assert.equal(
      (await refund(market.seller, { orderId: refunded.orderId })).order.state,
      OrderState.Refunded,
    );

    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    const early = await cancel(market.buyer, { orderId }).catch((error: unknown) => error);
    assert.ok(early instanceof ContractRevertError);
    assert.match(
      early.shortMessage,
      /^The seller can still ship order \d+ until \d{4}-\d\d-\d\dT.*; you can cancel after that\.$/,
    );
    await market.travel(3 * DAY);
    assert.equal((await cancel(market.buyer, { orderId })).order.state, OrderState.Cancelled);
  });

  test("anyone releases payment once the delivery window has passed", async () => {
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    await market.travel(14 * DAY);
    assert.equal((await release(market.stranger, { orderId })).order.state, OrderState.Completed);
  });

  test("a dispute goes to the arbitrator once both parties paid its fee, and its ruling is carried out", async () => {
    const deployer = market.wallets.deployer;
    const deployHash = await deployer.deployContract({
      abi: testArbitratorAbi,
      bytecode: testArbitratorBytecode,
      args: [parseEther("0.01")],
    });
    const arbitrator = (await market.publicClient.waitForTransactionReceipt({ hash: deployHash }))
      .contractAddress;
    assert.ok(arbitrator);
    await market.publicClient.waitForTransactionReceipt({
      hash: await deployer.writeContract({
        address: market.deployment.contracts.Escrow,
        abi: escrowAbi,
        functionName: "setArbitrator",
        args: [arbitrator, "0x"],
      }),
    });
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await dispute(market.buyer, { orderId });
    const { disputeId } = await payArbitrationFee(market.seller, { orderId });
    await market.publicClient.waitForTransactionReceipt({
      hash: await deployer.writeContract({
        address: arbitrator,
        abi: testArbitratorAbi,
        functionName: "giveRuling",
        args: [disputeId, splitRuling(10_000)],
      }),
    });
    const order = await getOrder(market.buyer, { orderId });
    assert.equal(order.state, OrderState.Resolved);
    assert.equal(order.resolution?.buyerAmount, parseEther("0.5"));
  });

  test("the parties settle a damaged item by agreement: an offer, a counter-offer, an acceptance", async () => {
    const { orderId } = await buy(market.buyer, { listing, escrowed: true });
    await ship(market.seller, { orderId });
    await proposeSettlement(market.buyer, { orderId, buyerBps: 3_000 });
    const counter = await proposeSettlement(market.seller, { orderId, buyerBps: 2_000 });
    const { order } = await acceptSettlement(market.buyer, { orderId, offerId: counter.offerId });
    assert.equal(order.state, OrderState.Settled);
    assert.equal(order.settlement?.buyerAmount, parseEther("0.1"));
  });

  test("every order of the buyer is accounted for", async () => {
    const orders = await getOrders(market.buyer, { buyer: market.buyer.walletClient.account.address });
    assert.deepEqual(
      orders.map((o) => o.state),
      [
        OrderState.Completed,
        OrderState.Completed,
        OrderState.Completed,
        OrderState.Refunded,
        OrderState.Cancelled,
        OrderState.Completed,
        OrderState.Resolved,
        OrderState.Settled,
      ],
    );
    const view = await getListing(market.buyer, { listing });
    assert.equal(view.sold, 4n, "refunded, cancelled and fully refunded disputed items went back to stock");
    assert.equal(view.stock, 16n);
  });
});
