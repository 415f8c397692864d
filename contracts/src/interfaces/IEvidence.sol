// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IEvidence
/// @notice ERC-1497 evidence standard events. Evidence and meta-evidence are content addresses (`/ipfs/<cid>`).
interface IEvidence {
    /// @notice What a dispute of this kind is about and what each ruling means.
    event MetaEvidence(uint256 indexed metaEvidenceID, string evidence);
    /// @notice A party submitted evidence for an evidence group (for Lantern: an order or a report).
    event Evidence(
        IArbitrator indexed arbitrator,
        uint256 indexed evidenceGroupID,
        address indexed party,
        string evidence
    );
    /// @notice A dispute was created and linked to its meta-evidence and evidence group.
    event Dispute(
        IArbitrator indexed arbitrator,
        uint256 indexed disputeID,
        uint256 metaEvidenceID,
        uint256 evidenceGroupID
    );
}
