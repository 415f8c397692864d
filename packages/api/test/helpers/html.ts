// Pages parsed the way a browser parses them (parse5 implements the WHATWG parsing algorithm), so a test
// sees the elements and text a crawler or a browser would, not what a regular expression guesses.

import type { DefaultTreeAdapterMap } from "parse5";
import { parse } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export interface ParsedPage {
  all(predicate: (e: Element) => boolean): Element[];
  byTag(tag: string): Element[];
  meta(key: string): string | undefined;
  canonical(): string | undefined;
  jsonLd(): Record<string, unknown>[];
  title(): string;
}

export function parsePage(source: string): ParsedPage {
  const document = parse(source);
  const elements: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) elements.push(node);
    const children = "childNodes" in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if ("content" in node && node.content) walk(node.content as Node);
  };
  walk(document);
  const all = (predicate: (e: Element) => boolean) => elements.filter(predicate);
  const byTag = (tag: string) => all((e) => e.tagName === tag);
  return {
    all,
    byTag,
    meta: (key) => {
      const meta = byTag("meta").find((m) => attr(m, "property") === key || attr(m, "name") === key);
      return meta && attr(meta, "content");
    },
    canonical: () => {
      const link = byTag("link").find((l) => attr(l, "rel") === "canonical");
      return link && attr(link, "href");
    },
    jsonLd: () =>
      byTag("script")
        .filter((s) => attr(s, "type") === "application/ld+json")
        .map((s) => JSON.parse(text(s)) as Record<string, unknown>),
    title: () => text(byTag("title")[0] as Element),
  };
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function text(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  const children = "childNodes" in node ? node.childNodes : [];
  return children.map(text).join("");
}
