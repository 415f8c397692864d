import { lazy, Suspense } from "react";
import { Link, Route, Switch } from "wouter";
import { Banners } from "./components/Banners.tsx";
import { WalletMenu } from "./components/WalletMenu.tsx";
import { Home } from "./pages/Home.tsx";

// Only the home page is in the first download; every other page loads when it is visited.
const Search = lazy(() => import("./pages/Search.tsx"));
const ListingPage = lazy(() => import("./pages/Listing.tsx"));
const Sell = lazy(() => import("./pages/Sell.tsx"));
const Orders = lazy(() => import("./pages/Orders.tsx"));
const Rewards = lazy(() => import("./pages/Rewards.tsx"));
const Governance = lazy(() => import("./pages/Governance.tsx"));
const Court = lazy(() => import("./pages/court/Court.tsx"));
const DisputePage = lazy(() => import("./pages/court/Dispute.tsx"));
const ArchivePage = lazy(() => import("./pages/Archive.tsx"));

export function App() {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand" aria-label="Lantern home">
          Lantern
        </Link>
        <nav aria-label="Main">
          <Link href="/search">Browse</Link>
          <Link href="/sell">Sell</Link>
          <Link href="/my-orders">My orders</Link>
          <Link href="/my-rewards">Rewards</Link>
          <Link href="/governance">Governance</Link>
          <Link href="/court">Court</Link>
          <Link href="/archive">Archive</Link>
        </nav>
        <WalletMenu />
      </header>
      <Banners />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <Switch>
            <Route path="/" component={Home} />
            <Route path="/search" component={Search} />
            <Route path="/listing/:address">{(params) => <ListingPage address={params.address} />}</Route>
            <Route path="/sell" component={Sell} />
            {/* Not /orders: that is the API's route on the same origin. */}
            <Route path="/my-orders" component={Orders} />
            {/* Not /rewards: the API answers /rewards/:address on the same origin. */}
            <Route path="/my-rewards" component={Rewards} />
            <Route path="/governance" component={Governance} />
            <Route path="/court" component={Court} />
            <Route path="/court/dispute/:id">{(params) => <DisputePage id={params.id} />}</Route>
            {/* The same URL the node renders for crawlers: the DApp takes over in the browser. */}
            <Route path="/archive">{() => <ArchivePage />}</Route>
            <Route path="/archive/:legacyId">{(params) => <ArchivePage legacyId={params.legacyId} />}</Route>
            <Route>
              <h1>Page not found</h1>
              <p>
                Nothing lives at this address. <Link href="/">Go to the home page</Link>.
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
