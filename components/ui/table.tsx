import type { ComponentPropsWithoutRef, ReactNode } from "react";

/** A data table: scrolls sideways on narrow screens, header cells start-aligned (right in Arabic). */
export function Table({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

/** The column headers; an empty label is read as `srLabel` (e.g. "Actions"). */
export function TableHead({ columns }: { columns: readonly { label: string; srOnly?: boolean }[] }) {
  return (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className="px-2 py-2 text-start font-medium">
            {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TableRow(props: ComponentPropsWithoutRef<"tr">) {
  return <tr className="border-b border-slate-100" {...props} />;
}

/** The row's name cell: a row header, so each cell is read with it. */
export function RowHeader({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <th scope="row" className={`px-2 py-2 text-start font-medium ${className}`}>
      {children}
    </th>
  );
}

export function Cell({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`px-2 py-2 ${className}`}>{children}</td>;
}
