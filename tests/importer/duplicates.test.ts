import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDuplicate, jaccard, normalizeUrl, readExistingArticles, shingles, withoutTracking } from "../../src/importer/duplicates.ts";
import { planArticle, writeArticle } from "../../src/importer/new-article.ts";
import { handCleaned, request, seedRaw, similarity, tempContent } from "./helpers.ts";

describe("addresses", () => {
  const canonical = normalizeUrl("https://www.lapresse.ca/international/2024-01-19/immigration.php");

  it("are the same whatever the scheme, www., trailing slash, fragment or tracking parameters", () => {
    for (const variant of [
      "http://lapresse.ca/international/2024-01-19/immigration.php",
      "https://WWW.LaPresse.ca/international/2024-01-19/immigration.php/",
      "https://www.lapresse.ca/international/2024-01-19/immigration.php?utm_source=twitter&utm_medium=social",
      "https://www.lapresse.ca/international/2024-01-19/immigration.php?fbclid=abc#comments",
    ]) {
      expect(normalizeUrl(variant)).toBe(canonical);
    }
  });

  it("differ when the path or a real parameter differs", () => {
    expect(normalizeUrl("https://lapresse.ca/international/2024-01-20/immigration.php")).not.toBe(canonical);
    expect(normalizeUrl("https://example.org/article?id=1")).not.toBe(normalizeUrl("https://example.org/article?id=2"));
    expect(normalizeUrl("https://example.org/a?b=2&a=1")).toBe(normalizeUrl("https://example.org/a?a=1&b=2"));
  });

  it("are stored without their tracking parameters", () => {
    expect(withoutTracking("https://www.lapresse.ca/a.php?id=3&utm_source=x&fbclid=y#top")).toBe("https://www.lapresse.ca/a.php?id=3");
  });

  it("are not addresses when they are not http(s)", () => {
    expect(normalizeUrl("lapresse.ca/article")).toBeNull();
    expect(normalizeUrl("mailto:someone@example.org")).toBeNull();
  });
});

describe("text similarity", () => {
  const text = handCleaned("000").source;

  it("is 1 for the same text, retyped with other accents, case and punctuation", () => {
    const retyped = text.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase().replace(/[«»]|,(?= )/gu, "");
    expect(similarity(text, retyped)).toBe(1);
  });

  it("is 0 for two different articles of the corpus", () => {
    expect(similarity(text, handCleaned("002").source)).toBeLessThan(0.02);
  });

  it("is the share of common 5-word runs", () => {
    const a = shingles("un deux trois quatre cinq six");
    const b = shingles("un deux trois quatre cinq sept");
    // {1-5, 2-6} and {1-5, 2-7}: one shared out of three.
    expect(jaccard(a, b)).toBeCloseTo(1 / 3);
  });
});

describe("an article already in the corpus is refused", () => {
  it("when its address is the same, written differently; nothing is created", () => {
    const content = tempContent();
    const first = planArticle(
      request("2024-01-19", { raw: seedRaw("000"), contentDir: content, title: "Titre", url: "https://www.lapresse.ca/international/2024-01-19/immigration.php" }),
      null,
    );
    if (!first.ok) throw new Error(first.refusal.message);
    writeArticle(first.plan);
    const before = readdirSync(path.join(content, "articles"));

    const again = planArticle(
      request("2024-01-19", {
        raw: seedRaw("002"), // another text: only the address can tell
        contentDir: content,
        title: "Autre titre",
        url: "http://lapresse.ca/international/2024-01-19/immigration.php/?utm_campaign=x",
      }),
      null,
    );
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.refusal.reason).toBe("duplicate");
    expect(again.refusal.message).toContain(first.plan.slug);
    expect(again.refusal.message).toContain("same address");
    expect(readdirSync(path.join(content, "articles"))).toEqual(before);
  });

  it("when its text is nearly the same as a source.txt: the folder and the similarity are named", () => {
    const content = tempContent({ copyRealArticles: true });
    // A second capture of the same dispatch: another photo, a corrected name, a paragraph cut.
    const edited = seedRaw("000")
      .replace("Alicia Barcena au département", "Alicia Bárcena au département")
      .replace("vendredi à Washington", "ce vendredi à Washington")
      .replace("La migration vers les États-Unis a atteint un niveau record l’année dernière.\n", "");
    const result = planArticle(request("2024-01-19", { raw: edited, contentDir: content, title: "Immigration" }), null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.reason).toBe("duplicate");
    expect(result.refusal.message).toContain("2024-01-19-blinken-barcena-washington");
    expect(result.refusal.message).toMatch(/its text is 9\d\.\d% similar/);
  });

  it("but a different article is not, even by the same outlet on a related subject", () => {
    const content = tempContent({ copyRealArticles: true });
    const existing = readExistingArticles(content).filter((a) => a.slug !== "2022-12-27-biden-mexico-title-42");
    expect(findDuplicate({ text: handCleaned("002").source }, existing)).toBeNull();
  });

  it("and the best match wins when several pass the threshold", () => {
    const source = handCleaned("004").source;
    const near = { slug: "near", dir: "near", source: source.replace("Sheinbaum", "Claudia Sheinbaum") };
    const exact = { slug: "exact", dir: "exact", source };
    const found = findDuplicate({ text: source }, [near, exact]);
    expect(found?.kind === "text" && found.article.slug).toBe("exact");
  });
});

describe("a folder that already exists", () => {
  it("is refused by name, with the way out (--slug)", () => {
    const content = tempContent();
    const plan = (raw: string) =>
      planArticle(request("2022-12-27", { raw, contentDir: content, title: "Joe Biden se rendra au Mexique en janvier" }), null);
    const first = plan(seedRaw("002"));
    if (!first.ok) throw new Error(first.refusal.message);
    writeArticle(first.plan);
    const second = plan(seedRaw("004"));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.refusal.reason).toBe("slug-taken");
    expect(second.refusal.message).toContain("2022-12-27-joe-biden-rendra-mexique");
    expect(second.refusal.message).toContain("--slug");
  });
});
