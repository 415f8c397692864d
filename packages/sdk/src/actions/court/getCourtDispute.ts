import type { Address, Hex } from "viem";
import { courtAbi } from "../../generated/abis.ts";
import type { ReadContext } from "../../types.ts";
import { courtAddress } from "./contracts.ts";

/** Where a court dispute stands, with the values of `CourtPhase` in contracts/src/types/CourtTypes.sol. */
export const CourtPhase = {
  None: 0,
  Drawing: 1,
  Commit: 2,
  Reveal: 3,
  Appeal: 4,
  Final: 5,
  Withdrawn: 6,
} as const;
export type CourtPhase = (typeof CourtPhase)[keyof typeof CourtPhase];

export interface CourtSeat {
  seat: number;
  arbiter: Address;
  /** The hidden vote until revealed (then zero). */
  commitment: Hex;
  revealed: boolean;
  ruling: bigint;
}

export interface CourtRound {
  round: number;
  committee: number;
  commitEnd: number;
  revealEnd: number;
  appealEnd: number;
  /** The round's majority, 0 on a tie or without revealed votes. */
  ruling: bigint;
  fee: bigint;
  lockPerSeat: bigint;
  ticket: bigint;
  appellant: Address;
  seats: CourtSeat[];
}

export interface GetCourtDisputeParameters {
  disputeId: bigint;
}

export interface GetCourtDisputeReturnType {
  arbitrable: Address;
  choices: bigint;
  phase: CourtPhase;
  ruling: bigint;
  executed: boolean;
  withdrawn: boolean;
  rounds: CourtRound[];
}

/** Reads a court dispute: its phase and ruling, and every round with its drawn seats. */
export async function getCourtDispute(
  context: ReadContext,
  parameters: GetCourtDisputeParameters,
): Promise<GetCourtDisputeReturnType> {
  const on = { address: courtAddress(context.deployment, "Court"), abi: courtAbi } as const;
  const read = context.publicClient.readContract;
  const id = parameters.disputeId;
  const [info, phase, ruling] = await Promise.all([
    read({ ...on, functionName: "disputeInfo", args: [id] }),
    read({ ...on, functionName: "phase", args: [id] }),
    read({ ...on, functionName: "currentRuling", args: [id] }),
  ]);
  const rounds: CourtRound[] = [];
  for (let r = 0n; r < info.rounds; ++r) {
    const round = await read({ ...on, functionName: "roundInfo", args: [id, r] });
    const seats = await Promise.all(
      Array.from({ length: Number(round.drawn) }, (_, seat) =>
        read({ ...on, functionName: "seatInfo", args: [id, r, BigInt(seat)] }).then((s) => ({
          seat,
          arbiter: s.arbiter,
          commitment: s.commitment,
          revealed: s.revealed,
          ruling: s.ruling,
        })),
      ),
    );
    rounds.push({
      round: Number(r),
      committee: Number(round.committee),
      commitEnd: Number(round.commitEnd),
      revealEnd: Number(round.revealEnd),
      appealEnd: Number(round.appealEnd),
      ruling: round.ruling,
      fee: round.fee,
      lockPerSeat: round.lockPerSeat,
      ticket: round.ticket,
      appellant: round.appellant,
      seats,
    });
  }
  return {
    arbitrable: info.arbitrable,
    choices: info.choices,
    phase: phase as CourtPhase,
    ruling,
    executed: info.executed,
    withdrawn: info.withdrawn,
    rounds,
  };
}
