import { fold } from "../text/fold.ts";

/**
 * What a name the registry lacks names: a person, an organization, a place, a programme (also an
 * agreement, a law, a plan, an operation), an event (a meeting, a summit) or a platform (a social
 * network, a messaging service, a news outlet). Told from the words inside the name and around it,
 * by cues stated below as lists, in French and Spanish (and the English names outlets and
 * agencies keep). Every word is compared folded: lower case, without accents.
 *
 * The cues, strongest first (candidates.ts weighs them):
 * 1. the name's own head word: "Secretaría de Marina", "Ciudad Acuña", "Acuerdo de Escazú",
 *    "Sommet des Amériques", "Truth Social";
 * 2. the noun just before it: "l'aéroport international Benito Juárez", "el programa Sembrando
 *    Vida", "le ministre Omar García Harfuch", "M. Ebrard";
 * 3. places known by name, and a state in parentheses after a town: "Ojinaga (Chihuahua)";
 * 4. a person's shape: a given name first, an apposition after (", portavoz de…", ", 45 ans"),
 *    the surname used alone elsewhere in the text;
 * 5. a preposition of place before it: "en Piedras Negras", "desde Nuevo Laredo"; words only
 *    institutions' names hold: "Seguridad Pública", "Gabinete de Seguridad";
 * 6. with none of these, two or three capitalized words are most often a person's name.
 * A news outlet counts as a platform: it is a source, not an actor of the relation.
 */
export const CANDIDATE_KINDS = ["person", "organization", "place", "programme", "event", "platform"] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** Kinds an editor may add to the registry as actors. */
export const ACTOR_KINDS: ReadonlySet<CandidateKind> = new Set(["person", "organization"]);

const words = (list: string) => new Set(list.trim().split(/\s+/).map(fold));

/** First word of a name that makes it an organization: "Fiscalía General", "Cártel de Sinaloa". */
export const ORGANIZATION_HEADS = words(`
  Secretaría Secrétariat Ministère Ministerio Département Departamento Department Fiscalía Procuraduría Parquet
  Guardia Garde Cartel Cártel Clan Ejército Armée Army Armada Fuerza Fuerzas Force Forces Policía Police Gobierno
  Gouvernement Government Consejo Conseil Council Comisión Commission Comité Committee Agencia Agence Agency
  Instituto Institut Institute Oficina Office Bureau Servicio Service Services Dirección Direction Unidad Unité
  Centro Centre Center Sindicato Syndicat Asociación Association Fundación Fondation Foundation Organización
  Organisation Organization Partido Parti Party Movimiento Mouvement Frente Front Alianza Alliance Coalición
  Coalition Senado Sénat Senate Cámara Chambre Chamber House Congreso Congrès Congress Asamblea Assemblée Assembly
  Parlamento Parlement Tribunal Corte Cour Court Suprema Universidad Université University Banco Banque Bank Fondo
  Fonds Fund Embajada Ambassade Embassy Consulado Consulat Consulate Cruz Croix Naciones Nations Organismo Organisme
  Grupo Groupe Group Compañía Compagnie Company Empresa Entreprise Corporación Corporation Cámara Confederación
  Confédération Federación Fédération Patrulla Patrouille Patrol Comando Commandement Command Brigada Brigade Banda
  Tren Administración Administration Junta Sociedad Société Human Amnistía Amnesty Médicos Médecins Familia Gabinete
  Cabinet
`);

/** Last word of a name that makes it an organization: "Jalisco Nueva Generación" is not enough, "Sinaloa Cartel" is. */
export const ORGANIZATION_TAILS = words(`
  Cartel Cártel Party Department Council Command Group Inc Corporation Company Agency Service Institute Foundation
  Watch International Internacional Nacional Nationale Federal Fédérale Generación Génération
`);

/** First word of a name that makes it a place: "Ciudad Acuña", "Nuevo Laredo", "État de Jalisco", "San Diego". */
export const PLACE_HEADS = words(`
  Ciudad Estado État Etat Municipio Municipalité Colonia Barrio Quartier Puerto Port Aeropuerto Aéroport Airport Río
  Rio Rivière Fleuve River Lago Lac Lake Golfo Golfe Gulf Bahía Baie Bay Isla Île Island Islas Îles Península
  Péninsule Sierra Cerro Monte Mont Mount Valle Vallée Valley Costa Côte Coast Playa Plage Desierto Désert Selva Mar
  Mer Sea Océano Océan Ocean Canal Paso Puente Pont Bridge Frontera Frontière Condado Comté County Provincia
  Province Región Région Region Territorio Territoire Distrito District Cabo Cap Punta Pointe Villa Ville Pueblo
  Nuevo Nueva Nuevos Nouveau Nouvelle New San Santa Santo Saint Sainte São Fort Baja Basse Haute Alta Bajo Norte
  Nord North Sur Sud South Este Est East Oeste Ouest West Amérique América Américas Amériques Asie Asia Europe
  Europa Afrique África Carretera Autopista Autoroute Route Avenida Avenue Calle Rue Plaza Place Zócalo Base Isthme
  Istmo Paseo Glorieta Boulevard Bulevar Calzada Periférico Circuito Malecón Muelle Oriente Orient Medio Moyen
  Palacio Palais Casa Maison Salón Salle Sala Bosque Parque Parc Park Tierra Terre Land Cuenca Bassin Delta
  Cordillera Altiplano
`);

/** Last word of a name that makes it a place: "Amérique du Nord", "Baja California Sur". */
export const PLACE_TAILS = words(`
  Norte Nord North Sur Sud South Centre Centro Oriente Orient Poniente Occidente Occident City Beach Springs
`);

/** Places known by name that carry no place word: Mexican and U.S. states, border towns, capitals of the region. */
export const KNOWN_PLACES = new Set(
  [
    "Aguascalientes", "Baja California", "Baja California Sur", "Basse-Californie", "Campeche", "Chiapas", "Chihuahua",
    "Coahuila", "Colima", "Durango", "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán", "Morelos", "Nayarit",
    "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí", "Sinaloa", "Sonora", "Tabasco",
    "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas", "Ciudad de México", "Estado de México", "CDMX",
    "Texas", "Arizona", "California", "Californie", "New Mexico", "Nouveau-Mexique", "Nuevo México", "Florida", "Floride",
    "New York", "Nueva York", "Washington", "Los Angeles", "Los Ángeles", "El Paso", "San Diego", "San Antonio",
    "Piedras Negras", "Nuevo Laredo", "Ciudad Juárez", "Tijuana", "Matamoros", "Reynosa", "Nogales", "Mexicali",
    "Ojinaga", "Ciudad Acuña", "Agua Prieta", "Palomas", "Sásabe", "Sonoyta", "Laredo", "Brownsville", "McAllen",
    "Eagle Pass", "Del Rio", "Monterrey", "Guadalajara", "Culiacán", "Acapulco", "Cancún", "Tapachula",
    "Ciudad Hidalgo", "Bajo Chiquito", "Costa Rica", "Puerto Rico", "El Salvador", "República Dominicana",
    "République dominicaine", "Rio Grande", "Río Bravo", "Tierra Caliente", "Chapultepec", "Tlatelolco",
    "Guatemala City", "Ciudad de Guatemala", "Las Vegas", "La Paz", "Los Cabos", "Las Cruces", "Los Mochis", "El Carmen",
    "Ciudad de Panamá", "Tegucigalpa", "Managua", "San Salvador", "San José",
  ].map(fold),
);

/** First word of a name that makes it a programme, an agreement, a law, a plan or an operation. */
export const PROGRAMME_HEADS = words(`
  Acuerdo Accord Accords Agreement Programa Programme Program Plan Plano Ley Loi Law Act Iniciativa Initiative
  Estrategia Stratégie Strategy Tratado Traité Treaty Pacto Pacte Pact Operación Opération Operation Operativo
  Proyecto Projet Project Título Titre Title Decreto Décret Decree Reforma Réforme Reform Protocolo Protocole
  Protocol Política Politique Policy Cadre Framework Declaración Déclaration Declaration Convención Convention Orden
  Ordre Order Enmienda Amendement Amendment Código Code Sistema Système System Mecanismo Mécanisme Mechanism
  Entendimiento Memorando Mémorandum Memorandum Alerta Alerte Remain Quédate Jóvenes Sembrando Bienestar
  Constitución Constitution Carta Charte
`);

/** First word of a name that makes it an event: a meeting, a summit, a conference, an election, a war. */
export const EVENT_HEADS = words(`
  Conferencia Conférence Conference Sommet Cumbre Summit Reunión Réunion Meeting Foro Forum Diálogo Dialogue
  Encuentro Rencontre Mañanera Elecciones Élections Elección Élection Election Guerra Guerre War Juegos Jeux Games
  Mundial Copa Coupe Cup Festival Feria Foire Semana Semaine Día Jour Day Noche Nuit Marcha Marche Caravana Caravane
  Masacre Massacre Matanza Crisis Crise Revolución Révolution Independencia Indépendance Año Nouvel Navidad Noël
  Pascua Pâques Premio Prix Super Mesa Table Taller Atelier Simposio Symposium Seminario Séminaire Coloquio Colloque
`);

/** Social networks, messaging services and news outlets, by their own words. */
export const PLATFORM_NAMES = new Set(
  [
    "Telegram", "WhatsApp", "Facebook", "Twitter", "Instagram", "TikTok", "YouTube", "Signal", "Truth Social",
    "Threads", "Bluesky", "Meta", "Google", "Reddit", "Snapchat", "Spotify", "Netflix", "LinkedIn",
  ].map(fold),
);

/** First or last words of news outlets and agencies: "New York Times", "Fox News", "Agence France-Presse", "Diario Oficial". */
export const PLATFORM_WORDS = words(`
  Times Post Journal News Press Presse Tribune Herald Gazette Gaceta Noticias Diario Radio Televisión Télévision
  Television TV Channel Magazine Revista Semanario Hebdo Monde Universal Jornada Reforma Milenio Proceso Excélsior
  Financiero Heraldo Informador Reuters Bloomberg Associated Social Televisa Azteca Univision Telemundo Cuartoscuro
  Getty Images
`);

/** Nouns that announce a place right before a name: "l'aéroport international Benito Juárez", "el municipio de Reynosa". */
export const PLACE_NOUNS = words(`
  aéroport aeropuerto ville ciudad villes ciudades municipio municipios municipalité commune localité localidad
  communauté comunidad poblado pueblo village villages ejido colonia barrio quartier province provincia comté
  condado région region región état estado états estados port puerto pont puente ponts puentes frontière frontera
  rivière río fleuve île isla désert desierto plage playa capitale capital carretera autopista autoroute route
  avenue avenida calle rue paso cruce passage poste garita aduana douane bourg hameau ranchería sierra vallée valle
  baie bahía golfe golfo côte costa mer mar océan océano selva jungle forêt bosque cerro montagne montaña volcan
  volcán lac lago quai muelle plaza parc parque prison prisión penal cárcel hôpital hospital base campement
  campamento refugio albergue refuge centre centro stade estadio mina mine rancho ranch hacienda finca
`);

/** Nouns of an organization right before a name: "le groupe Jalisco Nueva Generación", "la empresa Grupo México". */
export const ORGANIZATION_NOUNS = words(`
  groupe grupo organisation organización organisme organismo cartel cártel gang pandilla banda mafia clan parti
  partido entreprise empresa société sociedad compagnie compañía firme firma banque banco agence agencia ong
  association asociación fondation fundación syndicat sindicato institution institución institut instituto
  université universidad collectif colectivo coalition coalición alliance alianza milice milicia faction facción
  consortium consorcio constructora cadena chaîne laboratoire laboratorio
`);

/** Nouns of a platform or an outlet right before a name: "la messagerie Telegram", "el diario El Universal". */
export const PLATFORM_NOUNS = words(`
  plateforme plataforma réseau red application aplicación app messagerie mensajería journal diario quotidien
  périodique periódico hebdomadaire semanario magazine revista chaîne canal radio télévision televisión televisora
  média médias medios site portail portal
`);

/** Nouns of a programme right before a name: "el programa Sembrando Vida", "l'opération Lone Star". */
export const PROGRAMME_NOUNS = words(`
  programme programa plan accord acuerdo loi ley opération operación operativo initiative iniciativa stratégie
  estrategia traité tratado pacte pacto projet proyecto décret decreto réforme reforma protocole protocolo politique
  política mécanisme mecanismo dispositif sistema système baptisé baptisée bautizado bautizada dénommé denominado
  denominada intitulé intitulée titulado titulada
`);

/** Nouns of an event right before a name. */
export const EVENT_NOUNS = words(`
  conférence conferencia sommet cumbre réunion reunión forum foro dialogue diálogo rencontre encuentro élection
  elección élections elecciones festival feria marche marcha caravane caravana
`);

/**
 * Roles and titles right before a name make it a person's: "le ministre Omar García Harfuch",
 * "la gobernadora Marina del Pilar Ávila", "el capo Ismael Zambada". Adjectives of nationality or
 * rank may stand between ("le président colombien Gustavo Petro"), see PERSON_GAP.
 */
export const PERSON_NOUNS = words(`
  président présidente presidente presidenta ministre ministro ministra secrétaire secretario secretaria
  sous-secrétaire subsecretario subsecretaria chancelier chancelière canciller gouverneur gouverneure gobernador
  gobernadora maire alcalde alcaldesa sénateur sénatrice senador senadora député députée diputado diputada
  ambassadeur ambassadrice embajador embajadora consul cónsul procureur procureure fiscal juge juez jueza général
  générale general colonel coronel capitaine capitán lieutenant teniente amiral almirante commandant comandante
  sergent sargento soldat soldado agent agente policier policía directeur directrice director directora chef jefe
  jefa patron dirigeant dirigeante líder leader porte-parole vocero vocera portavoz conseiller conseillère asesor
  asesora consejero consejera commissaire comisionado comisionada représentant représentante representante délégué
  délégué delegado delegada envoyé envoyée enviado enviada émissaire emisario tsar zar candidat candidate candidato
  candidata militant militante activiste activista avocat avocate abogado abogada journaliste periodista reporter
  reportero reportera photographe fotógrafo fotógrafa écrivain escritor escritora chercheur chercheuse investigador
  investigadora professeur professeure profesor profesora analyste analista expert experte experto experta
  économiste economista politologue politólogo historien historiador sociologue sociólogo universitaire académico
  académica spécialiste especialista homme femme hombre mujer joven jeune migrant migrante migrants migrantes
  réfugié refugiado victime víctima capo narcotrafiquant narcotraficante narco trafiquant traficante sicario tueur
  chef baron barón líder cabecilla fondateur fondatrice fundador fundadora propriétaire propietario dueño dueña
  patron patrona empresario empresaria entrepreneur homme-d'affaires businessman pdg ceo gérant gerente fils fille
  hijo hija père padre mère madre frère hermano sœur hermana époux épouse esposo esposa veuve viuda oncle tío tante
  tía neveu sobrino cousin primo compagnon compagne pareja pape papa évêque obispo cardinal cardenal prêtre
  sacerdote padre père pasteur pastor rabbin rabino roi rey reine reina prince príncipe princesse princesa ex
  exprésident expresidente expresidenta exsecretario exsecretaria exgobernador exgobernadora exministre exministro
  exministra exfiscal exalcalde exdirector exjefe exembajador exembajadora exsenador exsenadora titular homologue
  homólogo homóloga alias surnommé surnommée apodado apodada
`);

/**
 * A ministry's portfolio, capitalized after "ministre de la", "secretario de": "le ministre de la
 * Sécurité Octave Lambertin" names Octave Lambertin, not "Sécurité Octave Lambertin".
 */
export const PORTFOLIOS = words(`
  Sécurité Défense Justice Intérieur Santé Économie Finances Marine Armées Travail Commerce Énergie Agriculture
  Éducation Culture Transports Environnement Immigration Migration Affaires Étrangères Extérieur Extérieures
  Seguridad Defensa Marina Gobernación Hacienda Relaciones Exteriores Interior Salud Economía Energía Bienestar
  Educación Trabajo Agricultura Comunicaciones Transportes Función Pública Ciudadana Protección Civil Nacional
  Estado Justicia Turismo Cultura Inteligencia Aduanas Homeland Security State Defense Treasury Commerce
`);

/** Words of institutions' and offices' names that no person's name holds: with a portfolio, they make an unknown name an organization. */
export const INSTITUTION_WORDS = new Set([
  ...PORTFOLIOS,
  ...words(`
  Gabinete Cabinet Derechos Droits Humanos Humains Control Contrôle Armas Armes Fuego Feu Explosivos Tabaco Alcohol
  Pública Público Publique Ciudadana Ciudadano Fronteriza Fronterizo Frontalière Federal Fédéral Fédérale General
  Générale Nacional National Nationale Internacional International Internationale Oficial Officiel Asuntos Recursos
  Desarrollo Développement Programas Servicios Fuerzas Policías Aduanas Douanes Migratorio Migratoria Patrimonio
  Ministerio Ministère Oficina Bureau Unidad Unité Grupo Groupe Comité Consejo Conseil Tribunal Juzgado Cámara
  Inmigración Immigration Ciudadanía Citoyenneté Naturalización Seguro Social Sociale Mexicano Mexicana Mexicain
  Mexicaine Americano Americana Américain Américaine Estadounidense Unidos Unis Border Patrol Customs Enforcement
  Homeland Security Protection Affairs Office Street Valley Prize Premio Prix Militar Militaire Aérea Aérienne Naval
  Navale Adultos Mayores Personas Niños Niñas Mujeres Pueblos Indígenas Campesinos Trabajadores Estudiantes Becas
  Nobel Bowl Awards Fashion Week Market Exchange Stock Bolsa Valores Bourse Index Índice Ambiente Environnement
`),
]);

/** Of PERSON_NOUNS, those whose complement is a person too: "la esposa de…", "l'avocat de…" ("le ministre de…" names a domain). */
export const KIN = words(`
  esposa esposo hijo hija padre madre hermano hermana tío tía primo prima sobrino sobrina abuelo abuela nieto nieta
  viuda viudo pareja novia novio familiar abogado abogada defensor defensora amigo amiga socio socia compadre épouse
  époux fils fille père mère frère sœur veuve veuf cousin cousine oncle tante neveu nièce compagnon compagne avocat
  avocate défenseur ami amie associé associée
`);

/** Honorifics and abbreviated titles: "M. Ebrard", "Sra. Bárcena", "Dr. Gatell", "Gral. Trevilla". */
export const HONORIFICS = words(`
  m mme mlle mm sr sra srta sres don doña dr dra lic ing gral mtro mtra monsieur madame señor señora mr mrs ms
`);

/**
 * Words that may stand between a noun and a name: nationalities, ranks, "ancien", "nouveau",
 * and the institution a role belongs to when it is written in lower case ("le ministre de
 * l'intérieur"). They never decide anything by themselves.
 */
export const NOUN_GAP = words(`
  ancien ancienne nouveau nouvelle actuel actuelle futur future ex nuevo nueva actual antiguo antigua exfuncionario
  mexicain mexicaine mexicano mexicana américain américaine estadounidense étatsunien étatsunienne colombien
  colombienne colombiano colombiana guatémaltèque guatemalteco guatemalteca hondurien hondurienne hondureño
  hondureña salvadorien salvadorienne salvadoreño salvadoreña vénézuélien vénézuélienne venezolano venezolana cubain
  cubaine cubano cubana canadien canadienne canadiense panaméen panaméenne panameño panameña nicaraguayen
  nicaragüense haïtien haïtienne haitiano haitiana brésilien brésilienne brasileño brasileña argentin argentine
  argentino argentina chilien chilienne chileno chilena péruvien péruvien peruano peruana équatorien ecuatoriano
  espagnol espagnole español española français française francés francesa chinois chinoise chino china russe ruso
  rusa ukrainien ukrainienne ucraniano ucraniana général general adjoint adjointe adjunto adjunta fédéral fédérale
  federal estatal local municipal régional regional républicain républicaine republicano republicana démocrate
  demócrata morenista panista priista international internationale internacional frontalier frontalière fronterizo
  fronteriza principal principale grand grande gran petit petite pequeño pequeña vieux vieil vieille viejo vieja
  historique histórico histórica célèbre famoso famosa fameux fameuse puissant puissante poderoso poderosa présumé
  présumée presunto presunta supuesto supuesta criminel criminelle criminal de du des la le l d del el
`);

/** Prepositions right before a name that never take a person: "en Piedras Negras", "desde Ciudad Juárez". */
export const PLACE_PREPOSITIONS = words(`
  en desde hacia rumbo dans depuis
`);

/** An age right after a name tells a person: "Juan Pérez, de 45 años", "(52 ans)". */
export const PERSON_AGE = /^\s*(?:,\s*(?:âgée?s? de |de )?\d{1,3}\s*(?:ans|años)\b|\(\s*\d{1,3}\s*(?:ans|años)?\s*\))/u;

/**
 * Given names, as a person's first word: the commonest in Mexico, Central America, the United
 * States, France and the Spanish-speaking press's usual subjects. A name opening with one of these
 * is a person's unless a stronger cue says otherwise ("l'aéroport Benito Juárez").
 */
export const GIVEN_NAMES = words(`
  Aarón Abel Abraham Adán Adolfo Adrián Agustín Alan Alberto Alejandro Alejandra Alexis Alfonso Alfredo Alicia Alma
  Álvaro Amanda Amado Amparo Ana Andrea Andrés Ángel Ángela Ángeles Antonio Antonia Ariel Armando Arturo Aurelio
  Aurora Beatriz Benjamín Benito Bernardo Blanca Brenda Carlos Carla Carmen Carolina Catalina Cecilia César Citlalli
  Clara Claudia Cristina Cristian Cuauhtémoc Daniel Daniela David Delfina Diana Diego Dolores Eduardo Efraín Elena
  Elías Elizabeth Elsa Emilio Enrique Ernesto Esteban Estela Eugenio Eva Ezequiel Fabiola Felipe Félix Fernando
  Fernanda Francisco Gabriel Gabriela Genaro Gerardo Germán Gilberto Gloria Gonzalo Graciela Guadalupe Guillermo
  Gustavo Héctor Hernán Hilda Horacio Hugo Ignacio Iliana Irene Isabel Ismael Iván Jaime Javier Jesús Joaquín Jorge
  José Josefina Juan Juana Julia Julián Julio Karla Laura Leonardo Leticia Lorena Lorenzo Lucía Luis Luisa Manuel
  Marcelo Marco Marcos Margarita María Mariana Marina Mario Marisol Martha Marta Martín Mauricio Mayra Miguel Mónica
  Nancy Natalia Néstor Nicolás Norma Octavio Omar Óscar Oscar Ovidio Pablo Patricia Paula Pedro Porfirio Rafael
  Ramón Raúl Ricardo Roberto Rocío Rodrigo Rogelio Rosa Rosario Rubén Salvador Samuel Sandra Santiago Sara Sergio
  Silvia Sofía Susana Teresa Tomás Ulises Valentina Verónica Víctor Vicente Virginia Xóchitl Yolanda Zoé Alfonso
  Adriana Arely Ariadna Dulce Ifigenia Lilia Luz Maribel Marcela Miriam Olga Paola Reyna Rocío Rosalinda Selene
  Tatiana Vanessa Ximena Rosa Mayra Emiliano Fausto Heriberto Hipólito Humberto Isidro Jacinto Leopoldo Lázaro
  Mariano Moisés Noé Pascual Ramiro Reynaldo Rigoberto Saúl Sebastián Teodoro Tomás Ulises Valentín Wilfredo
  Zacarías Nayib Xiomara Nayib Gustavo Bernardo Nicolás Daniel Evo Lula Dilma Gabriel Jair Javier Rodrigo Dina Dina
  Pedro Alain Albert Alexandre Alice Amélie André Anne Antoine Arnaud Aurélie Baptiste Benoît Bernard Brigitte Bruno
  Camille Caroline Catherine Céline Charles Chantal Christian Christine Christophe Claire Claude Clément Corinne
  Damien Denis Didier Dominique Édouard Élisabeth Élodie Emmanuel Emmanuelle Éric Étienne Fabien Fabrice Florence
  Florian François Françoise Frédéric Gaël Gérard Gilles Guillaume Hélène Henri Hervé Hugues Isabelle Jacques Jean
  Jean-Claude Jean-François Jean-Luc Jean-Marc Jean-Michel Jean-Pierre Jean-Noël Jérôme Joël Julien Justine Laurence
  Laurent Léa Louis Louise Luc Lucas Lucie Manon Marc Marie Marine Martine Mathieu Mathilde Maxime Michel Michèle
  Monique Nathalie Nicolas Olivier Pascal Patrick Philippe Pierre Raphaël Rémi Renaud Sandrine Sébastien Sophie
  Stéphane Sylvie Thierry Thomas Valérie Vincent Virginie Yves Yann Ségolène Aaron Adam Alex Alexander Alexandria
  Andrew Angela Ann Anthony Barack Ben Betsy Bill Bob Brian Bruce Chad Charlie Chris Christopher Chuck Condoleezza
  Dan Dana David Dean Deborah Dick Donald Doug Ed Elizabeth Elon Eric Frank Gary George Greg Hillary Hunter Jack
  Jake James Jane Janet Jason Jeff Jeffrey Jennifer Jim Joe John Jon Jonathan Joseph Josh Kamala Karen Karine Kash
  Kevin Kristi Kristen Lindsey Linda Lisa Mark Marco Matt Matthew Michael Mike Mitch Nancy Ned Nikki Pam Pamela Paul
  Pete Peter Rand Richard Rick Robert Ron Ronald Ryan Sam Sarah Scott Stephen Steve Steven Stephen Susan Ted
  Terrance Thomas Tim Todd Tom Tony Tulsi Vivek Wendy William Tammy Greg Kari Katie Kristi Laura Marco Rebecca Sean
  Stephen JD Hakeem Chuck Elise Volodymyr Vladimir Xi Emmanuel Justin Mark Ursula Keir Olaf Giorgia Pedro Luiz
  Inácio Gabriel Daniel
`);
