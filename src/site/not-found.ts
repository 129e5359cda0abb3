import { t } from "../i18n/index.ts";
import { LANGUAGES } from "../languages.ts";
import { pageBase, type PageBase, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";

/** The 404 page of each language. */
export interface NotFoundPage extends PageBase, Titled {
  kind: "not-found";
}

export function buildNotFoundPages(): NotFoundPage[] {
  return LANGUAGES.map((lang) => ({
    kind: "not-found",
    ...pageBase(lang, routes.notFound, routes.rootNotFound()),
    title: t(lang, "notFound.title"),
    description: t(lang, "notFound.text"),
  }));
}
