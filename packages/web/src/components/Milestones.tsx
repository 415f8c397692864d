import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useApp } from "../lib/app.tsx";

interface Milestone {
  label?: string;
  title?: string;
  kind?: string;
  legacyId?: string;
  listedAt?: number | string | null;
}

/** The archive's milestone records (the old marketplace's history on chain); nothing while there is no archive. */
export function Milestones() {
  const { api } = useApp();
  const milestones = useQuery({
    queryKey: ["archiveMilestones"],
    queryFn: ({ signal }) => api.get<{ items: Milestone[] }>("/archive/milestones", {}, signal),
    retry: false,
  });
  const items = milestones.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">From the archive</h2>
      <ul className="milestones">
        {items.map((m) => (
          <li key={`${m.kind}-${m.legacyId}`}>
            {m.kind === "listing" && m.legacyId ? (
              <Link href={`/archive/${encodeURIComponent(m.legacyId)}`}>
                <strong>{m.label ?? m.title}</strong>
              </Link>
            ) : (
              <strong>{m.label ?? m.title}</strong>
            )}
            {m.label && m.title ? ` — ${m.title}` : ""}{" "}
            <small className="hint">
              (legacy {m.kind} {m.legacyId})
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
