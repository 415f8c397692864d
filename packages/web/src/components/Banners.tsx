import { useQuery } from "@tanstack/react-query";
import { useApp } from "../lib/app.tsx";

/**
 * Says plainly when the API or the chain cannot be reached, so a page never just stays empty. Both are
 * checked every few seconds and the banner goes away by itself when they come back.
 */
export function Banners() {
  const { api, read, config } = useApp();
  const health = useQuery({
    queryKey: ["health"],
    queryFn: ({ signal }) => api.get<Record<string, unknown>>("/health", {}, signal),
    refetchInterval: 5_000,
    retry: false,
  });
  const chain = useQuery({
    queryKey: ["chainHead"],
    queryFn: () => read.publicClient.getBlockNumber({ cacheTime: 0 }),
    refetchInterval: 5_000,
    retry: false,
  });
  return (
    <div className="banners">
      {config.devWallet ? (
        <p className="banner banner-dev">
          Local development chain ({config.chainName}): test accounts and play money only.
        </p>
      ) : null}
      {health.isError ? (
        <p className="banner banner-error" role="alert" data-banner="api">
          The Lantern API cannot be reached, so search, listings' details and uploads are unavailable. The
          page retries by itself.
        </p>
      ) : null}
      {chain.isError ? (
        <p className="banner banner-error" role="alert" data-banner="chain">
          The chain ({config.rpcUrl}) cannot be reached, so nothing can be bought or sold right now. The page
          retries by itself.
        </p>
      ) : null}
    </div>
  );
}
