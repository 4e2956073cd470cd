import { describe, expect, it } from "vitest";
import { element, escapeXml, fieldElements, xmlDocument } from "./xml";

describe("XML", () => {
  it("escapes markup and quotes, and drops characters XML cannot carry", () => {
    expect(escapeXml(`Tom & Jerry's <b>"best"</b>`)).toBe("Tom &amp; Jerry&apos;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;");
    expect(escapeXml("a\u0000b\u0007c\td\ne\uFFFEf\uD800g")).toBe("abc\td\nefg");
    expect(escapeXml("Ünïcødé 📊")).toBe("Ünïcødé 📊");
  });

  it("writes the seed's layout: one element per line, absent fields left out", () => {
    const doc = xmlDocument(
      element("response", [
        element("results", [element("result", fieldElements({ userId: "u<1>", progress: 9.09, dueDate: undefined }))]),
      ]),
    );
    expect(doc).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<response>
<results>
<result>
<userId>u&lt;1&gt;</userId>
<progress>9.09</progress>
</result>
</results>
</response>
`);
    expect(element("results", [])).toBe("<results>\n</results>");
  });
});
