import { describe, expect, it } from "vitest";
import { topicSlugUrl, topicUrl } from "../../src/navigation/topics.ts";
import { authorSlugUrl, authorUrl } from "../../src/navigation/authors.ts";

describe("topic and author URLs are a pure function of the name", () => {
  it.each([
    [topicUrl("Brexit"), "/topics/brexit/"],
    [topicUrl("brexit"), "/topics/brexit/"],
    [topicUrl("Élections européennes"), "/topics/elections-europeennes/"],
    [topicUrl("Zürich", 2), "/topics/zurich/page/2/"],
    [topicUrl("Łódź"), "/topics/lodz/"],
    [topicSlugUrl("c", 3), "/topics/c/page/3/"],
    [authorUrl("Zoë Müller"), "/authors/zoe-muller/"],
    [authorUrl("ZOE MULLER"), "/authors/zoe-muller/"],
    [authorUrl("Elif Şahin"), "/authors/elif-sahin/"],
    [authorSlugUrl("ana-ruiz", 2), "/authors/ana-ruiz/page/2/"],
  ])("%s is %s", (url, expected) => expect(url).toBe(expected));
});
