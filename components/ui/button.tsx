import type { ComponentPropsWithRef } from "react";

const VARIANTS = {
  primary: "bg-blue-700 font-medium text-white hover:bg-blue-800",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  danger: "bg-red-700 font-medium text-white hover:bg-red-800",
  "danger-outline": "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;
const SIZES = { sm: "px-2 py-1 text-sm", md: "px-3 py-1.5 text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The product's button: a variant and a size, never class strings copied per call site. */
export function buttonClass({
  variant = "secondary",
  size = "md",
  className = "",
}: {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
  className?: string;
} = {}): string {
  return `inline-flex items-center justify-center gap-1 rounded-md disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]} ${className}`;
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentPropsWithRef<"button"> & { variant?: ButtonVariant; size?: keyof typeof SIZES }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
