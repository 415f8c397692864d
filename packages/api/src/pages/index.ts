import { archivePage } from "./archivePage.ts";
import { categoryPage } from "./categoryPage.ts";
import { openSearch, robotsTxt } from "./discovery.ts";
import { categoryFeed, listingsFeed } from "./feeds.ts";
import { listingPage } from "./listingPage.ts";
import type { PageRoute } from "./page.ts";
import { searchPage } from "./searchPage.ts";
import { sellerPage } from "./sellerPage.ts";
import { sitemapFile, sitemapIndex } from "./sitemaps.ts";

/** Every server-rendered page, feed and discovery document the API serves. */
export const PAGES: readonly PageRoute[] = [
  listingPage,
  sellerPage,
  categoryPage,
  searchPage,
  archivePage,
  robotsTxt,
  sitemapIndex,
  sitemapFile,
  listingsFeed,
  categoryFeed,
  openSearch,
];

export { type PageContext, type PageRoute, sendPage } from "./page.ts";
export { createSite, type PagesOptions } from "./site.ts";
