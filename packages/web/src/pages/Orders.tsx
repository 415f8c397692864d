import { getOrders, type OrderRecord } from "@lantern/sdk";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { OrderCard } from "../components/OrderCard.tsx";
import { useAddress, useApp } from "../lib/app.tsx";

type Role = "buyer" | "seller";

/** The connected account's orders, as buyer and as seller, rebuilt from the chain's events. */
export default function Orders() {
  const account = useAddress();
  const [role, setRole] = useState<Role>("buyer");
  if (!account) {
    return (
      <>
        <h1>My orders</h1>
        <p className="notice">Connect a wallet (top right) to see your orders.</p>
      </>
    );
  }
  return (
    <>
      <h1>My orders</h1>
      <div role="tablist" aria-label="Orders as" className="tabs">
        {(["buyer", "seller"] as const).map((r) => (
          <button
            key={r}
            type="button"
            role="tab"
            id={`tab-${r}`}
            aria-selected={role === r}
            aria-controls="orders-panel"
            tabIndex={role === r ? 0 : -1}
            onClick={() => setRole(r)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                const next = r === "buyer" ? "seller" : "buyer";
                setRole(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {r === "buyer" ? "Bought" : "Sold"}
          </button>
        ))}
      </div>
      <div id="orders-panel" role="tabpanel" aria-labelledby={`tab-${role}`}>
        <OrderList role={role} account={account} />
      </div>
    </>
  );
}

function OrderList({ role, account }: { role: Role; account: `0x${string}` }) {
  const { read } = useApp();
  const orders = useQuery({
    queryKey: ["orders", role, account],
    queryFn: () => getOrders(read, role === "buyer" ? { buyer: account } : { seller: account }),
    // The other party's actions show up without a reload.
    refetchInterval: 3_000,
  });
  if (orders.isPending) return <p aria-busy="true">Reading your orders from the chain…</p>;
  if (orders.isError) return <p role="alert">Your orders could not be read: {orders.error.message}</p>;
  const list: OrderRecord[] = [...orders.data].reverse();
  if (list.length === 0)
    return (
      <p>{role === "buyer" ? "You have not bought anything yet." : "You have not sold anything yet."}</p>
    );
  return (
    <ul className="orders">
      {list.map((order) => (
        <li key={String(order.orderId)}>
          <OrderCard order={order} role={role} />
        </li>
      ))}
    </ul>
  );
}
