import type { Lang } from "../languages.ts";

/**
 * Verbs that introduce reported speech, in French and Spanish: saying, announcing, stressing,
 * warning, admitting, explaining, adding, replying, estimating, assuring, denouncing, insisting,
 * recalling, deploring, welcoming, asking… Each verb is listed once, by its infinitive, and its
 * forms are derived: the participle (with agreement) for the compound tenses, and the third
 * persons of the présent, passé simple and imparfait in French, of the pretérito, presente and
 * copretérito in Spanish. Irregular verbs give their forms by hand, in the same shape.
 *
 * "se réjouir", "congratularse": a reflexive verb is listed with its pronoun; the forms are the
 * same, the quote parser reads the pronoun in front of them.
 */
export interface VerbForms {
  /** Third-person simple forms: "déclare", "déclara", "déclarait", "dijo", "dice", "decía". */
  finite: string[];
  /** Participles for the compound tenses: "déclaré(e)(s)", "dicho". */
  participles: string[];
}

const FR_REGULAR = [
  // saying, declaring
  "déclarer", "affirmer", "assurer", "indiquer", "préciser", "expliquer", "détailler", "spécifier", "raconter",
  "confier", "témoigner", "rapporter", "relater", "résumer", "commenter", "proclamer", "clamer", "lancer", "lâcher",
  "glisser", "souffler", "murmurer", "crier", "s'écrier", "s'exclamer", "tweeter", "publier", "informer",
  "mentionner", "évoquer", "exposer", "argumenter", "justifier", "se justifier", "trancher", "tonner", "asséner",
  // announcing
  "annoncer", "confirmer", "signaler", "notifier", "révéler", "dévoiler", "communiquer", "certifier", "jurer",
  // stressing, insisting
  "souligner", "insister", "marteler", "répéter", "réitérer", "appuyer", "accentuer", "scander",
  // warning
  "alerter", "avertir", "prévenir", "menacer", "mettre en garde",
  // admitting
  "admettre", "avouer", "concéder", "reconnaître",
  // adding, continuing, concluding
  "ajouter", "compléter", "continuer", "enchaîner", "conclure", "poursuivre", "développer",
  // replying
  "répondre", "rétorquer", "répliquer", "riposter", "objecter", "contester", "nier", "démentir",
  // estimating, judging
  "estimer", "juger", "considérer", "penser", "croire", "analyser", "noter", "observer", "relever", "remarquer",
  "constater", "pronostiquer", "prédire", "prévoir",
  // asking, pleading
  "demander", "réclamer", "exiger", "plaider", "implorer", "exhorter", "appeler", "interroger", "s'interroger",
  "se demander", "questionner", "insister",
  // criticising, deploring
  "dénoncer", "fustiger", "critiquer", "condamner", "déplorer", "regretter", "protester", "s'indigner",
  "s'insurger", "s'alarmer", "s'inquiéter", "se plaindre", "accuser", "ironiser", "plaisanter", "s'amuser",
  "s'emporter", "s'agacer", "soupirer", "se désoler", "tacler",
  // welcoming, thanking
  "saluer", "applaudir", "se réjouir", "se féliciter", "féliciter", "remercier", "célébrer", "se satisfaire",
  // recalling
  "rappeler", "se souvenir", "se rappeler",
  // reacting, defending
  "réagir", "se défendre", "défendre", "soutenir", "maintenir", "avancer", "renchérir", "rebondir", "promettre",
  "garantir", "faire savoir", "faire valoir", "faire remarquer", "faire observer", "mettre en avant", "écrire",
  "dire", "redire",
];

/** French verbs whose forms are not those of their group: participle, présent, passé simple, imparfait (3rd persons). */
const FR_IRREGULAR: ReadonlyMap<string, [string, string[], string[], string[]]> = new Map(Object.entries<[string, string[], string[], string[]]>({
  dire: ["dit", ["dit", "disent"], ["dit", "dirent"], ["disait", "disaient"]],
  redire: ["redit", ["redit", "redisent"], ["redit", "redirent"], ["redisait"]],
  prédire: ["prédit", ["prédit", "prédisent"], ["prédit", "prédirent"], ["prédisait"]],
  écrire: ["écrit", ["écrit", "écrivent"], ["écrivit", "écrivirent"], ["écrivait", "écrivaient"]],
  admettre: ["admis", ["admet", "admettent"], ["admit", "admirent"], ["admettait"]],
  promettre: ["promis", ["promet", "promettent"], ["promit", "promirent"], ["promettait"]],
  reconnaître: ["reconnu", ["reconnaît", "reconnait", "reconnaissent"], ["reconnut", "reconnurent"], ["reconnaissait"]],
  poursuivre: ["poursuivi", ["poursuit", "poursuivent"], ["poursuivit", "poursuivirent"], ["poursuivait"]],
  conclure: ["conclu", ["conclut", "concluent"], ["conclut", "conclurent"], ["concluait"]],
  répondre: ["répondu", ["répond", "répondent"], ["répondit", "répondirent"], ["répondait"]],
  soutenir: ["soutenu", ["soutient", "soutiennent"], ["soutint", "soutinrent"], ["soutenait"]],
  prévenir: ["prévenu", ["prévient", "préviennent"], ["prévint", "prévinrent"], ["prévenait"]],
  maintenir: ["maintenu", ["maintient", "maintiennent"], ["maintint"], ["maintenait"]],
  se_souvenir: ["souvenu", ["souvient", "souviennent"], ["souvint"], ["souvenait"]],
  croire: ["cru", ["croit", "croient"], ["crut", "crurent"], ["croyait"]],
  prévoir: ["prévu", ["prévoit", "prévoient"], ["prévit"], ["prévoyait"]],
  démentir: ["démenti", ["dément", "démentent"], ["démentit"], ["démentait"]],
  se_plaindre: ["plaint", ["plaint", "plaignent"], ["plaignit"], ["plaignait"]],
  défendre: ["défendu", ["défend", "défendent"], ["défendit"], ["défendait"]],
  se_défendre: ["défendu", ["défend", "défendent"], ["défendit"], ["défendait"]],
  se_satisfaire: ["satisfait", ["satisfait"], ["satisfit"], ["satisfaisait"]],
  faire_savoir: ["fait savoir", ["fait savoir", "font savoir"], ["fit savoir"], ["faisait savoir"]],
  faire_valoir: ["fait valoir", ["fait valoir", "font valoir"], ["fit valoir"], ["faisait valoir"]],
  faire_remarquer: ["fait remarquer", ["fait remarquer", "font remarquer"], ["fit remarquer"], ["faisait remarquer"]],
  faire_observer: ["fait observer", ["fait observer", "font observer"], ["fit observer"], ["faisait observer"]],
  mettre_en_avant: ["mis en avant", ["met en avant", "mettent en avant"], ["mit en avant"], ["mettait en avant"]],
  mettre_en_garde: ["mis en garde", ["met en garde", "mettent en garde"], ["mit en garde"], ["mettait en garde"]],
}));

const ES_REGULAR = [
  // saying, declaring
  "afirmar", "declarar", "expresar", "manifestar", "señalar", "indicar", "asegurar", "aseverar", "sostener",
  "comentar", "mencionar", "referir", "externar", "explicar", "detallar", "precisar", "puntualizar", "aclarar",
  "exponer", "relatar", "narrar", "contar", "decir", "escribir", "tuitear", "publicar", "argumentar", "alegar",
  "argüir", "plantear", "asentar", "sentenciar", "zanjar", "soltar", "lanzar", "justificar",
  // announcing
  "anunciar", "informar", "comunicar", "notificar", "confirmar", "revelar", "dar a conocer", "hacer saber",
  "prometer", "garantizar", "jurar",
  // stressing, insisting
  "subrayar", "destacar", "resaltar", "remarcar", "recalcar", "enfatizar", "reiterar", "insistir", "repetir",
  "abundar", "ahondar",
  // warning
  "advertir", "alertar", "avisar", "prevenir", "amenazar", "urgir",
  // admitting
  "admitir", "reconocer", "confesar", "aceptar", "conceder",
  // adding, continuing, concluding
  "agregar", "añadir", "acotar", "complementar", "completar", "continuar", "proseguir", "concluir",
  "rematar",
  // replying
  "responder", "contestar", "replicar", "revirar", "refutar", "rebatir", "negar", "rechazar", "desmentir",
  "defender", "defenderse",
  // estimating, judging
  "considerar", "estimar", "opinar", "valorar", "evaluar", "calcular", "apuntar", "observar", "juzgar", "creer",
  "pronosticar", "prever", "anticipar",
  // asking
  "pedir", "exigir", "reclamar", "demandar", "exhortar", "solicitar", "preguntar", "preguntarse", "cuestionar",
  "proponer", "sugerir",
  // criticising, deploring
  "denunciar", "criticar", "condenar", "lamentar", "lamentarse", "deplorar", "reprochar", "acusar", "quejarse",
  "ironizar", "bromear", "arremeter",
  // welcoming, thanking
  "celebrar", "festejar", "aplaudir", "agradecer", "felicitar", "felicitarse", "congratularse", "saludar",
  "reconocer",
  // recalling
  "recordar", "rememorar",
  // making clear
  "dejar en claro", "dejar claro", "hacer énfasis", "poner énfasis",
];

/** Spanish verbs whose forms are not those of their group: participle, presente, pretérito, copretérito (3rd persons). */
const ES_IRREGULAR: ReadonlyMap<string, [string, string[], string[], string[]]> = new Map(Object.entries<[string, string[], string[], string[]]>({
  decir: ["dicho", ["dice", "dicen"], ["dijo", "dijeron"], ["decía", "decían"]],
  escribir: ["escrito", ["escribe", "escriben"], ["escribió", "escribieron"], ["escribía"]],
  sostener: ["sostenido", ["sostiene", "sostienen"], ["sostuvo", "sostuvieron"], ["sostenía"]],
  exponer: ["expuesto", ["expone", "exponen"], ["expuso", "expusieron"], ["exponía"]],
  proponer: ["propuesto", ["propone", "proponen"], ["propuso", "propusieron"], ["proponía"]],
  manifestar: ["manifestado", ["manifiesta", "manifiestan"], ["manifestó", "manifestaron"], ["manifestaba"]],
  advertir: ["advertido", ["advierte", "advierten"], ["advirtió", "advirtieron"], ["advertía"]],
  referir: ["referido", ["refiere", "refieren"], ["refirió", "refirieron"], ["refería"]],
  sugerir: ["sugerido", ["sugiere", "sugieren"], ["sugirió", "sugirieron"], ["sugería"]],
  pedir: ["pedido", ["pide", "piden"], ["pidió", "pidieron"], ["pedía"]],
  repetir: ["repetido", ["repite", "repiten"], ["repitió", "repitieron"], ["repetía"]],
  prevenir: ["prevenido", ["previene", "previenen"], ["previno", "previnieron"], ["prevenía"]],
  prever: ["previsto", ["prevé", "prevén"], ["previó", "previeron"], ["preveía"]],
  contar: ["contado", ["cuenta", "cuentan"], ["contó", "contaron"], ["contaba"]],
  recordar: ["recordado", ["recuerda", "recuerdan"], ["recordó", "recordaron"], ["recordaba"]],
  soltar: ["soltado", ["suelta", "sueltan"], ["soltó", "soltaron"], ["soltaba"]],
  negar: ["negado", ["niega", "niegan"], ["negó", "negaron"], ["negaba"]],
  confesar: ["confesado", ["confiesa", "confiesan"], ["confesó", "confesaron"], ["confesaba"]],
  asentar: ["asentado", ["asienta", "asientan"], ["asentó", "asentaron"], ["asentaba"]],
  defender: ["defendido", ["defiende", "defienden"], ["defendió", "defendieron"], ["defendía"]],
  defenderse: ["defendido", ["defiende", "defienden"], ["defendió", "defendieron"], ["defendía"]],
  desmentir: ["desmentido", ["desmiente", "desmienten"], ["desmintió", "desmintieron"], ["desmentía"]],
  proseguir: ["proseguido", ["prosigue", "prosiguen"], ["prosiguió", "prosiguieron"], ["proseguía"]],
  concluir: ["concluido", ["concluye", "concluyen"], ["concluyó", "concluyeron"], ["concluía"]],
  argüir: ["argüido", ["arguye", "arguyen"], ["arguyó", "arguyeron"], ["argüía"]],
  creer: ["creído", ["cree", "creen"], ["creyó", "creyeron"], ["creía"]],
  continuar: ["continuado", ["continúa", "continúan"], ["continuó", "continuaron"], ["continuaba"]],
  evaluar: ["evaluado", ["evalúa", "evalúan"], ["evaluó", "evaluaron"], ["evaluaba"]],
  reconocer: ["reconocido", ["reconoce", "reconocen"], ["reconoció", "reconocieron"], ["reconocía"]],
  agradecer: ["agradecido", ["agradece", "agradecen"], ["agradeció", "agradecieron"], ["agradecía"]],
  dar_a_conocer: ["dado a conocer", ["da a conocer", "dan a conocer"], ["dio a conocer", "dieron a conocer"], ["daba a conocer"]],
  dejar_en_claro: ["dejado en claro", ["deja en claro", "dejan en claro"], ["dejó en claro", "dejaron en claro"], ["dejaba en claro"]],
  dejar_claro: ["dejado claro", ["deja claro", "dejan claro"], ["dejó claro", "dejaron claro"], ["dejaba claro"]],
  hacer_énfasis: ["hecho énfasis", ["hace énfasis", "hacen énfasis"], ["hizo énfasis", "hicieron énfasis"], ["hacía énfasis"]],
  poner_énfasis: ["puesto énfasis", ["pone énfasis", "ponen énfasis"], ["puso énfasis", "pusieron énfasis"], ["ponía énfasis"]],
  hacer_saber: ["hecho saber", ["hace saber", "hacen saber"], ["hizo saber", "hicieron saber"], ["hacía saber"]],
}));

/** French -er verbs whose présent changes the stem's last é or e to è: répète, marteler → martèle. */
const FR_GRAVE = /^(?:répét|réitér|considér|concéd|révél|asséner|lev|relev|soulev|marteler|achever|prédire)/u;

function frenchForms(infinitive: string): VerbForms {
  const verb = infinitive.replace(/^(?:se |s')/u, "");
  const irregular = FR_IRREGULAR.get(verb.replace(/ /gu, "_")) ?? FR_IRREGULAR.get(infinitive.replace(/^s'/u, "se ").replace(/ /gu, "_"));
  if (irregular) {
    const [participle, present, simple, imperfect] = irregular;
    return { finite: [...present, ...simple, ...imperfect, ...imperfect.map((f) => f.replace(/ait(?= |$)/u, "aient"))], participles: agreed(participle) };
  }
  const [head = verb, ...rest] = verb.split(" ");
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  if (head.endsWith("er")) {
    const stem = head.slice(0, -2);
    // Before a or o, c is written ç and g is written ge: annonça, jugea.
    const soft = stem.endsWith("c") ? `${stem.slice(0, -1)}ç` : stem.endsWith("g") ? `${stem}e` : stem;
    const presentStem = head === "appeler" || head === "rappeler" ? `${stem}l` : FR_GRAVE.test(head) ? stem.replace(/[ée](?=[^aeiouyéè]+$)/u, "è") : stem;
    return {
      finite: [`${presentStem}e`, `${presentStem}ent`, `${soft}a`, `${stem}èrent`, `${soft}ait`, `${soft}aient`].map((f) => f + tail),
      participles: agreed(`${stem}é`).map((f) => f + tail),
    };
  }
  if (head.endsWith("ir")) {
    // Second group: avertir, réagir, applaudir, garantir, se réjouir.
    const stem = head.slice(0, -2);
    return {
      finite: [`${stem}it`, `${stem}issent`, `${stem}irent`, `${stem}issait`, `${stem}issaient`].map((f) => f + tail),
      participles: agreed(`${stem}i`).map((f) => f + tail),
    };
  }
  return { finite: [], participles: [] };
}

/** A participle agrees with a feminine or plural subject: réjoui, réjouie, réjouis, réjouies. */
function agreed(participle: string): string[] {
  const [head = participle, ...rest] = participle.split(" ");
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  const forms = head.endsWith("s") ? [head, `${head}e`, `${head}es`] : [head, `${head}e`, `${head}s`, `${head}es`];
  return forms.map((f) => f + tail);
}

function spanishForms(infinitive: string): VerbForms {
  const verb = infinitive.replace(/se$/u, "");
  const irregular = ES_IRREGULAR.get(infinitive.replace(/ /gu, "_")) ?? ES_IRREGULAR.get(verb.replace(/ /gu, "_"));
  if (irregular) {
    const [participle, present, simple, imperfect] = irregular;
    // The imperfect subjunctive comes from the pretérito plural: dijeron → dijera ("luego de que Homan afirmara").
    const subjunctive = simple.filter((f) => /ron(?= |$)/u.test(f)).map((f) => f.replace(/ron(?= |$)/u, "ra"));
    return { finite: [...present, ...simple, ...imperfect, ...imperfect.map((f) => `${f}n`.replace(/n(?=n$)/u, "")), ...subjunctive], participles: [participle] };
  }
  const [head = verb, ...rest] = verb.split(" ");
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  const stem = head.slice(0, -2);
  if (head.endsWith("ar")) {
    return {
      finite: [`${stem}a`, `${stem}an`, `${stem}ó`, `${stem}aron`, `${stem}aba`, `${stem}aban`, `${stem}ara`].map((f) => f + tail),
      participles: [`${stem}ado${tail}`],
    };
  }
  // -er and -ir: reclamó/respondió, exige, insistió.
  return { finite: [`${stem}e`, `${stem}en`, `${stem}ió`, `${stem}ieron`, `${stem}ía`, `${stem}ían`, `${stem}iera`].map((f) => f + tail), participles: [`${stem}ido${tail}`] };
}

export interface SpeechVerbs {
  /**
   * Lower-case forms with their accents, a phrase of one to three words each ("déclare", "fait
   * savoir", "dio a conocer"): accents tell the verb "critica" from the noun "crítica".
   */
  finite: Set<string>;
  participles: Set<string>;
  /** Infinitives, after a verb that carries them: "volvió a repetir", "a tenu à rappeler", "quiso aclarar". */
  infinitives: Set<string>;
  /** The longest form in words, to bound the look-ahead. */
  longest: number;
  /** The first word of every form: most words of a text are in none, and are passed over at once. */
  firstWords: Set<string>;
}

const compiled = new Map<Lang, SpeechVerbs>();

export function speechVerbs(lang: Lang): SpeechVerbs {
  let verbs = compiled.get(lang);
  if (!verbs) {
    const finite = new Set<string>();
    const participles = new Set<string>();
    const infinitives = new Set<string>();
    for (const infinitive of lang === "fr" ? FR_REGULAR : ES_REGULAR) {
      const forms = lang === "fr" ? frenchForms(infinitive) : spanishForms(infinitive);
      for (const f of forms.finite) finite.add(f.normalize("NFC"));
      for (const p of forms.participles) participles.add(p.normalize("NFC"));
      infinitives.add(infinitive.replace(/^(?:se |s')/u, "").replace(/se$/u, "").normalize("NFC"));
    }
    const all = [...finite, ...participles, ...infinitives];
    const longest = Math.max(...all.map((f) => f.split(" ").length));
    const firstWords = new Set(all.map((f) => f.split(" ")[0] as string));
    compiled.set(lang, (verbs = { finite, participles, infinitives, longest, firstWords }));
  }
  return verbs;
}
