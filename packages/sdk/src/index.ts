// The public API of @lantern/sdk. Every export is named here on purpose: test/exports.test.ts snapshots the
// list, so adding or removing one is a visible decision.

// Actions (write): one transaction each, simulated first; a revert throws a decoded LanternError.
export {
  type AcceptMediatorParameters,
  type AcceptMediatorReturnType,
  acceptMediator,
} from "./actions/acceptMediator.ts";
export {
  type AcceptSettlementParameters,
  type AcceptSettlementReturnType,
  acceptSettlement,
} from "./actions/acceptSettlement.ts";
// Archive: legacy marketplace records (contracts/src/interfaces/IArchive.sol)
export { archiveContentCid, archiveContentDigest } from "./actions/archive/content.ts";
export {
  type DeployArchiveParameters,
  type DeployArchiveReturnType,
  deployArchive,
} from "./actions/archive/deployArchive.ts";
export { toArchiveError } from "./actions/archive/errors.ts";
export { decodeLegacyId, encodeLegacyId } from "./actions/archive/legacyId.ts";
export { archiveLeaf, archiveProof, archiveRoot, verifyArchiveProof } from "./actions/archive/merkle.ts";
export {
  type ArchivedBatch,
  type ArchivedRecord,
  type ParseArchiveLogsReturnType,
  parseArchiveLogs,
  type SkippedRecord,
} from "./actions/archive/parseArchiveLogs.ts";
export {
  type PublishArchiveBatchParameters,
  type PublishArchiveBatchReturnType,
  publishArchiveBatch,
} from "./actions/archive/publishArchiveBatch.ts";
export {
  getArchiveBatchCount,
  getArchiveBatchRoot,
  getArchived,
  getArchiveMilestones,
  isArchived,
  isArchivePublisher,
  verifyArchiveRecord,
} from "./actions/archive/readers.ts";
export {
  type RemoveArchiveMilestoneParameters,
  removeArchiveMilestone,
  type SetArchiveMilestoneParameters,
  type SetArchiveMilestoneReturnType,
  setArchiveMilestone,
} from "./actions/archive/setArchiveMilestone.ts";
export {
  type SetArchivePublisherParameters,
  type SetArchivePublisherReturnType,
  setArchivePublisher,
} from "./actions/archive/setArchivePublisher.ts";
export {
  ArchiveKind,
  decodeListingSummary,
  decodeReviewSummary,
  encodeListingSummary,
  encodeReviewSummary,
  type ListingSummary,
  MAX_LISTING_SUMMARY,
  type ReviewSummary,
} from "./actions/archive/summary.ts";
export type {
  ArchiveMilestone,
  ArchiveReadContext,
  ArchiveRecord,
  ArchiveWriteContext,
} from "./actions/archive/types.ts";
// Actions (write), continued
export { type BuyParameters, type BuyReturnType, buy } from "./actions/buy.ts";
export {
  type BuyWithPermitParameters,
  type BuyWithPermitReturnType,
  buyWithPermit,
} from "./actions/buyWithPermit.ts";
export { type CancelParameters, type CancelReturnType, cancel } from "./actions/cancel.ts";
export { type ConfirmParameters, type ConfirmReturnType, confirm } from "./actions/confirm.ts";
// Court
export { type AppealParameters, type AppealReturnType, appeal } from "./actions/court/appeal.ts";
export {
  type CommitVoteParameters,
  type CommitVoteReturnType,
  commitVote,
} from "./actions/court/commitVote.ts";
export {
  type DrawCommitteeParameters,
  type DrawCommitteeReturnType,
  drawCommittee,
} from "./actions/court/drawCommittee.ts";
export {
  type ExecuteRulingParameters,
  type ExecuteRulingReturnType,
  executeRuling,
} from "./actions/court/executeRuling.ts";
export {
  type GetArbiterParameters,
  type GetArbiterReturnType,
  getArbiter,
} from "./actions/court/getArbiter.ts";
export {
  CourtPhase,
  type CourtRound,
  type CourtSeat,
  type GetCourtDisputeParameters,
  type GetCourtDisputeReturnType,
  getCourtDispute,
} from "./actions/court/getCourtDispute.ts";
export { type HashVoteParameters, hashVote } from "./actions/court/hashVote.ts";
export {
  type RevealVoteParameters,
  type RevealVoteReturnType,
  revealVote,
} from "./actions/court/revealVote.ts";
export {
  type SettleRoundParameters,
  type SettleRoundReturnType,
  settleRound,
} from "./actions/court/settleRound.ts";
export { type StakeParameters, type StakeReturnType, stake } from "./actions/court/stake.ts";
export {
  type WithdrawCourtRewardsReturnType,
  withdrawCourtRewards,
} from "./actions/court/withdrawCourtRewards.ts";
export {
  type CreateListingParameters,
  type CreateListingReturnType,
  createListing,
} from "./actions/createListing.ts";
// Listing curation
export {
  type ContestReportParameters,
  type ContestReportReturnType,
  contestReport,
} from "./actions/curation/contestReport.ts";
export {
  type ExecuteReportDefaultParameters,
  type ExecuteReportDefaultReturnType,
  executeReportDefault,
} from "./actions/curation/executeReportDefault.ts";
export {
  type GetReportParameters,
  type GetReportReturnType,
  getReport,
  ReportState,
} from "./actions/curation/getReport.ts";
export {
  type ReportListingParameters,
  type ReportListingReturnType,
  reportListing,
} from "./actions/curation/reportListing.ts";
export {
  type SubmitReportEvidenceParameters,
  type SubmitReportEvidenceReturnType,
  submitReportEvidence,
} from "./actions/curation/submitReportEvidence.ts";
export {
  type WithdrawCurationPaymentsReturnType,
  withdrawCurationPayments,
} from "./actions/curation/withdrawCurationPayments.ts";
// DAO: token, governor and timelock (contracts/src/dao)
export {
  type CastVoteParameters,
  type CastVoteReturnType,
  castVote,
  VoteSupport,
} from "./actions/dao/castVote.ts";
export { daoAddress } from "./actions/dao/contracts.ts";
export {
  type DelegateParameters,
  type DelegateReturnType,
  delegate,
} from "./actions/dao/delegate.ts";
export {
  type ExecuteProposalParameters,
  type ExecuteProposalReturnType,
  executeProposal,
} from "./actions/dao/executeProposal.ts";
export {
  type GetProposalReturnType,
  getProposal,
  type ProposalStateName,
} from "./actions/dao/getProposal.ts";
export type { Proposal, ProposalCall } from "./actions/dao/proposal.ts";
export {
  type ProposeParameters,
  type ProposeReturnType,
  propose,
} from "./actions/dao/propose.ts";
export {
  type QueueProposalParameters,
  type QueueProposalReturnType,
  queueProposal,
} from "./actions/dao/queueProposal.ts";
export { type DisputeParameters, type DisputeReturnType, dispute } from "./actions/dispute.ts";
export {
  type PayArbitrationFeeParameters,
  type PayArbitrationFeeReturnType,
  payArbitrationFee,
} from "./actions/payArbitrationFee.ts";
// Policy: the marketplace's rules and the sellers' bonds (contracts/src/policy)
export { type ApproveBondReturnType, approveBond } from "./actions/policy/approveBond.ts";
export {
  type CheckPurchaseParameters,
  type CheckPurchaseReturnType,
  checkPurchase,
  type PurchaseRefusal,
  type PurchaseRule,
} from "./actions/policy/checkPurchase.ts";
export { type GetCategoryRuleReturnType, getCategoryRule } from "./actions/policy/getCategoryRule.ts";
export { type CategoryRule, setCategoryRuleCall, setPriceCeilingCall } from "./actions/policy/policyCalls.ts";
export { releaseBond, requestBondRelease } from "./actions/policy/releaseBond.ts";
export {
  type ProposeMediatorParameters,
  type ProposeMediatorReturnType,
  proposeMediator,
} from "./actions/proposeMediator.ts";
export {
  type ProposeSettlementParameters,
  type ProposeSettlementReturnType,
  proposeSettlement,
} from "./actions/proposeSettlement.ts";
export { type PublishKeyParameters, type PublishKeyReturnType, publishKey } from "./actions/publishKey.ts";
export { type RefundParameters, type RefundReturnType, refund } from "./actions/refund.ts";
export {
  type RejectSettlementParameters,
  type RejectSettlementReturnType,
  rejectSettlement,
} from "./actions/rejectSettlement.ts";
export { type ReleaseParameters, type ReleaseReturnType, release } from "./actions/release.ts";
// Reviews (contracts/src/reviews)
export {
  type AnswerReviewParameters,
  type AnswerReviewReturnType,
  answerReview,
} from "./actions/reviews/answerReview.ts";
export {
  type CreateReviewParameters,
  type CreateReviewReturnType,
  createReview,
} from "./actions/reviews/createReview.ts";
export { type GetReviewStatusReturnType, getReviewStatus } from "./actions/reviews/getReviewStatus.ts";
export { type ShipParameters, type ShipReturnType, ship } from "./actions/ship.ts";
export {
  type SubmitEvidenceParameters,
  type SubmitEvidenceReturnType,
  submitEvidence,
} from "./actions/submitEvidence.ts";
export {
  type TimeoutDisputeParameters,
  type TimeoutDisputeReturnType,
  timeoutDispute,
} from "./actions/timeoutDispute.ts";
export {
  type UpdateListingParameters,
  type UpdateListingReturnType,
  updateListing,
} from "./actions/updateListing.ts";
export { type WithdrawParameters, type WithdrawReturnType, withdraw } from "./actions/withdraw.ts";
export {
  type WithdrawSettlementParameters,
  type WithdrawSettlementReturnType,
  withdrawSettlement,
} from "./actions/withdrawSettlement.ts";
// Content
export {
  cidFromDigest,
  cidOfBytes,
  cidOfJson,
  digestFromCid,
  encodeJson,
  JSON_CODEC,
  parseCid,
  RAW_CODEC,
  SHA2_256,
  verifyContent,
} from "./content/cid.ts";
export { curationMetaEvidence } from "./content/curationMetaEvidence.ts";
export {
  encodeListingMetadata,
  type ListingMetadata,
  type ListingMetadataInput,
  listingConditions,
  listingMetadataSchema,
  parseListingMetadata,
} from "./content/metadata.ts";
export { escrowMetaEvidence } from "./content/metaEvidence.ts";
// Shipping encryption
export {
  decryptShipping,
  type EncryptionKeyPair,
  encryptionPublicKey,
  encryptShipping,
  generateEncryptionKey,
  type ShippingDetails,
  shippingDetailsSchema,
} from "./crypto/shipping.ts";
// Deployment
export {
  type CourtParameters,
  DEFAULT_COURT_PARAMETERS,
  type DeployParameters,
  type DeployReturnType,
  deploy,
  deployTestToken,
  type GovernanceParameters,
  type RewardsParameters,
  type TokenParameters,
} from "./deploy.ts";
export {
  contractNames,
  optionalContractNames,
  readDeploymentFile,
  writeDeploymentFile,
} from "./deploymentFile.ts";
// Errors
export { LanternError, type LanternErrorOptions } from "./errors/base.ts";
export { ContractRevertError, decodeRevert, lanternErrorAbi, toLanternError } from "./errors/contract.ts";
export {
  DecryptionError,
  OrderNotFoundError,
  TransactionRevertedError,
  ValidationError,
} from "./errors/errors.ts";
export {
  type LanternRevertName,
  proposalStateNames,
  type RevertMessageOptions,
  revertMessage,
  revertMessages,
} from "./errors/messages.ts";
// Generated from the contracts
export {
  archiveAbi,
  courtAbi,
  escrowAbi,
  fixedPriceListingAbi,
  keyRegistryAbi,
  lanternGovernorAbi,
  lanternTimelockAbi,
  lanternTokenAbi,
  listingCurationAbi,
  listingFactoryAbi,
  policyAbi,
  prevrandaoRandomnessAbi,
  reviewsAbi,
  rewardsAbi,
  testArbitratorAbi,
  testTokenAbi,
} from "./generated/abis.ts";
export {
  archiveBytecode,
  escrowBytecode,
  fixedPriceListingBytecode,
  keyRegistryBytecode,
  lanternGovernorBytecode,
  lanternTimelockBytecode,
  lanternTokenBytecode,
  listingFactoryBytecode,
  policyBytecode,
  reviewsBytecode,
  rewardsBytecode,
  testArbitratorBytecode,
  testTokenBytecode,
} from "./generated/bytecode.ts";
export type { PurchaseParameters, PurchaseReturnType } from "./internal/purchase.ts";
export type { WriteResult } from "./internal/write.ts";
// Orders
export {
  applyOrderEvent,
  type OrderEvent,
  type OrderEventName,
  orderEventNames,
} from "./orders/applyOrderEvent.ts";
export { hashOrder, orderStruct } from "./orders/hashOrder.ts";
export { splitAmount } from "./orders/splitAmount.ts";
// Readers
export { type GetListingParameters, type GetListingReturnType, getListing } from "./readers/getListing.ts";
export { type GetOrderParameters, type GetOrderReturnType, getOrder } from "./readers/getOrder.ts";
export { type GetOrdersParameters, type GetOrdersReturnType, getOrders } from "./readers/getOrders.ts";
export { type GetOwedParameters, type GetOwedReturnType, getOwed } from "./readers/getOwed.ts";
export {
  type GetPublishedKeyParameters,
  type GetPublishedKeyReturnType,
  getPublishedKey,
} from "./readers/getPublishedKey.ts";
export { foldOrders, getOrderLogs, orderEventTopics } from "./readers/orderLogs.ts";
// Rewards: shop to earn (contracts/src/rewards)
export {
  isRewardActionSigned,
  type RewardAction,
  RewardActionKind,
  rewardActionTypes,
  rewardDomain,
  type SignedRewardAction,
} from "./rewards/actions.ts";
export {
  type ComputeEpochReturnType,
  computeEpoch,
  type RejectedAction,
  type RewardEvent,
  type RewardPayout,
  type RewardPointKind,
  type RewardRules,
} from "./rewards/computeEpoch.ts";
export {
  epochAtTime,
  epochBounds,
  getPostedRewardRoots,
  getRewardEvents,
  getRewardSchedule,
  type PostedRewardRoot,
  REWARD_POINTS,
  type RewardSchedule,
  recomputeEpoch,
  rewardRulesFor,
} from "./rewards/epochData.ts";
export { rewardLeaf, rewardTree } from "./rewards/merkle.ts";
export { signRewardAction } from "./rewards/signRewardAction.ts";
export { challengeRewardRoot, claimReward, postRewardRoot } from "./rewards/writeRewards.ts";
export { buyerShareOf, RULING_CHOICES, Ruling, splitRuling } from "./rulings.ts";
// Local chains and tests (Node only; built-ins load on first call, so browsers can import this module)
export {
  type Anvil,
  type AnvilAccount,
  anvilAccounts,
  anvilBinary,
  type StartAnvilOptions,
  startAnvil,
} from "./testing/anvil.ts";
// Types
export {
  type Deployment,
  type DisputeStage,
  type LanternPublicClient,
  type LanternWalletClient,
  ListingStatus,
  type ListingStatusName,
  listingStatusName,
  NATIVE_CURRENCY,
  type Order,
  type OrderDispute,
  type OrderRecord,
  OrderState,
  type OrderStateName,
  orderStateName,
  type ReadContext,
  type SettlementOffer,
  type SettlementRole,
  type WriteContext,
} from "./types.ts";
