import { describe, expect, it } from "vitest";
import { renderTemplateText } from "@/server/connect/templates";
import {
  fillTemplate,
  malformedVariable,
  renderTemplateParts,
  variablePaths,
} from "@/server/templates/variables";

describe("template variables", () => {
  const text = 'Hi {{customer.name | "there"}}, order {{ order.id }} — {{agent.name|"the team"}}';

  it("fills values, falls back when there is none, and leaves a variable with neither as written", () => {
    expect(
      fillTemplate(text, { customer: { name: "Layla" }, order: { id: 7 }, agent: { name: "Dana" } }),
    ).toBe("Hi Layla, order 7 — Dana");
    expect(fillTemplate(text, { customer: { name: "  " }, order: { id: 7 } })).toBe(
      "Hi there, order 7 — the team",
    );
    expect(fillTemplate(text, {})).toBe("Hi there, order {{ order.id }} — the team");
  });

  it("marks where each variable's text came from, for the editor's preview", () => {
    const parts = renderTemplateParts(text, { customer: { name: null }, order: { id: 7 } });
    expect(parts.filter((p) => p.kind === "variable").map((p) => [p.path, p.from, p.text])).toEqual([
      ["customer.name", "fallback", "there"],
      ["order.id", "value", "7"],
      ["agent.name", "fallback", "the team"],
    ]);
  });

  it("reads escaped quotes in a fallback, and Arabic ones", () => {
    expect(fillTemplate('{{a | "say \\"hi\\""}}', {})).toBe('say "hi"');
    expect(fillTemplate('مرحباً {{customer.name | "عميلنا العزيز"}}', {})).toBe("مرحباً عميلنا العزيز");
  });

  it("lists each variable's path once", () => {
    expect(variablePaths(`${text} {{order.id}}`)).toEqual(["customer.name", "order.id", "agent.name"]);
  });

  it("the API's renderer agrees, and names a variable with no value and no fallback", () => {
    expect(renderTemplateText(text, { order: { id: 7 } })).toBe("Hi there, order 7 — the team");
    expect(() => renderTemplateText(text, { customer: { name: "X" } })).toThrow(
      /^templateContext\.order\.id: /,
    );
  });

  it("never reads the prototype or runs anything", () => {
    expect(fillTemplate('{{constructor.name | "safe"}} {{__proto__.x}}', {})).toBe("safe {{__proto__.x}}");
    expect(fillTemplate("{{a.b}}", { a: { b: { toString: () => "code" } } })).toBe("{{a.b}}");
  });

  it("finds what is not a variable: an unquoted fallback, a stray pair of braces", () => {
    expect(malformedVariable(text)).toBeNull();
    expect(malformedVariable("Hi {{customer.name | there}}")).toBe("{{customer.name | there}}");
    expect(malformedVariable("Hi {{ }} and")).toBe("{{ }}");
    expect(malformedVariable("Hi {{customer.name")).toBe("{{customer.name");
    expect(malformedVariable("plain text")).toBeNull();
  });
});
