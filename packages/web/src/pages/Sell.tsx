import {
  createListing,
  encodeListingMetadata,
  type ListingMetadataInput,
  listingConditions,
} from "@lantern/sdk";
import { type FormEvent, useState } from "react";
import { flushSync } from "react-dom";
import { useLocation } from "wouter";
import { Field } from "../components/Field.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { useApp, useWriteContext } from "../lib/app.tsx";
import { categories } from "../lib/categories.ts";
import { useCurrencies } from "../lib/currencies.ts";
import { type Currency, NATIVE } from "../lib/format.ts";
import { ensureShippingKeyPublished } from "../lib/shippingKey.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { checkImages, checkText, parseAmount, parseWhole } from "../lib/validate.ts";

interface Form {
  title: string;
  description: string;
  category: string;
  condition: (typeof listingConditions)[number];
  price: string;
  quantity: string;
  location: string;
  /** The currency's address; the native coin unless the seller picks an approved token. */
  currency: string;
}

type Errors = Partial<Record<keyof Form | "images", string>>;

const empty: Form = {
  title: "",
  description: "",
  category: "",
  condition: "new",
  price: "",
  quantity: "1",
  location: "",
  currency: NATIVE.address,
};

function validate(form: Form, images: File[], currency: Currency): Errors {
  const errors: Errors = {};
  const set = (key: keyof Errors, error: string | undefined) => {
    if (error) errors[key] = error;
  };
  set("title", checkText(form.title, 1, 140, "A title"));
  set("description", checkText(form.description, 0, 20_000, "The description"));
  set("category", form.category ? undefined : "Choose a category.");
  set("price", parseAmount(form.price, currency.decimals).error);
  set("quantity", parseWhole(form.quantity, 1, 1_000_000, "The quantity").error);
  set("location", checkText(form.location, 0, 100, "The location"));
  set("images", checkImages(images));
  return errors;
}

/** Lists an item: images and the metadata document to the content store, then one listing contract. */
export default function Sell() {
  const { api } = useApp();
  const context = useWriteContext();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<Form>(empty);
  const [images, setImages] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const tx = useTransaction();
  const currencies = useCurrencies().data ?? [NATIVE];
  const currency = currencies.find((c) => c.address === form.currency) ?? NATIVE;

  const update = (key: keyof Form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(form, images, currency);
    // Rendered now, so the first invalid field exists to take the focus below.
    flushSync(() => setErrors(found));
    if (Object.keys(found).length > 0) {
      // Keyboard and screen-reader users land on the first field to fix.
      document
        .querySelector<HTMLElement>(".field.invalid input, .field.invalid select, .field.invalid textarea")
        ?.focus();
      return;
    }
    if (!context) return;
    const result = await tx.run("Listing your item", async () => {
      const imageCids: string[] = [];
      for (const file of images) {
        imageCids.push(await api.upload(new Uint8Array(await file.arrayBuffer()), file.type));
      }
      const metadata: ListingMetadataInput = {
        title: form.title.trim(),
        description: form.description.trim(),
        category: form.category,
        condition: form.condition,
        images: imageCids,
        ...(form.location.trim() ? { location: form.location.trim() } : {}),
      };
      const { bytes, cid } = encodeListingMetadata(metadata);
      const stored = await api.upload(bytes, "application/json");
      if (stored !== cid.toString())
        throw new Error(`The content store filed the listing under ${stored}, not ${cid}.`);
      // Buyers encrypt their address to the seller's key: publish it before the first listing.
      await ensureShippingKeyPublished(context);
      return createListing(context, {
        price: parseAmount(form.price, currency.decimals).amount as bigint,
        currency: currency.address,
        stock: BigInt(form.quantity.trim()),
        metadataCid: stored,
        title: metadata.title,
        category: metadata.category,
        location: form.location.trim(),
      });
    });
    if (result) navigate(`/listing/${result.listing}`);
  }

  return (
    <section aria-labelledby="sell-title">
      <h1 id="sell-title">Sell an item</h1>
      <p>
        Your listing becomes a contract of its own on the chain; buyers pay you directly or through the
        escrow.
      </p>
      <form onSubmit={submit} noValidate className="form">
        <Field
          label="Images"
          hint="JPEG, PNG or WebP, up to 5 MB each; the first is the cover."
          error={errors.images}
        >
          {(props) => (
            <input
              {...props}
              name="images"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp"
              onChange={(event) => setImages([...(event.target.files ?? [])])}
            />
          )}
        </Field>
        <Field label="Title" error={errors.title}>
          {(props) => <input {...props} name="title" value={form.title} onChange={update("title")} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => (
            <textarea
              {...props}
              name="description"
              rows={5}
              value={form.description}
              onChange={update("description")}
            />
          )}
        </Field>
        <Field label="Category" error={errors.category}>
          {(props) => (
            <select {...props} name="category" value={form.category} onChange={update("category")}>
              <option value="">Choose…</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Condition" error={errors.condition}>
          {(props) => (
            <select {...props} name="condition" value={form.condition} onChange={update("condition")}>
              {listingConditions.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Currency" hint="The native coin, or a token the DAO approved.">
          {(props) => (
            <select {...props} name="currency" value={form.currency} onChange={update("currency")}>
              {currencies.map((c) => (
                <option key={c.address} value={c.address}>
                  {c.symbol}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Price (${currency.symbol})`} hint="Per item." error={errors.price}>
          {(props) => (
            <input
              {...props}
              name="price"
              inputMode="decimal"
              value={form.price}
              onChange={update("price")}
            />
          )}
        </Field>
        <Field label="Quantity" error={errors.quantity}>
          {(props) => (
            <input
              {...props}
              name="quantity"
              inputMode="numeric"
              value={form.quantity}
              onChange={update("quantity")}
            />
          )}
        </Field>
        <Field
          label="Location"
          hint="Optional: a city or region buyers can search by."
          error={errors.location}
        >
          {(props) => (
            <input {...props} name="location" value={form.location} onChange={update("location")} />
          )}
        </Field>
        {context ? (
          <button type="submit" disabled={tx.pending}>
            List it
          </button>
        ) : (
          <p className="notice">Connect a wallet (top right) to list an item.</p>
        )}
        <TxStatus state={tx.state} />
      </form>
    </section>
  );
}
