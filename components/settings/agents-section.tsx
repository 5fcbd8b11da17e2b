"use client";
import { lazy, Suspense, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { AGENT_BLOCKED_KEY_ENV_RETIRED } from "@/server/ai/blocked-reasons";
import type { AgentConfigOutput } from "@/server/ai/schemas";
import type { AgentOutput } from "@/server/workspace/schemas";

const AgentForm = lazy(() =>
  import("@/components/settings/agent-form").then((module) => ({ default: module.AgentForm })),
);

/**
 * The workspace's AI agents. Owners and admins see each agent's whole configuration and change
 * it; agents (the role) see the same list read-only, from the members' agent list, which leaves
 * out endpoints, keys and instructions.
 */
export function AgentsSection() {
  const t = useStrings("settings");
  const me = trpc.v1.workspace.me.useQuery();
  if (me.isPending) return <p className="text-sm text-slate-500">{t.loading}</p>;
  if (me.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {t.loadFailed}
      </p>
    );
  return me.data.role === "agent" ? <ReadOnlyAgents /> : <EditableAgents />;
}

function ReadOnlyAgents() {
  const t = useStrings("settings");
  const agents = trpc.v1.workspace.agents.useQuery();
  return (
    <div className="space-y-6">
      <p className="max-w-prose text-sm text-slate-600">{t.agentsIntro}</p>
      <p className="text-sm text-slate-700">{t.agentsReadOnly}</p>
      <AgentsTable query={agents} />
    </div>
  );
}

function EditableAgents() {
  const t = useStrings("settings");
  const utils = trpc.useUtils();
  const agents = trpc.v1.ai.agents.list.useQuery();
  const [editing, setEditing] = useState<AgentConfigOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<AgentConfigOutput | null>(null);
  const newAgent = useRef<HTMLButtonElement>(null);
  const remove = trpc.v1.ai.agents.delete.useMutation({
    onSuccess: ({ id }) => {
      utils.v1.ai.agents.list.setData(undefined, (list) => list?.filter((agent) => agent.id !== id));
      void utils.v1.workspace.agents.invalidate();
      setDeleting(null);
      // The row, and its Delete button that had focus, are gone.
      requestAnimationFrame(() => newAgent.current?.focus());
    },
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-prose text-sm text-slate-600">{t.agentsIntro}</p>
        <Button ref={newAgent} onClick={() => setEditing("new")} variant="primary">
          {t.newAgent}
        </Button>
      </div>
      <AgentsTable
        query={agents}
        actions={(agent) => {
          const config = agents.data?.find((a) => a.id === agent.id);
          if (!config) return null;
          return (
            <span className="flex justify-end gap-2">
              <Button
                onClick={() => setEditing(config)}
                aria-label={format(t.editAgentNamed, { name: agent.name })}
                variant="secondary"
                size="sm"
              >
                {t.edit}
              </Button>
              <Button
                onClick={() => setDeleting(config)}
                aria-label={format(t.deleteAgentNamed, { name: agent.name })}
                variant="danger-outline"
                size="sm"
              >
                {t.delete}
              </Button>
            </span>
          );
        }}
      />
      {editing ? (
        <Suspense fallback={null}>
          <AgentForm agent={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
        </Suspense>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t.deleteTitle}
          body={format(t.deleteBody, { name: deleting.name })}
          confirmLabel={t.deleteConfirm}
          cancelLabel={t.cancel}
          pendingLabel={t.deleting}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate({ id: deleting.id })}
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
        />
      ) : null}
    </div>
  );
}

type AgentRow = Pick<
  AgentOutput,
  "id" | "name" | "provider" | "model" | "mode" | "internal" | "isDefault"
> & {
  /** Admins' list only: why the agent does not run. */
  blockedReason?: string | null;
};

function AgentsTable({
  query,
  actions,
}: {
  query: { isPending: boolean; isError: boolean; data?: AgentRow[] };
  actions?: (agent: AgentRow) => React.ReactNode;
}) {
  const t = useStrings("settings");
  const providerLabel = {
    builtin: t.providerBuiltinShort,
    openai_compatible: t.providerOpenaiShort,
    anthropic: t.providerAnthropicShort,
  };
  const modeLabel = { reply: t.modeReply, draft: t.modeDraft };
  const header = (label: string) => (
    <th scope="col" className="px-2 py-2 text-start font-medium">
      {label}
    </th>
  );
  return (
    <>
      {query.isPending ? (
        <p className="text-sm text-slate-500">{t.loading}</p>
      ) : query.isError || !query.data ? (
        <p role="alert" className="text-sm text-red-700">
          {t.loadFailed}
        </p>
      ) : query.data.length === 0 ? (
        <p className="text-sm text-slate-500">{t.noAgents}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {header(t.agentName)}
                {header(t.columnProvider)}
                {header(t.columnModel)}
                {header(t.columnMode)}
                {actions ? (
                  <th scope="col" className="px-2 py-2">
                    <span className="sr-only">{t.columnActions}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {query.data.map((agent) => (
                <tr key={agent.id} data-agent-id={agent.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-2 py-2 text-start font-medium">
                    {agent.name}
                    <span className="mt-1 flex flex-wrap gap-1 font-normal">
                      {agent.isDefault ? (
                        <span className="rounded-full bg-blue-50 px-2 py-0.5 text-xs text-blue-900">
                          {t.default}
                        </span>
                      ) : null}
                      {agent.blockedReason ? (
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">
                          {t.paused}
                        </span>
                      ) : null}
                      {agent.internal ? (
                        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs text-amber-900">
                          {t.internalNotes}
                        </span>
                      ) : null}
                    </span>
                    {agent.blockedReason ? (
                      <span className="mt-1 block max-w-prose text-xs font-normal text-amber-950">
                        {agent.blockedReason === AGENT_BLOCKED_KEY_ENV_RETIRED
                          ? t.blockedKeyEnvRetired
                          : t.blockedOther}
                      </span>
                    ) : null}
                  </th>
                  <td className="px-2 py-2">{providerLabel[agent.provider]}</td>
                  <td className="px-2 py-2">
                    <code dir="ltr" className="font-mono text-xs">
                      {agent.model}
                    </code>
                  </td>
                  <td className="px-2 py-2">{modeLabel[agent.mode]}</td>
                  {actions ? <td className="px-2 py-2">{actions(agent)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
