import { useState } from "react";
import { formatEther } from "viem";
import { useBalance, useConnect, useConnection, useConnectors, useDisconnect } from "wagmi";
import { shortAddress } from "../lib/format.ts";
import { reasonOf } from "../lib/useTransaction.ts";
import { devAccounts, selectedDevAccount, switchDevAccount } from "../wallet/devWallet.ts";

/** Connect an injected wallet (or, on a local chain, the development wallet); switch development accounts. */
export function WalletMenu() {
  const { address, connector, status } = useConnection();
  const connectors = useConnectors();
  const { mutate: connect, error, isPending } = useConnect();
  const { mutate: disconnect } = useDisconnect();
  const [devIndex, setDevIndex] = useState(selectedDevAccount);

  if (status === "connected" && address) {
    const isDev = connector?.id === "lanternDevWallet";
    return (
      <div className="wallet" data-wallet="connected">
        <Balance address={address} />
        {isDev ? (
          <label className="dev-account">
            <span className="tag">Dev wallet · local only</span>
            <span className="visually-hidden">Development account</span>
            <select
              aria-label="Development account"
              value={devIndex}
              onChange={(event) => {
                const index = Number(event.target.value);
                setDevIndex(index);
                switchDevAccount(index);
              }}
            >
              {devAccounts.map((account, index) => (
                <option key={account.address} value={index}>
                  Account {index} ({shortAddress(account.address)})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="address" title={address}>
            {shortAddress(address)}
          </span>
        )}
        <button type="button" className="secondary" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    );
  }

  // The injected connector is listed even without an extension; it then fails with a clear reason.
  return (
    <div className="wallet" data-wallet="disconnected">
      {connectors.map((c) => (
        <button key={c.uid} type="button" disabled={isPending} onClick={() => connect({ connector: c })}>
          {c.id === "lanternDevWallet"
            ? "Use development wallet"
            : `Connect ${c.name === "Injected" ? "browser wallet" : c.name}`}
        </button>
      ))}
      {error ? (
        <small className="error" role="alert">
          {(error as Error).name === "ProviderNotFoundError"
            ? "No browser wallet found: install one (for example MetaMask or Rabby) and reload."
            : reasonOf(error)}
        </small>
      ) : null}
    </div>
  );
}

/** The account's balance in the native coin, kept current while trades settle. */
function Balance({ address }: { address: `0x${string}` }) {
  const { data } = useBalance({ address, query: { refetchInterval: 3_000 } });
  if (!data) return null;
  const [whole, fraction = ""] = formatEther(data.value).split(".");
  return (
    <span className="balance" data-balance={String(data.value)}>
      {whole}
      {fraction ? `.${fraction.slice(0, 4)}` : ""} ETH
    </span>
  );
}
