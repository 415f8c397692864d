import { bytesToBigInt, bytesToString, hexToBigInt, keccak256, numberToBytes, stringToBytes } from "viem";
import { ValidationError } from "../../errors/errors.ts";

const TOP = 248n;
const NUMBER_LIMIT = 1n << TOP;
const HASHED = 0xffn;

/**
 * The uint256 an old marketplace's id is archived under (contracts/src/interfaces/IArchive.sol): a decimal id
 * from 1 to 2^248 - 1 without leading zeros is that number; any other id of 1 to 31 UTF-8 bytes is its
 * length in the top byte and its bytes right-aligned; a longer id is 0xff in the top byte and its keccak256
 * without the last byte. Dense numeric ids share the archive's storage words, so they cost least.
 */
export function encodeLegacyId(id: string): bigint {
  if (id.length === 0) throw new ValidationError("A legacy id cannot be empty.");
  if (/^[1-9][0-9]*$/.test(id)) {
    const value = BigInt(id);
    if (value < NUMBER_LIMIT) return value;
  }
  const bytes = stringToBytes(id);
  if (bytes.length <= 31) return (BigInt(bytes.length) << TOP) | bytesToBigInt(bytes);
  return (HASHED << TOP) | (hexToBigInt(keccak256(bytes)) >> 8n);
}

/**
 * The id `encodeLegacyId` encoded, or undefined for an id longer than 31 bytes (stored as a hash; its text
 * is in the record's content document). Throws a `ValidationError` for a value no id encodes to.
 */
export function decodeLegacyId(value: bigint): string | undefined {
  if (value <= 0n || value >> 256n !== 0n) throw new ValidationError(`${value} is not an encoded legacy id.`);
  const top = value >> TOP;
  if (top === 0n) return value.toString();
  if (top === HASHED) return undefined;
  if (top > 31n) throw new ValidationError(`${value} is not an encoded legacy id (top byte ${top}).`);
  const length = Number(top);
  const body = value & (NUMBER_LIMIT - 1n);
  if (body >> BigInt(8 * length) !== 0n || body === 0n) {
    throw new ValidationError(`${value} is not an encoded legacy id (length ${length}).`);
  }
  return bytesToString(numberToBytes(body, { size: length }));
}
