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

  // The filters the reader has used, read from Pagefind's own files (readFacets).
  let facets = null;

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
      facets ??= readFacets(root.dataset.bundle, lang);
      // Read while Pagefind loads, for a first search with filters in its address.
      const reading = facets.use(Object.keys(filters)).catch((error) => {
        console.warn("Search filters are left to Pagefind:", error);
        return null;
      });
      const pf = await loadPagefind();
      const asked = performance.now();
      const used = await reading;
      const order = { sort: sort === "date" ? { date: "desc" } : undefined };
      const term = query.replace(TYPOGRAPHIC_BETWEEN_LETTERS, "'");
      if (used) {
        // Pagefind is given only the filters it counts cheaply (readFacets); the page narrows by the others.
        const all = await pf.search(term, { filters: used.cheapToCount(filters), ...order });
        const results = used.narrow(all.results, filters);
        found = { results, filters: used.count(results) };
      } else {
        found = await pf.search(term, { filters, ...order });
      }
      root.dataset.countedBy = used ? "page" : "pagefind";
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

// Filters, counted here rather than by Pagefind. Pagefind 1.5.2 counts the values of every filter
// it has loaded on every search, by looking for each page of each value in the list of results,
// one by one, twice (among the results, and among all the pages found). A filter with one value
// per page (the year, the source's language) costs it about one look per page: cheap, and its own
// narrowing spares it scoring the pages left out (a search for a year: 40 ms of processor time at
// 10,000 articles, against 200 ms for the whole search). A filter with several values per page (the
// topics, the actors) costs it that several times over: once a reader had used the topic menu,
// every later search took 0.3 to 0.6 s more. So Pagefind is given only the filters of the first
// kind; the results are narrowed by the others here, and every menu used is counted here, in one
// pass over the results, with the very files Pagefind would have loaded (filter/*.pf_filter, their
// pages numbered as in the language's pf_meta), fetched once the reader uses a filter.
// Results narrowed here keep the order of the search they come from; Pagefind sorted the narrowed
// set again, which could put results of exactly equal score in another order.
function readFacets(bundle, lang) {
  let index = null;
  const loaded = new Map();

  // Pagefind's page numbers, as page ids, and the file of each filter.
  function readIndex() {
    index ??= (async () => {
      const entry = await (await fetchOk(`${bundle}pagefind-entry.json`)).json();
      const language = entry.languages?.[lang] ?? entry.languages?.[lang.split("-")[0]];
      if (!language) throw new Error(`pagefind-entry.json has no index for "${lang}"`);
      const meta = await pagefindFile(`${bundle}pagefind.${language.hash}.pf_meta`);
      if (!Array.isArray(meta) || !Array.isArray(meta[1]) || !Array.isArray(meta[3])) throw new Error("pf_meta is not Pagefind 1.5's [version, pages, chunks, filters, sorts, meta fields]");
      return { pages: meta[1].map((page) => page[0]), files: new Map(meta[3]) };
    })();
    return index;
  }

  // One filter: its values, and the values of each page that has some.
  async function readFilter(name) {
    const { pages, files } = await readIndex();
    const values = [];
    const valuesOf = new Map();
    if (!files.has(name)) return { values, valuesOf, onePerPage: false }; // no page has it: Pagefind finds nothing with it either
    const [filter, list] = await pagefindFile(`${bundle}filter/${files.get(name)}.pf_filter`);
    if (filter !== name || !Array.isArray(list)) throw new Error(`filter/${files.get(name)}.pf_filter is not the filter "${name}"`);
    for (const [value, numbers] of list) {
      values.push(value);
      for (const number of numbers) {
        const page = pages[number];
        if (page === undefined) throw new Error(`filter "${name}" names page ${number}, which pf_meta lacks`);
        const held = valuesOf.get(page);
        if (held) held.push(value);
        else valuesOf.set(page, [value]);
      }
    }
    return { values, valuesOf, onePerPage: [...valuesOf.values()].every((held) => held.length === 1) };
  }

  return {
    // The filters named, and those used before (their counts stay in their menus, as Pagefind's did).
    async use(names) {
      for (const name of names) if (!loaded.has(name)) loaded.set(name, readFilter(name));
      const filters = new Map();
      for (const [name, filter] of loaded) filters.set(name, await filter);
      return {
        cheapToCount(chosen) {
          return Object.fromEntries(Object.entries(chosen).filter(([name]) => filters.get(name)?.onePerPage));
        },
        narrow(results, chosen) {
          const wanted = Object.entries(chosen);
          return results.filter((result) => wanted.every(([name, value]) => filters.get(name)?.valuesOf.get(result.id)?.includes(value)));
        },
        count(results) {
          const counts = {};
          for (const [name, { values, valuesOf }] of filters) {
            const count = (counts[name] = Object.fromEntries(values.map((value) => [value, 0])));
            for (const result of results) for (const value of valuesOf.get(result.id) ?? []) count[value] += 1;
          }
          return counts;
        },
      };
    },
  };
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const PAGEFIND_SIGNATURE = "pagefind_dcd";

// A Pagefind index file: gzip (unless the host already unzipped it), its signature, then CBOR.
async function pagefindFile(url) {
  const response = await fetchOk(url);
  let bytes = new Uint8Array(await response.arrayBuffer());
  const signed = (data) => new TextDecoder().decode(data.subarray(0, PAGEFIND_SIGNATURE.length)) === PAGEFIND_SIGNATURE;
  if (!signed(bytes)) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  if (!signed(bytes)) throw new Error(`${url} has no Pagefind signature`);
  return decodeCbor(bytes.subarray(PAGEFIND_SIGNATURE.length), url);
}

// The CBOR Pagefind writes in these files: integers, text and arrays of definite length.
function decodeCbor(bytes, url) {
  const text = new TextDecoder("utf-8", { fatal: true });
  let at = 0;
  const fail = (problem) => {
    throw new Error(`${url}: ${problem} at byte ${at}`);
  };
  const byte = () => (at < bytes.length ? bytes[at++] : fail("the data ends early"));
  function item() {
    const initial = byte();
    const major = initial >> 5;
    const info = initial & 31;
    let n = info;
    if (info >= 24) {
      if (info > 27) fail(`additional information ${info}`);
      n = 0;
      for (let i = 0; i < 1 << (info - 24); i++) n = n * 256 + byte();
    }
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3: {
        if (at + n > bytes.length) fail("a text longer than the data");
        const value = text.decode(bytes.subarray(at, at + n));
        at += n;
        return value;
      }
      case 4: {
        const array = new Array(n);
        for (let i = 0; i < n; i++) array[i] = item();
        return array;
      }
      default:
        return fail(`CBOR major type ${major}`);
    }
  }
  const value = item();
  if (at !== bytes.length) fail("bytes after the value");
  return value;
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
