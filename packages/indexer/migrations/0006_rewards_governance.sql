-- Signed off-chain reward actions (view, like, share) that the API accepted (POST /actions). They are not
-- chain data, so a reorg never touches them; they are public: GET /rewards/epochs/:epoch/actions gives an
-- epoch's rows so anyone can rerun computeEpoch and compare with the posted root. A row is stored only
-- after its signature, chain, contract, epoch and caps were checked, and the two unique keys are exactly
-- computeEpoch's replay rules (an account's nonce once per epoch; one action of a kind per target).
CREATE TABLE reward_actions (
  epoch numeric(78,0) NOT NULL,
  account text NOT NULL,
  -- 0 view, 1 like, 2 share (RewardActionKind)
  kind smallint NOT NULL,
  -- bytes32 hex, lower case
  target text NOT NULL,
  nonce numeric(78,0) NOT NULL,
  signature text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (epoch, account, nonce),
  UNIQUE (epoch, account, kind, target)
);
