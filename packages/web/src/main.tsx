import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { App } from "./App.tsx";
import { loadConfig } from "./config.ts";
import { AppProvider } from "./lib/app.tsx";
import "./styles.css";
import { createWagmiConfig } from "./wallet/wagmi.ts";

const root = createRoot(document.getElementById("root") as HTMLElement);

loadConfig().then(
  (config) => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 2_000 } },
    });
    root.render(
      <StrictMode>
        <WagmiProvider config={createWagmiConfig(config)}>
          <QueryClientProvider client={queryClient}>
            <AppProvider config={config}>
              <App />
            </AppProvider>
          </QueryClientProvider>
        </WagmiProvider>
      </StrictMode>,
    );
  },
  (error: Error) => {
    root.render(
      <main className="page">
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      </main>,
    );
  },
);
