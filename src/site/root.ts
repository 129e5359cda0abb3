import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { alternatesFor, type Alternate } from "./page-base.ts";
import { routes } from "./routes.ts";

/** The bilingual pages at the root, in no one language: the language chooser and the 404 page. */
export interface RootPage {
  kind: "root" | "root-not-found";
  url: string;
  alternates: Alternate[];
  choices: Array<{ lang: Lang; url: string; name: string; tagline: string }>;
}

export function buildRootPages(): RootPage[] {
  const rootPage = (kind: RootPage["kind"], url: string, urlFor: (lang: Lang) => string): RootPage => ({
    kind,
    url,
    alternates: alternatesFor(urlFor, url),
    choices: LANGUAGES.map((lang) => ({
      lang,
      url: routes.home(lang),
      name: t(lang, "site.name"),
      tagline: t(lang, "site.tagline"),
    })),
  });
  return [
    rootPage("root", routes.root(), (lang) => routes.home(lang)),
    rootPage("root-not-found", routes.rootNotFound(), routes.notFound),
  ];
}
