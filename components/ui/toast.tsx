"use client";
import * as RadixToast from "@radix-ui/react-toast";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

type Toast = { id: number; message: string; tone: "success" | "error" };
const ToastContext = createContext<(message: string, tone?: Toast["tone"]) => void>(() => {});

/**
 * Short confirmations ("Role changed") on Radix's toast: announced politely, kept while hovered or
 * focused, F8 jumps to them. Errors that need action stay in the form, not here.
 */
export function ToastProvider({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: string, tone: Toast["tone"] = "success") => {
    setToasts((list) => [...list.slice(-2), { id: Date.now() + Math.random(), message, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider duration={5000}>
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) setToasts((list) => list.filter((t) => t.id !== toast.id));
            }}
            className={`flex items-center gap-3 rounded-md px-4 py-2 text-sm shadow-lg ring-1 ${
              toast.tone === "error"
                ? "bg-red-50 text-red-900 ring-red-200"
                : "bg-white text-slate-900 ring-slate-200"
            }`}
          >
            <RadixToast.Description>{toast.message}</RadixToast.Description>
            <RadixToast.Close aria-label={closeLabel} className="ms-auto rounded px-1 hover:bg-slate-100">
              ×
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed bottom-4 end-4 z-[60] flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2 outline-none" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
