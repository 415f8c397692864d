import { parseUnits } from "viem";

const utf8 = new TextEncoder();

/** The reason a text is out of its byte bounds (the contracts count UTF-8 bytes), or undefined. */
export function checkText(value: string, min: number, max: number, what: string): string | undefined {
  const bytes = utf8.encode(value.trim()).length;
  if (bytes < min) return `${what} is required.`;
  if (bytes > max) return `${what} is ${bytes} bytes long; at most ${max} bytes are allowed.`;
  return undefined;
}

/** A positive decimal amount in the currency's units, or the reason it is not one. */
export function parseAmount(value: string, decimals: number): { amount?: bigint; error?: string } {
  const text = value.trim();
  if (!text) return { error: "Enter a price." };
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: "Use digits and at most one decimal point, like 12.50." };
  const fraction = text.split(".")[1] ?? "";
  if (fraction.length > decimals) return { error: `At most ${decimals} decimal places.` };
  const amount = parseUnits(text, decimals);
  if (amount <= 0n) return { error: "The price must be above zero." };
  return { amount };
}

/** A whole number in [min, max], or the reason it is not one. */
export function parseWhole(
  value: string,
  min: number,
  max: number,
  what: string,
): { n?: number; error?: string } {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return { error: `${what} must be a whole number.` };
  const n = Number(text);
  if (n < min || n > max) return { error: `${what} must be from ${min} to ${max}.` };
  return { n };
}

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 24;

/** Why a set of chosen files cannot be the listing's images, or undefined. */
export function checkImages(files: readonly File[]): string | undefined {
  if (files.length > MAX_IMAGES) return `At most ${MAX_IMAGES} images.`;
  for (const file of files) {
    if (!IMAGE_TYPES.includes(file.type)) return `${file.name} is not a JPEG, PNG or WebP image.`;
    if (file.size > MAX_IMAGE_BYTES) return `${file.name} is over 5 MB.`;
  }
  return undefined;
}
