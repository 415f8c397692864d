-- Everything an order's events tell beyond the flat columns of 0001: the dispute's stages and fees,
-- settlement offers, the mediator, the settlement, the resolution, and whatever later escrow versions add.
-- It is the SDK's OrderRecord minus the flat columns, as JSON: uint256 values as decimal strings,
-- addresses in lower case. The flat columns arbitrator, dispute_id, ruling, buyer_amount and seller_amount
-- stay, filled from it, for queries.
ALTER TABLE orders ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
