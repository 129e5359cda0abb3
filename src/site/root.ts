import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { alternatesFor, type Alternate } from "./page-base.ts";
import { routes } from "./routes.ts";

/** The bilingual pages at the root, in no one language: the language chooser and the 404 page. */
interface RootPageBase {
  url: string;
  alternates: Alternate[];
  choices: Array<{ lang: Lang; url: string; name: string; tagline: string }>;
}

export interface RootPage extends RootPageBase {
  kind: "root";
}

export interface RootNotFoundPage extends RootPageBase {
  kind: "root-not-found";
}

export function buildRootPages(): Array<RootPage | RootNotFoundPage> {
  const rootPage = <K extends string>(kind: K, url: string, urlFor: (lang: Lang) => string): RootPageBase & { kind: K } => ({
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
