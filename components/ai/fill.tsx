import type { ReactNode } from "react";

/** A UI string with its values isolated (agent names, the server's English errors), so each keeps its own direction. */
export function fill(template: string, values: Record<string, string | number>): ReactNode {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    const value = key === undefined ? undefined : values[key];
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order.
    return value === undefined ? part : <bdi key={index}>{value}</bdi>;
  });
}
