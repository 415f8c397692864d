/**
 * ISO 4217 currencies the importer accepts, with their minor-unit exponent (the price goes on chain in minor
 * units: cents for USD, yen for JPY, fils for KWD).
 */
const exponents: Record<string, number> = {
  ...Object.fromEntries(
    "USD EUR GBP CAD AUD NZD CHF CNY HKD SGD INR MXN BRL ARS COP PEN ZAR SEK NOK DKK PLN CZK HUF RUB TRY ILS AED SAR QAR EGP NGN KES GHS THB MYR IDR PHP TWD PKR BDT LKR UAH RON BGN MAD"
      .split(" ")
      .map((code) => [code, 2]),
  ),
  ...Object.fromEntries("JPY KRW VND CLP ISK PYG UGX XAF XOF RWF".split(" ").map((code) => [code, 0])),
  ...Object.fromEntries("BHD KWD OMR JOD TND".split(" ").map((code) => [code, 3])),
};

/** The minor-unit exponent of an ISO 4217 code, or undefined if the importer does not know it. */
export function currencyExponent(code: string): number | undefined {
  return exponents[code];
}

/** Formats an amount in minor units as a decimal string: 129999n, 2 -> "1299.99". */
export function formatMinor(minor: bigint, exponent: number): string {
  if (exponent === 0) return minor.toString();
  const digits = minor.toString().padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
