// The search page's interface: reads the form, asks Pagefind, shows the results.
//
// Loaded only on the search pages, as a module from the site itself, so it runs under a strict
// Content Security Policy (no inline script, no style set from script). Pagefind's own bundle is
// imported only once there is something to search for. Everything it needs from the page — the
// bundle's address with the path prefix, and every interface string in the page's language — is
// in the data attributes of [data-search] (see _includes/layouts/search.njk).

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 150;

// The index holds ASCII apostrophes between letters, which Pagefind splits words on, so that
// « asile » finds « d’asile » (src/search/apostrophes.ts holds the same patterns). A query is
// given to Pagefind the same way, and an excerpt is shown with the site's ’ again; a <mark> may
// sit on either side of the apostrophe.
const TYPOGRAPHIC_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)\u2019(?=\p{L})/gu;
const ASCII_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*(?:<\/?mark>)?)'(?=(?:<\/?mark>)?\p{L})/gu;

const root = document.querySelector("[data-search]");
if (root) start(root);

function start(root) {
  const form = root.querySelector("form");
  const input = form.elements.namedItem("q");
  const filterMenus = [...form.querySelectorAll("select[data-search-filter]")];
  const sortMenu = form.elements.namedItem("sort");
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const lang = document.documentElement.lang;
  const plural = new Intl.PluralRules(lang);

  // Each option's own words, before counts are added to them.
  for (const option of filterMenus.flatMap((menu) => [...menu.options])) option.dataset.label = option.textContent;

  let pagefind = null;
  let latest = 0;
  let settled = 0;
  let pending = [];
  let typingTimer = 0;

  function message(key, values = {}) {
    const camel = key.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const text = root.dataset[`message${camel[0].toUpperCase()}${camel.slice(1)}`] ?? "";
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  function loadPagefind() {
    pagefind ??= import(`${root.dataset.bundle}pagefind.js`).then(async (module) => {
      // No worker: it would download a second copy of Pagefind's code (43 kB) to move a search of a
      // few milliseconds off the main thread.
      await module.options({ baseUrl: root.dataset.baseUrl, excerptLength: 24, noWorker: true });
      return module;
    });
    return pagefind;
  }

  function readForm() {
    const filters = {};
    for (const menu of filterMenus) if (menu.value) filters[menu.name] = menu.value;
    return { query: input.value.trim(), filters, sort: sortMenu.value };
  }

  // The address always says what is shown, so a search can be bookmarked, shared or reloaded.
  // The language switcher carries the words (not the filters, whose values are this language's
  // names), so a reader who changes language sees the same search in the other index.
  const switcher = document.querySelector("a.language-switch");
  const switcherTarget = switcher?.getAttribute("href") ?? "";
  function writeAddress() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim() !== "") params.set(name, String(value));
    const search = params.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
    if (switcher) {
      const query = input.value.trim();
      switcher.setAttribute("href", query ? `${switcherTarget}?${new URLSearchParams({ q: query })}` : switcherTarget);
    }
  }

  function readAddress() {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") ?? "";
    for (const menu of [...filterMenus, sortMenu]) {
      const wanted = params.get(menu.name) ?? "";
      if ([...menu.options].some((option) => option.value === wanted)) menu.value = wanted;
    }
  }

  function showCounts(counts) {
    for (const menu of filterMenus) {
      for (const option of menu.options) {
        const count = counts?.[menu.name]?.[option.value];
        option.textContent = option.value && count !== undefined ? `${option.dataset.label} (${count})` : option.dataset.label;
      }
    }
  }

  function clearResults() {
    list.replaceChildren();
    pending = [];
    more.hidden = true;
  }

  async function run() {
    const ticket = ++latest;
    const { query, filters, sort } = readForm();
    writeAddress();
    if (query === "") {
      clearResults();
      showCounts(null);
      status.textContent = message("empty");
      settle(query);
      return;
    }
    root.dataset.state = "loading";
    status.textContent = message("loading");
    const started = performance.now();
    let found;
    try {
      const pf = await loadPagefind();
      const asked = performance.now();
      found = await pf.search(query.replace(TYPOGRAPHIC_BETWEEN_LETTERS, "'"), { filters, sort: sort === "date" ? { date: "desc" } : undefined });
      root.dataset.lastQueryMs = String(Math.round(performance.now() - asked));
    } catch (error) {
      if (ticket !== latest) return;
      console.error("Search failed:", error);
      clearResults();
      status.textContent = message("error");
      settle(query);
      return;
    }
    if (ticket !== latest) return; // a newer search has started: its results will show instead
    clearResults();
    showCounts(found.filters);
    const count = found.results.length;
    status.textContent =
      count === 0 ? message("none", { query }) : message(`results-${plural.select(count) === "one" ? "one" : "other"}`, { count, query });
    pending = found.results;
    await showMore(ticket);
    if (ticket !== latest) return;
    root.dataset.lastSearchMs = String(Math.round(performance.now() - started));
    settle(query);
  }

  async function showMore(ticket) {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (ticket !== latest) return;
    list.append(...data.map(resultItem));
    more.hidden = pending.length === 0;
  }

  // Tests and the benchmark wait for this instead of guessing how long a search takes.
  function settle(query) {
    root.dataset.query = query;
    root.dataset.state = "done";
    root.dataset.searches = String(++settled);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(run, TYPING_PAUSE_MS);
  });
  for (const menu of [...filterMenus, sortMenu]) menu.addEventListener("change", () => run());
  more.addEventListener("click", () => showMore(latest));

  readAddress();
  run();
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  // A topic's or an actor's result shows its description rather than Pagefind's excerpt, which
  // would run its name, its description and its hidden aliases together (src/search/record.ts,
  // entitySearch); the words Pagefind matched are marked in its name and description instead.
  const subject = data.meta.type !== "article" && data.meta.description;
  const matched = subject ? matchedWords(data.excerpt) : null;
  if (matched) link.append(...markedNodes(data.meta.title ?? data.url, matched));
  else link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.date) {
    const meta = document.createElement("p");
    meta.className = "meta";
    const time = document.createElement("time");
    if (data.meta.datetime) time.dateTime = data.meta.datetime;
    time.textContent = data.meta.date;
    meta.append(time);
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.append(...(matched ? markedNodes(data.meta.description, matched) : excerptNodes(data.excerpt)));
  item.append(excerpt);
  return item;
}

// The words Pagefind marked in an excerpt, lower-cased, without the punctuation it marks with them.
function matchedWords(html) {
  const template = document.createElement("template");
  template.innerHTML = html.replace(ASCII_BETWEEN_LETTERS, "\u2019");
  const words = new Set();
  for (const mark of template.content.querySelectorAll("mark")) {
    const word = (mark.textContent ?? "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
    if (word) words.add(word);
  }
  return words;
}

// A text as nodes, each of its words that Pagefind matched in a <mark>.
function markedNodes(text, words) {
  const nodes = [];
  for (const part of text.split(/([\p{L}\p{N}\p{M}’'-]+)/u)) {
    if (part === "") continue;
    if (words.has(part.toLowerCase())) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(part));
  }
  return nodes;
}

// Pagefind's excerpt is HTML whose only markup is <mark> around the matched words. It is parsed
// in an inert template and rebuilt from text and <mark> alone, so nothing else from the index can
// reach the page.
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html.replace(ASCII_BETWEEN_LETTERS, "\u2019");
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ""));
    }
  }
  return nodes;
}
