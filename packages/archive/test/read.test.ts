import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import {
  CsvSplitter,
  FieldReader,
  parseCsvRecord,
  parseDate,
  parsePrice,
  RowError,
  readRows,
} from "../src/index.ts";
import { temporaryDir } from "./helpers/chain.ts";

describe("CSV", () => {
  test("reads quotes, doubled quotes, commas and newlines inside quoted fields", () => {
    assert.deepEqual(parseCsvRecord('1,"Nikon, D750","say ""hi""",,x'), [
      "1",
      "Nikon, D750",
      'say "hi"',
      "",
      "x",
    ]);
    assert.deepEqual(parseCsvRecord('"a\nb"'), ["a\nb"]);
    assert.deepEqual(parseCsvRecord(""), [""]);
  });

  test("says why a record is malformed", () => {
    assert.match(parseCsvRecord('1,"open') as string, /never closed/);
    assert.match(parseCsvRecord('1,"closed"junk,2') as string, /after the closing quote/);
  });

  test("numbers records by the line they start on, across chunks of any size", () => {
    const text = 'id,text\r\n1,"two\r\nlines"\r\n\r\n2,plain\r\n3,"a ""quoted"" word"\n4,last';
    for (const size of [1, 2, 3, 7, text.length]) {
      const splitter = new CsvSplitter();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...splitter.push(text.slice(i, i + size)));
      records.push(...splitter.end());
      assert.deepEqual(
        records.map((r) => [r.line, r.fields]),
        [
          [1, ["id", "text"]],
          [2, ["1", "two\r\nlines"]],
          [5, ["2", "plain"]],
          [6, ["3", 'a "quoted" word']],
          [7, ["4", "last"]],
        ],
        `chunks of ${size}`,
      );
    }
  });
});

describe("readRows", () => {
  const { dir, cleanup } = temporaryDir("rows");
  after(cleanup);

  test("keys CSV rows by their header, reporting rows with the wrong number of fields", async () => {
    const file = path.join(dir, "a.csv");
    writeFileSync(file, '\ufeffID, Seller Id ,Title\n1,u1,"A, B"\n2,u2\n3,u3,"never closed\n');
    const rows = [];
    for await (const row of readRows(file, "csv").rows) rows.push(row);
    assert.deepEqual(rows[0]?.values, { id: "1", seller_id: "u1", title: "A, B" });
    assert.equal(rows[1]?.line, 3);
    assert.match(rows[1]?.error ?? "", /expected 3 fields/);
    assert.equal(rows[2]?.line, 4);
    assert.match(rows[2]?.error ?? "", /never closed/);
  });

  test("reads JSON Lines, reporting lines that are not JSON objects", async () => {
    const file = path.join(dir, "a.jsonl");
    writeFileSync(file, '{"ID":1,"Title":"x"}\n\n{not json}\n[1,2]\r\n{"id":"4"}');
    const rows = [];
    for await (const row of readRows(file, "jsonl").rows) rows.push(row);
    assert.deepEqual(
      rows.map((r) => [r.line, r.values ?? r.error?.slice(0, 14)]),
      [
        [1, { id: 1, title: "x" }],
        [3, "not valid JSON"],
        [4, "each line must"],
        [5, { id: "4" }],
      ],
    );
  });
});

describe("FieldReader", () => {
  const listing = {
    id: "10001",
    seller_id: "u1",
    title: "Nikon D750",
    price: "1,299.99",
    currency: "usd",
    category: "cameras",
    created_at: "2019-03-01T12:00:00Z",
    images: "images/a.png| https://example.com/b.jpg",
  };
  const fields = new FieldReader();

  test("reads a listing with the default column names", () => {
    const record = fields.read(2, listing);
    assert.equal(record.kind, "listing");
    if (record.kind !== "listing") return;
    assert.deepEqual(record.price, { amount: "1299.99", minor: 129_999n, currency: "USD" });
    assert.equal(record.createdAt, Date.UTC(2019, 2, 1, 12) / 1000);
    assert.deepEqual(record.images, ["images/a.png", "https://example.com/b.jpg"]);
  });

  test("reads a review, told apart by its rating", () => {
    const record = fields.read(3, {
      id: "1",
      listing_id: "10001",
      reviewer_id: "u2",
      rating: 5,
      created_at: 1551441600,
    });
    assert.equal(record.kind, "review");
  });

  test("uses a custom column mapping", () => {
    const mapped = new FieldReader({ mapping: { title: "Item Name" }, defaultCurrency: "EUR" });
    const { title: _, currency: __, ...rest } = listing;
    const record = mapped.read(2, { ...rest, item_name: "Renamed" });
    assert.equal(record.kind === "listing" && record.title, "Renamed");
    assert.equal(record.kind === "listing" && record.price.currency, "EUR");
  });

  test("rejects bad prices, dates, ratings and ids with the reason", () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...listing, price: "12,99" }, /price "12,99" is not a decimal number/],
      [{ ...listing, price: "1.999" }, /more decimals than USD/],
      [{ ...listing, price: "0" }, /is zero/],
      [{ ...listing, price: "free" }, /not a decimal number/],
      [{ ...listing, currency: "XYZ" }, /currency "XYZ"/],
      [{ ...listing, created_at: "03/01/2019" }, /not ISO 8601/],
      [{ ...listing, created_at: "2019-02-30" }, /does not exist/],
      [{ ...listing, created_at: "1989-01-01" }, /between 1995 and today/],
      [{ ...listing, created_at: "2999-01-01" }, /between 1995 and today/],
      [{ ...listing, title: "" }, /no title/],
      [{ ...listing, title: "x".repeat(141) }, /title is longer than 140/],
      [{ ...listing, id: "10 001" }, /spaces or control characters/],
      [{ ...listing, images: "[1,2]" }, /images is not a list/],
      [{ ...listing, kind: "auction" }, /neither listing nor review/],
      [
        { id: "1", listing_id: "2", reviewer_id: "u", rating: "4.5", created_at: "2019-01-01" },
        /rating "4.5"/,
      ],
      [{ id: "1", listing_id: "2", reviewer_id: "u", rating: "6", created_at: "2019-01-01" }, /rating "6"/],
    ];
    for (const [row, reason] of bad)
      assert.throws(
        () => fields.read(9, row),
        (e: unknown) => e instanceof RowError && reason.test(e.message),
      );
  });

  test("refuses a header without a column every row needs, at line 1", () => {
    assert.throws(
      () => fields.checkColumns(["id", "seller_id", "title", "currency", "category", "created_at"]),
      /Line 1: the header has no price column/,
    );
    assert.doesNotThrow(() =>
      fields.checkColumns(["id", "listing_id", "reviewer_id", "rating", "created_at"]),
    );
  });

  test("parses prices in each currency's minor units and dates in every accepted form", () => {
    assert.equal(parsePrice("1500", "JPY").minor, 1500n);
    assert.equal(parsePrice("1.5", "KWD").minor, 1500n);
    assert.equal(parsePrice("$19.9", "USD").amount, "19.90");
    const noon = Date.UTC(2019, 2, 1, 12) / 1000;
    for (const form of [
      "2019-03-01T12:00:00Z",
      "2019-03-01 12:00:00",
      "2019-03-01T14:00:00+02:00",
      String(noon),
      `${noon}000`,
    ]) {
      assert.equal(parseDate(form), noon, form);
    }
  });
});
