/**
 * The words around a speech verb that are not its speaker, and the nouns that name a speaker
 * without a name: who "le ministre", "la gobernadora", "un communiqué du ministère" or "le texte"
 * is depends on the rest of the article (see quotes.ts). Lists are lower case with accents, as
 * the quote parser compares them; an entry lists its feminine and plural forms.
 */
const words = (list: string) => new Set(list.trim().split(/\s+/u));

/** People named by what they do: "le ministre", "la gobernadora", "el funcionario". */
export const ROLE_NOUNS = words(`
  président présidente ministre ministres secrétaire secrétaires sous-secrétaire porte-parole gouverneur gouverneure
  gouverneurs maire maires sénateur sénatrice sénateurs député députée députés ambassadeur ambassadrice ambassadeurs
  consul consule chef cheffe directeur directrice directeurs responsable responsables dirigeant dirigeante dirigeants
  procureur procureure juge juges général générale commandant commandante commissaire conseiller conseillère
  fonctionnaire fonctionnaires diplomate diplomates négociateur négociatrice élu élue élus candidat candidate
  dirigeant vice-président vice-présidente chancelier chancelière premier première souverain expert experte
  experts analyste analystes chercheur chercheuse militant militante avocat avocate délégué déléguée patron
  patronne président-directeur officier haut-fonctionnaire titulaire coordinateur coordinatrice
  presidente presidenta mandatario mandataria ministro ministra secretario secretaria subsecretario subsecretaria
  vocero vocera portavoz gobernador gobernadora gobernadores alcalde alcaldesa alcaldes senador senadora senadores
  diputado diputada diputados legislador legisladora legisladores embajador embajadora cónsul jefe jefa director
  directora responsable dirigente dirigentes fiscal fiscales juez jueza general comandante comisionado comisionada
  comisario consejero consejera asesor asesora funcionario funcionaria funcionarios diplomático diplomática
  negociador negociadora canciller vicepresidente vicepresidenta titular coordinador coordinadora experto experta
  analista investigador investigadora activista abogado abogada delegado delegada líder procurador procuradora
  mandatarios ministros secretarios jefes
`);

/** Texts that speak for their author: "un communiqué du ministère", "poursuit le texte". */
export const DOCUMENT_NOUNS = words(`
  communiqué communiqués texte textes document documents rapport rapports déclaration lettre message courrier note
  publication résolution décret arrêté compte rapport-bilan bilan
  comunicado comunicados texto textos documento documentos informe informes declaración carta mensaje nota
  publicación resolución decreto tarjeta boletín pronunciamiento posicionamiento
`);

/** Institutions named by their kind: "le ministère de la Sécurité", "la Secretaría de Marina". */
export const INSTITUTION_NOUNS = words(`
  ministère ministères secrétariat gouvernement gouvernements administration présidence ambassade consulat
  département armée police parquet tribunal cour sénat chambre congrès parlement assemblée commission
  conseil agence bureau institut office garde état-major service services mairie municipalité organisation
  autorités autorité
  secretaría secretarías ministerio ministerios gobierno gobiernos administración presidencia embajada consulado
  departamento ejército policía fiscalía procuraduría tribunal corte suprema senado cámara congreso
  parlamento asamblea comisión consejo agencia oficina instituto guardia cancillería dependencia autoridades
  autoridad alcaldía ayuntamiento organización sedena semar sspc fgr sre
`);

/**
 * Words that open a noun phrase, with the gender they tell. Maps, not objects: a word of the text
 * ("constructor", a Spanish noun) must not find Object.prototype's.
 */
export const DETERMINERS: ReadonlyMap<string, "f" | "m" | "?"> = new Map(Object.entries({
  le: "m", la: "f", les: "?", l: "?", un: "m", une: "f", des: "?", ce: "m", cet: "m", cette: "f", son: "?", sa: "f",
  el: "m", los: "m", las: "f", una: "f", uno: "m", unos: "m", unas: "f", este: "m", esta: "f", su: "?",
} as const));
export const INDEFINITE = new Set(["un", "une", "des", "una", "uno", "unos", "unas"]);

/** Honorifics in front of a surname, with the gender they tell: "M. Ebrard", "Mme Bárcena", "la Sra. Bárcena". */
export const HONORIFICS: ReadonlyMap<string, "f" | "m"> = new Map(Object.entries({
  m: "m", mme: "f", mlle: "f", monsieur: "m", madame: "f", dr: "m", dre: "f", pr: "m", me: "m", mgr: "m",
  sr: "m", sra: "f", srta: "f", don: "m", doña: "f", dra: "f", lic: "m", licda: "f", ing: "m", gral: "m",
  mtro: "m", mtra: "f", dip: "m", sen: "m", señor: "m", señora: "f",
} as const));

/** Prepositions that open a complement of the verb ("dans un communiqué", "ante la prensa"): not the subject. */
export const COMPLEMENT_PREPOSITIONS = words(`
  à au aux dans lors devant sur sous sans entre pendant depuis durant en auprès via par pour avec chez après avant vers
  contre selon malgré
  a al ante con desde durante en para por tras sobre bajo sin contra entre mediante hacia hasta según luego
`);

/** Links inside a noun phrase: "ministère de la Sécurité", "secretaria de Relaciones Exteriores". */
export const NOUN_LINKS = words("de du des d del la le les l y et los las");

/** Adverbs and time words between a verb and its subject: "a précisé mardi", "avait aussitôt répondu". */
export const BETWEEN_WORDS = words(`
  encore aussi également ensuite alors enfin aussitôt déjà toutefois pourtant cependant néanmoins même bien donc
  ainsi notamment ailleurs plus tard tôt hier aujourd'hui aujourd demain avant-hier matin soir soirée après-midi nuit
  veille lendemain dernier dernière prochain prochaine jour-là semaine mois week-end récemment immédiatement lui eux
  lundi mardi mercredi jeudi vendredi samedi dimanche ce cette là
  también además asimismo luego después entonces finalmente posteriormente ya hoy ayer anoche mañana tarde noche
  pasado pasada previamente recientemente inmediatamente todavía aún incluso igualmente nuevamente
  lunes martes miércoles jueves viernes sábado domingo semana madrugada
`);

/** The same, in several words. */
export const BETWEEN_PHRASES = [
  "pour sa part", "pour leur part", "de son côté", "de leur côté", "quant à lui", "quant à elle", "à son tour",
  "lui aussi", "elle aussi", "eux aussi", "plus tard", "plus tôt", "par ailleurs", "d'ailleurs", "en outre", "de plus",
  "en effet", "ce jour-là", "la veille", "le lendemain", "dans la foulée", "à nouveau", "de nouveau",
  "por su parte", "a su vez", "más tarde", "de nuevo", "una vez más", "por otra parte", "en tanto", "mientras tanto",
  "sin embargo", "no obstante", "por ello", "de hecho", "en ese sentido", "de igual forma", "de igual manera",
  "al respecto", "por último", "en su momento", "en tanto que",
].map((phrase) => phrase.split(/[\s']+/u));

/**
 * Words right before a quote that make it a name rather than speech: "denominado « Plan … »",
 * "la llamada « Ley … »", "l'opération « … »", "a qualifié la mesure d'« historique »".
 */
export const NAMING_WORDS = words(`
  baptisé baptisée baptisés baptisées intitulé intitulée intitulés intitulées nommé nommée surnommé surnommée
  appelé appelée appelés appelées dénommé dénommée qualifié qualifiée qualifiés qualifier qualifie qualifiant
  slogan mot-dièse hashtag devise titre surnom alias
  opération programme plan loi accord initiative stratégie projet pacte traité doctrine campagne sommet mission
  dispositif film livre ouvrage série documentaire émission journal magazine
  denominado denominada denominados denominadas llamado llamada llamados llamadas conocido conocida
  bautizado bautizada titulado titulada intitulado intitulada nombrado nombrada apodado apodada alias calificó
  califica calificar calificado calificada tachó tacha tildó tilda lema eslogan consigna etiqueta
  operación operativo programa ley acuerdo iniciativa estrategia proyecto pacto tratado doctrina campaña cumbre
  misión película libro serie documental periódico revista diario cártel cartel grupo banda célula
`);
