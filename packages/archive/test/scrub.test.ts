import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { scrubText } from "../src/scrub.ts";

/** Each case: the text, and the parts of it that must not survive. */
const mustGo: Record<string, [string, string[]][]> = {
  emails: [
    ["Contact jane.doe@example.com for details", ["jane.doe", "example.com"]],
    ["email: JOHN_SMITH+ads@sub.mail.co.uk", ["JOHN_SMITH", "mail.co.uk"]],
    ["mail me at jane.doe @ gmail.com", ["jane.doe", "gmail"]],
    ["jane dot doe at gmail dot com", ["jane", "doe", "gmail"]],
    ["write to jane(at)gmail(dot)com today", ["jane", "gmail"]],
    ["jane [at] gmail [dot] com", ["jane", "gmail"]],
    ["jane{at}yahoo{dot}com", ["jane", "yahoo"]],
    ["JANE AT HOTMAIL DOT COM", ["JANE", "HOTMAIL"]],
    ["reach jane at gmail.com anytime", ["jane", "gmail"]],
    ["full width: jane＠gmail．com", ["jane", "gmail"]],
    ["hidden: jane\u200b@\u200bexample\u200b.com", ["jane", "example"]],
    ["<jane@example.org>.", ["jane", "example.org"]],
    ["no tld: jane_doe@yahoo", ["jane_doe", "yahoo"]],
    ["spelled, no tld: jane.doe at gmail", ["jane.doe", "gmail"]],
  ],
  phones: [
    ["Call (555) 123-4567 after 5pm", ["123-4567", "555"]],
    ["text 555.123.4567", ["555.123.4567"]],
    ["cell 555-123-4567", ["555-123-4567"]],
    ["+1 555 123 4567", ["555 123 4567"]],
    ["1-800-555-0199 toll free", ["800-555-0199"]],
    ["call 5551234567 now", ["5551234567"]],
    ["call 555-1234", ["555-1234"]],
    ["London +44 20 7946 0958", ["7946", "0958"]],
    ["ring 020 7946 0958", ["7946 0958"]],
    ["mobile 07700 900123", ["07700", "900123"]],
    ["Berlin +49 30 1234567", ["1234567"]],
    ["Tel. 030 1234567", ["1234567"]],
    ["Handy 0171/1234567", ["1234567"]],
    ["appelez 06 12 34 56 78", ["06 12 34 56 78"]],
    ["+33 6 12 34 56 78", ["12 34 56 78"]],
    ["01.23.45.67.89", ["01.23.45.67.89"]],
    ["India +91 98765 43210", ["98765", "43210"]],
    ["whatsapp 98765-43210", ["98765-43210"]],
    ["China 138 0013 8000", ["0013 8000"]],
    ["+86 138 0013 8000", ["0013 8000"]],
    ["Japan 090-1234-5678", ["1234-5678"]],
    ["+81 90-1234-5678", ["1234-5678"]],
    ["Brazil (11) 91234-5678", ["91234-5678"]],
    ["+55 11 91234-5678", ["91234-5678"]],
    ["Sydney 0412 345 678", ["0412 345 678"]],
    ["+61 412 345 678", ["412 345 678"]],
    ["five five five one two three four", ["five five five"]],
    ["call 555 one two three 4567", ["one two three", "4567"]],
    ["５５５-１２３-４５６７ full width", ["555-123-4567", "５５５"]],
    ["555\u200b-123-4567 hidden", ["123-4567"]],
    ["dashes 555–123–4567", ["123", "4567"]],
    ["spaced 5 5 5 1 2 3 4 5 6 7", ["5 5 5 1 2 3"]],
    ["five-five-five, one-two-three, four-five-six-seven", ["five-five-five", "four-five"]],
    ["Moscow 8 495 123-45-67", ["495 123-45-67"]],
    ["+7 495 123-45-67", ["123-45-67"]],
    ["Seoul 010-1234-5678", ["1234", "5678"]],
    ["CDMX +52 55 1234 5678", ["1234 5678"]],
    ["(555)123-4567", ["123-4567"]],
    ["Call 212-555-0147 ext. 12", ["555-0147"]],
    ["Sydney (02) 9876 5432", ["9876 5432"]],
    ["tel: +49 (0)30 1234567", ["1234567"]],
  ],
  addresses: [
    ["Pick up at 123 Main St, Springfield, IL 62704 please", ["123 Main", "62704"]],
    ["1600 Pennsylvania Avenue NW", ["1600 Pennsylvania"]],
    ["221B Baker Street", ["221B Baker"]],
    ["4500 W. Sunset Blvd Apt 5", ["4500", "Sunset", "Apt 5"]],
    ["10 Downing Street", ["10 Downing"]],
    ["Flat 3, 14 Baker Street", ["Flat 3", "14 Baker"]],
    ["at 742 evergreen terrace", ["742 evergreen"]],
    ["P.O. Box 1234", ["1234"]],
    ["PO Box 99 only", ["Box 99"]],
    ["350 5th Avenue, New York, NY 10118", ["350 5th", "10118"]],
    ["Abholung Hauptstraße 5", ["Hauptstraße 5"]],
    ["Musterstr. 12a, Köln", ["Musterstr. 12a"]],
    ["10 rue de Rivoli", ["10 rue", "Rivoli"]],
    ["Calle Mayor 5, Madrid", ["Calle Mayor 5"]],
    ["Via Roma 1", ["Via Roma 1"]],
    ["London SW1A 1AA", ["SW1A 1AA"]],
    ["Pickup: 1234 N Main Street #5, Austin TX 78701", ["1234 N Main", "#5", "78701"]],
    ["Address: 500 Oak Ave. Suite 200", ["500 Oak", "Suite 200"]],
  ],
  links: [
    ["see https://example.com/item?id=5", ["example.com", "id=5"]],
    ["http://bit.ly/abc123", ["bit.ly", "abc123"]],
    ["www.example.org/shop", ["example.org"]],
    ["more at example.com/page", ["example.com"]],
    ["shop.example.co.uk", ["example.co.uk"]],
    ["chat wa.me/15551234567", ["wa.me", "15551234567"]],
    ["t.me/janedoe", ["janedoe"]],
    ["instagram.com/jane", ["instagram.com"]],
    ["visit mystore.shop today", ["mystore"]],
    ["IG @jane.doe88", ["jane.doe88"]],
    ["@janedoe on twitter", ["janedoe"]],
    ["Venmo @jane-doe-12", ["jane-doe-12", "doe-12"]],
    ["find me on facebook.com/jane.doe or fb.me/jane", ["facebook.com", "jane.doe", "fb.me"]],
  ],
};

/** Ordinary listing text: must come back unchanged. */
const mustStay = [
  "Price $1,299.99 or best offer",
  "€45, firm",
  "Only 1500 USD",
  "iPhone 12 Pro Max 256GB, model A2342",
  "Samsung Galaxy S21 5G SM-G991B",
  "Sony WH-1000XM4 headphones",
  "MacBook Pro A1466 2013",
  "RTX 3080 Ti 10GB",
  "Nike Air Max size 10.5 US / 44 EU",
  "Jeans 32x34",
  '55" TV, 4K, 120Hz',
  "Dimensions: 24 x 36 in",
  "Canon EF 24-105mm f/4L lens",
  "4 Wheel Drive, 120,000 miles",
  "1 TB Drive included",
  "Built 2015-2019, bought 2019-05-16, serviced 05/16/2020",
  "Sizes 8 10 12 14 16 18 20 available",
  "ISBN 978-3-16-148410-0",
  "Serial number 4000123456",
  "Ships within 2-3 days via USPS",
  "Available at Best Buy for more",
  "Model year 2018, 1.5L engine, 35 mpg",
  "Works at 2.4 GHz and 5 GHz",
  "Room dimensions 12.5 x 10 ft",
  "Sold 3 units, 2 left, lot of 10-12 pcs",
  "Good condition. Pickup in Dallas, TX.",
  "Compatible with Node.js and v2.0",
  "I can meet at the mall. Nice bike. Call me maybe.",
  "10 wide court shoes, 2 tennis court bags",
  "Weight 2.5 kg, 5.5 lbs; 1080p at 60 fps",
  "Mileage 123,456; 3 owners; price 12500",
  "Pack of 3, 4-pack, 2x AA batteries, 1/2 inch",
  "Dell XPS 13 9310, i7-1165G7, 16 GB RAM, 512 GB SSD",
  "LEGO 75192 Millennium Falcon",
  "Price 1 299 €, size 42",
  "iPhone 7 32GB $150, iPhone 8 64GB $220, iPhone X 256GB $400",
  "Bought on 3/4/2019 for 450",
  "Measures 100 x 200 x 3000 mm",
  "Yamaha P-45 88 keys; HP 61XL ink 2 pack",
  "Look at yahoo answers, at gmail speeds",
  "Serial: SN 5551234567",
];

describe("scrubText", () => {
  for (const [kind, cases] of Object.entries(mustGo)) {
    test(`removes ${kind}`, () => {
      for (const [input, secrets] of cases) {
        const { text, removed } = scrubText(input);
        for (const secret of secrets) {
          assert.ok(!text.includes(secret), `"${secret}" survived in "${text}" (from "${input}")`);
        }
        const total = Object.values(removed).reduce((a, b) => a + b, 0);
        assert.ok(total > 0, `nothing was counted as removed from "${input}"`);
      }
    });
  }

  test("keeps prices, model numbers, sizes, dates and ordinary words", () => {
    for (const input of mustStay) {
      const { text } = scrubText(input);
      assert.equal(text, input.normalize("NFKC"));
    }
  });

  test("says what it removed and where", () => {
    const { text, removed } = scrubText(
      "Nikon D750, $899. Call 555-123-4567 or jane@example.com, pickup 12 Oak Street. See www.example.com",
    );
    assert.equal(
      text,
      "Nikon D750, $899. Call [phone removed] or [email removed], pickup [address removed]. See [link removed]",
    );
    assert.deepEqual(removed, { email: 1, phone: 1, address: 1, link: 1, handle: 0 });
  });

  test("collapses neighbouring placeholders of a kind", () => {
    assert.equal(scrubText("555-123-4567 / 555-765-4321").text, "[phone removed]");
  });
});
