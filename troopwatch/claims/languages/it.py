"""Italian words for the claim extractor (regex fragments; see ``base.LanguageData``)."""

from troopwatch.claims.languages.base import LanguageData

# Italian writes number words as one compound ("tremila", "seicento", "diecimila"):
# they are read from these parts, as German is.
_UNITS = {
    "uno": 1, "un": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17,
    "diciotto": 18, "diciannove": 19, "venti": 20, "vent": 20, "trenta": 30, "trent": 30,
    "quaranta": 40, "quarant": 40, "cinquanta": 50, "cinquant": 50, "sessanta": 60,
    "sessant": 60, "settanta": 70, "settant": 70, "ottanta": 80, "ottant": 80,
    "novanta": 90, "novant": 90,
}  # fmt: skip

LANGUAGE = LanguageData(
    code="it",
    name="Italian",
    script="latin",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        **{w: (v, "u") for w, v in _UNITS.items()},
        "un": (1, "a"),
        "una": (1, "a"),
        "cento": (100, "h"),
        "mille": (1000, "s"),
        "mila": (1000, "s"),
        "milione": (1_000_000, "s"),
        "milioni": (1_000_000, "s"),
        "migliaio": (1000, "s"),
        "centinaio": (100, "s"),
        # Collective numbers ("una trentina": about thirty) multiply like a scale word.
        "decina": (10, "s"),
        "ventina": (20, "s"),
        "trentina": (30, "s"),
        "quarantina": (40, "s"),
        "cinquantina": (50, "s"),
        "dozzina": (12, "s"),
        "e": (0, "c"),
        "mezzo": (0.5, "f"),
    },
    number_morphemes=(*_UNITS, "cento", "mille", "mila"),
    number_phrases=(
        r"(?:un|una)\s+(?:migliaio|milione|centinaio|trentina|ventina|quarantina|cinquantina|decina|dozzina)",
        r"mezzo\s+milione",
    ),
    number_connector="e",
    scale_words=(
        ("mila", 1000),
        ("mille", 1000),
        (r"mln\.?", 1_000_000),
        ("milioni", 1_000_000),
        ("milione", 1_000_000),
    ),
    vague_numbers=(
        # A vague few named by a people noun (CLAIMS.md §1: "декількох", "un puñado").
        r"(?:alcuni|diversi|pochi|una\s+manciata\s+di|un\s+[«“\"]?(?:piccolo|gran|grande|certo|ridotto|discreto)\s+numero[»”\"]?\s+di|un\s+[«“\"]?numero\s+(?:significativo|imprecisato|consistente|limitato|crescente|considerevole|elevato|indefinito)[»”\"]?\s+di)(?=[»”\"’]?\s+[«“\"]?(?:[^\W\d_]+\s+){0,2}?(?:soldati|militari|combattenti|prigionieri|nordcoreani)(?![^\W\d_]))",
        r"(?:alcune|diverse|varie|molte|poche|parecchie)\s+(?:decine\s+di\s+migliaia|centinaia\s+di\s+migliaia|migliaia|centinaia|decine|dozzine)",
        r"(?:decine|centinaia)\s+di\s+migliaia",
        "migliaia",
        "centinaia",
        "decine",
        "dozzine",
    ),
    vague_tokens=(
        "dozzine",
        "numero",
        "alcuni",
        "diversi",
        "manciata",
        "pochi",
        "migliaia",
        "centinaia",
        "decine",
        "migliaio",
        "centinaio",
        "mila",
    ),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=("a",),
    range_and=("e",),
    range_from=(
        "tra",
        "fra",
        "da",
    ),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(
        # A deadline after the figure ("10.000 entro dicembre").
        "entro",
        "sono",
        "di",
        "e",
        "già",
        "erano",
        "hanno",
    ),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"(?:per|ogni)\s+(?:ondata|scaglione|rotazione|contingente|gruppo)",
        # A proportion: "uno su cinque", "uno ogni dieci".
        r"(?:uno|una|1)\s+(?:su|ogni)(?=\s+(?:\d|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)\b)",
        r"al\s+(?:giorno|mese)",
        r"ogni\s+giorno",
        r"a\s+settimana",
        "quotidianamente",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        r"repubblica\s+popolare\s+democratica\s+di\s+corea",
        "rpdc",
        r"corea\s+del\s+nord",
        r"nord[\s-]?corean[io]",
        r"nord[\s-]?corean[ae]",
        r"esercito\s+popolare\s+coreano",
        r"armata\s+del\s+popolo\s+coreano",
    ),
    other_owners=(
        r"russ[io]",
        r"russ[ae]",
        r"ucrain[io]",
        r"ucrain[ae]",
        r"sudcorean\w*",
        r"sud-corean\w*",
        r"cines[ie]",
        r"statunitens[ie]",
        r"american[io]",
        r"ceceni?",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    units_first=(
        (r"forze\s+(?:speciali|per\s+operazioni\s+speciali)", "special forces", "mil"),
        (r"ingegneri\s+(?:militari|da\s+combattimento)", "engineers", "mil"),
        (r"personale\s+militare", "personnel", "mil"),
    ),
    units=(
        # Members of the army or its forces are its personnel.
        (r"membri\s+(?:dell['’]esercito|delle\s+forze(?:\s+armate|\s+speciali)?)", "troops", "mil"),
        ("soldat[io]|soldatesse", "soldiers", "mil"),
        ("militari", "troops", "mil"),
        # "11.000 members of its armed forces": a member noun of an armed force.
        (
            r"membri\s+(?:delle\s+(?:sue\s+)?forze\s+armate|dell[\'’]esercito|del\s+suo\s+esercito)",
            "personnel",
            "mil",
        ),
        ("truppe|effettivi", "troops", "mil"),
        ("commandos?|incursori", "special forces", "mil"),
        ("ufficiali|generali", "officers", "mil"),
        ("genieri|ingegneri", "engineers", "mil"),
        ("sminatori|artificieri", "deminers", "mil"),
        ("combattenti|fanti|reclute|mercenari", "troops", "mil"),
        ("uomini", "soldiers", "mil"),
        (
            "artiglieri|cecchini|operatori(?:\\s+di\\s+droni)?|piloti\\s+di\\s+droni|medici\\s+militari",
            "personnel",
            "mil",
        ),
        (r"prigionieri(?:\s+di\s+guerra)?|feriti|morti|caduti|vittime|uccisi", "casualty", "mil"),
        ("nordcoreani", "troops", "nk"),
        (r"lavoratori|operai|manodopera", "workers", "civ"),
        ("persone|individui|cittadini|unità", "personnel", "count"),
    ),
    non_people=(
        # Counts of waves, rotations, stages, lengths and time spans: no head count.
        (r"centimetri|cm|minuti|unità\s+di\s+(?:equipaggiamento|mezzi)", "", "block"),
        (
            r"proiettili|munizioni|missili|razzi|droni|carri(?:\s+armati)?|veicoli|tonnellate|dollari|euro|rubli|"
            r"anni|mesi|giorni|settimane|ore|chilometri|km|per\s+cento|volte|sanzioni|abitanti|civili|"
            r"rifugiati|disertori|bambini|sistemi|lanciarazzi|obici|brigate|battaglioni|divisioni|reggimenti|"
            r"ondate|turni|rotazioni|fasi|termini|città|villaggi|navi|aerei|voli|container",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        "dispiegamento",
        "schieramento",
        "rischierat[oiae]",
        r"in\s+prima\s+linea",
        r"inviat[oiae]",
        r"inviat[oiae]\s+in\s+totale",
        r"invi(?:a|ano|ato|ò|arono|ando)",
        "invio",
        r"mandat[oiae]",
        r"mand(?:a|ano|ò|arono)",
        r"schierat[oiae]",
        r"schier(?:a|ano|ò|arono)",
        r"dispiegat[oiae]",
        r"dispieg\w*",
        r"trasferit[oiae]",
        r"arrivat[oiae]",
        r"giunt[oiae]",
        r"present[ie]",
        r"si\s+trovano",
        r"ci\s+sono",
        r"dislocat[oiae]",
        r"stanziat[oiae]",
        r"addestrat[oiae]",
        r"addestr\w*",
        r"combatt\w*",
        r"impiegat[oiae]",
        r"entrat[oiae]",
        r"al\s+fronte",
        r"in\s+territorio\s+russo",
        r"fornit[oiae]",
        r"spostamento",
        r"concentrat[oiae]",
    ),
    planned=(
        # A dispatch announced is one to come: "a annoncé l'envoi de 1 000 démineurs".
        r"annunci\w*\s+(?:l['’]\s*invio|il\s+dispiegamento|lo\s+schieramento)",
        # The present subjunctive of sending ('è probabile che … invii'): not a fact.
        r"invii",
        r"inviino",
        r"mandino",
        r"schieri",
        r"schierino",
        # The future in the past after an announcement or a promise: "ha annunciato che
        # Pyongyang avrebbe inviato" (would send); with no such verb "avrebbe inviato" is
        # reportative (reportedly sent) and stays deployed.
        r"(?:annunciat\w*|annuncia\w*|promess\w*|promett\w*|assicurat\w*|garantit\w*)\s+"
        r"(?:\w+\s+){0,3}?che\s+(?:\w+\s+){0,5}?(?:avrebbe|avrebbero)\s+(?:\w+\s+)?"
        r"(?:inviato|mandato|schierato|dispiegato|trasferito)",
        # The future tense of any verb whose subject is the figure ("arriveranno", "saranno").
        r"[^\W\d_]{2,}ranno",
        r"[^\W\d_]{2,}rà",
        # A decision or a forecast named as a noun: "la decisione di inviare", "la previsione di".
        r"decisione\s+di\s+(?:inviare|mandare|schierare)|previsione\s+di",
        r"(?:potrebbe|potrebbero|potrà|potranno|dovrebbe|dovrebbero|intende|intendono|prevede|prevedono|"
        r"intend[ae]|pianifica|pianificano|sta\s+per|stanno\s+per|si\s+prepara\s+a|si\s+preparano\s+a|è\s+pronta\s+a|"
        r"sarebbe\s+pront[ao]\s+a|vuole|vogliono|ha\s+deciso\s+di|hanno\s+deciso\s+di|starebbe\s+per|"
        # Agreed to, about to: "ha accettato di inviare", "stava per trasferire".
        r"(?:ha|hanno|aveva|avevano)\s+(?:\w+\s+)?(?:accettato|concordato|promesso)\s+di|stava\s+per|stavano\s+per)\s+"
        r"(?:\w+\s+){0,3}?(?:inviare|mandare|schierare|dispiegare|mettere\s+a\s+disposizione|contare|"
        r"raggiungere|salire|arrivare|aumentare|trasferire)",
        r"invierà|invieranno|manderà|manderanno|schiererà|schiereranno|dispiegherà",
        r"sarà\s+inviat[oiae]|saranno\s+inviat[oiae]|verranno\s+(?:inviat|mandat|schierat)[oiae]|vengano\s+mandat[oiae]",
        r"è\s+atteso\s+che|sono\s+attesi|è\s+previsto|si\s+prevede",
        r"nelle\s+prossime\s+settimane|nei\s+prossimi\s+mesi|entro\s+la\s+fine\s+dell['’]anno",
        r"pianificat[oiae]|previst[oiae]",
        # Getting the dispatch ready: "sta preparando l'invio di 12.000 soldati".
        r"(?:sta|stanno|stava|stavano|stia|stiano)\s+preparando\s+(?:l['’]invio|il\s+trasferimento|lo\s+schieramento)",
        r"prepara(?:re|no)?\s+(?:l['’]invio|il\s+trasferimento)",
    ),
    casualties=(
        # 'Ha perso 4.000 soldati': losses ('perso la vita' is killed, a longer cue).
        r"(?:ha|hanno|avrebbe|avrebbero|abbia|abbiano|aveva|avevano)\s+perso",
        "perdite",
        r"morti\s+(?:e|o)\s+feriti",
        r"uccisi\s+(?:e|o)\s+feriti",
        r"tra\s+morti\s+e\s+feriti",
        r"fuori\s+combattimento",
        "vittime",
    ),
    killed=(
        # Dying now, and giving one's life.
        r"muoi(?:ono|e)",
        r"(?:hanno\s+)?dato\s+la\s+(?:loro\s+)?vita",
        # The death of N: "con la morte di circa 600 soldati".
        r"morte\s+di",
        # Died of wounds: killed.
        r"(?:mort[io]|deceduti)\s+(?:per|a\s+causa\s+delle)\s+(?:le\s+)?ferite",
        # Fell in battle: killed.
        r"cadut[io]\s+in\s+(?:combattimento|battaglia|azione)",
        # Military usage (eliminated, neutralised), remains, singular deaths.
        r"eliminat[oiae]",
        r"neutralizzat[oiae]",
        r"abbattut[oiae]",
        r"salme",
        r"corpi\s+di",
        r"morto",
        r"uccis[io]",
        r"mort[io]",
        "caduti",
        r"decedut[io]",
        r"rimast[io]\s+uccis[io]",
        r"persero\s+la\s+vita|hanno\s+perso\s+la\s+vita|costata\s+la\s+vita",
    ),
    wounded=(
        # In hospital: wounded.
        r"ricoverat[oiae]",
        r"in\s+ospedale",
        r"negli\s+ospedali",
        r"ferit[io]",
        r"ferite",
    ),
    captured=(
        # Prisoners.
        r"prigionier[io]",
        # Surrender and detention.
        r"si\s+(?:sono\s+|erano\s+|siano\s+|sarebbero\s+)?arres[io]",
        r"detenut[io]",
        r"catturat[oiae]",
        r"cattur\w*",
        r"fatt[io]\s+prigionier[io]",
        r"prigionieri\s+di\s+guerra",
        r"pres[io]\s+prigionier[io]",
    ),
    force_size=(
        r"conta\s+(?:su\s+)?(?:circa\s+)?",
        r"effettivi\s+totali",
        r"esercito\s+di",
        r"forte\s+di",
    ),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        # A possibility: possibile, probabile che, not ruled out.
        r"(?:possibil[ei]|eventual[ei])(?=\s+(?:\w+\s+)?(?:invio|dispiegamento|trasferimento|rinforz))",
        r"probabile\s+che",
        r"esclude\w*",
        # An intention named as a noun.
        r"intenzione\s+di",
        # Promises and commitments govern the sending verb.
        r"promess[oa]\s+di",
        r"promett\w*\s+di",
        r"impegnat[oaie]\s+ad?",
        # Readiness, offers, threats, considerations, requests and postposed expectations govern the sending verb.
        r"pront[oaie]\s+ad?",
        r"dispost[oaie]\s+ad?",
        r"offert[oaie]\s+di",
        r"offre\s+di",
        r"minacci\w*\s+di",
        # Considering governs only a sending word after it, not a figure.
        r"(?:valut|consider)(?:a|ano|ando)(?=\s+(?:di\s+|la\s+possibilità\s+di\s+|l['’]|un\s+)?(?:\w+\s+)?(?:inviare|mandare|schierare|invio|dispiegamento))",
        r"chiesto",
        r"richiesto",
        r"(?:è|sono|era|erano)\s+attes[oiae]",
        r"(?:è|sono)\s+previst[oiae]",
        "potrebbe",
        "potrebbero",
        "potrà",
        "potranno",
        "dovrebbe",
        "dovrebbero",
        "dovrà",
        "dovranno",
        "sarà",
        "saranno",
        "intende",
        "intendono",
        "prevede",
        "prevedono",
        r"sta\s+per",
        r"stanno\s+per",
        "presto",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        "approx": (
            "circa",
            r"intorno\s+a(?:i|lle)?",
            r"cerca\s+di",
            "approssimativamente",
            r"all['’]incirca",
            r"una\s+stima\s+di",
        ),
        "at_least": ("almeno", r"non\s+meno\s+di", r"come\s+minimo", r"perlomeno|per\s+lo\s+meno"),
        "up_to": (r"fino\s+a(?:d)?", r"al\s+massimo", r"meno\s+di", "massimo"),
        "nearly": ("quasi", r"vicino\s+a", r"poco\s+meno\s+di", r"sfiorano|sfiora"),
        "more_than": (
            "oltre",
            r"più\s+di",
            r"ben\s+oltre",
            r"superiore\s+a",
            r"supera(?:no)?|superato",
        ),
    },
    qualifiers_after={
        "approx": (r"o\s+giù\s+di\s+lì", r"circa"),
        "at_least": (r"o\s+più",),
        "more_than": (r"e\s+passa",),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    adjective_first=False,
    relative_pronouns=("che", r"(?:i|le)\s+quali"),
    deployed_formations=(r"corpo\s+(?:della\s+)?[«\"]?tempesta", r"11°?\s+corpo"),
    size_words=(
        # Verbs of a formation's composition.
        r"compost[oa]\s+da",
        r"format[oa]\s+da",
        r"conta",
        r"effettivi",
        r"dimensioni",
    ),
    generic_markers=("generalmente", "normalmente", "solitamente", r"di\s+solito", r"in\s+media"),
    formation_nouns=(
        r"battaglion[ei]",
        r"brigat[ae]",
        r"reggiment[io]",
        r"division[ei]",
        r"compagni[ae]",
    ),
    restatement=(r"si\s+tratta\s+di", r"si\s+parla\s+di"),
    agentless=(r"si\s+(?:stima|ritiene|calcola|crede)", r"secondo\s+(?:alcune\s+)?stime"),
    claimant_sides={
        "US": (r"statunitens[ie]", r"american[io]", r"(?:degli\s+)?Stati\s+Uniti", "USA"),
        "South Korean": (r"sudcorean[aie]", r"(?:della\s+)?Corea\s+del\s+Sud"),
        "Ukrainian": (r"ucrain[aie]", r"(?:dell['’])?Ucraina"),
        "Western": ("occidentali", r"(?:dell['’])?Occidente"),
        "Russian": (r"russ[aoie]", r"(?:della\s+)?Russia"),
        "allied": ("alleati",),
    },
    claimant_heads={
        "lawmaker": (
            r"deputat[oi]",
            r"parlamentar[ei]",
        ),
        "intelligence": (r"servizi\s+(?:segreti|di\s+intelligence)", "intelligence"),
        "sources": ("fonti",),
        "estimates": ("stime",),
        "officials": (r"funzionari[oa]?",),
        "governments": ("governi", "potenze"),
        "media": (
            r"media",
            r"mezzi\s+di\s+informazione",
        ),
        "authorities": (r"autorità",),
        "military": (r"forze(?:\s+armate)?", "esercito", "militari", "truppe"),
    },
    attribution=(
        r"(?:conferma|annuncio|dichiarazione|dichiarazioni|stima|stime|rapporto)\s+(?:ufficiale\s+)?da\s+parte\s+d(?:i|el|ella|ei|egli|ell['’])",
        r"(?:segnalat|riferit|riportat|annunciat|comunicat|dichiarat|confermat|rivelat|stimat)[oaie]\s+(?:(?:per\s+la\s+prima\s+volta|anche|già|ieri|oggi|ufficialmente)\s+)?(?:da|dal|dalla|dai|dagli|dall['’])",
        "secondo",
        r"citando",
        r"stando\s+a",
        # Contracted with the article: "stando alle stime del Pentagono".
        r"stando\s+(?:al|alla|alle|ai|agli|allo)",
        r"in\s+base\s+a",
        r"a\s+detta\s+di",
        r"come\s+riferito\s+da",
        r"riferendosi\s+a",
        r"(?:rivelat|annunciat|confermat|pubblicat|diffus|comunicat|evidenziat)[oaie](?:\s+\w+){0,2}\s+(?:da|dal|dalla|dai|dagli|dalle|dall['’])",
    ),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        r"(?:è|e['’])\s+quanto",
        r"(?:questa|la)\s+(?:cifra|stima|informazione)\s+(?:è\s+stata|arriva|viene)",
        r"lo\s+(?:ha\s+|hanno\s+)?(?:riferisce|riferiscono|scrive|scrivono|dichiarato|detto|riferito|annunciato|afferma|affermano)",
        r"(?:la|questa)\s+(?:cifra|stima)\s+è",
        r"a\s+(?:riferirlo|dirlo|rivelarlo|disegnare)",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "lui",
        "lei",
        "loro",
        "l['’]agenzia",
        r"il\s+ministero",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        r"secondo\s+lui",
        r"secondo\s+lei",
        r"a\s+suo\s+dire",
    ),
    asides=(
        "dal canto suo",
        "dal canto loro",
        "da parte sua",
        "per parte sua",
        "a sua volta",
        "dal suo canto",
        "invece",
        "anche",
    ),
    say_verbs=(
        # Acknowledging a figure states it; a video posted shows it.
        r"riconosc(?:e|ono)",
        r"(?:ha|hanno)\s+riconosciuto",
        r"(?:ha|hanno)\s+pubblicato\s+un\s+video",
        # Speaking of a figure: "il Pentagono ha parlato di 3.000".
        r"ha\s+parlato\s+di|hanno\s+parlato\s+di|parla\s+di|parlano\s+di",
        # "X has data on …": X states what its data show.
        r"ha(?:nno)?\s+(?:informazioni|dati|prove)",
        r"avev(?:a|ano)\s+(?:informazioni|dati|prove)",
        r"dispon(?:e|gono)\s+di\s+(?:informazioni|dati)",
        r"(?:ha|hanno)\s+accusato",
        "accus(?:a|ano)",
        # Compound tenses with any auxiliary: "aveva detto", "avevano stimato".
        r"detto|dichiarato|affermato|riferito|confermato|annunciato|stimato|precisato|spiegato|sottolineato|rivelato",
        r"ha\s+detto|hanno\s+detto|dice|dicono|disse",
        r"(?:ha|hanno)\s+rivendicato|rivendica(?:no)?",
        r"confermando|affermando|stimando|sostenendo|dichiarando",
        r"ha\s+dichiarato|hanno\s+dichiarato|dichiara\w*",
        r"ha\s+affermato|hanno\s+affermato|afferma\w*",
        r"ha\s+riferito|hanno\s+riferito|riferisce|riferiscono",
        r"ha\s+confermato|hanno\s+confermato|conferma\w*",
        r"ha\s+annunciato|annuncia\w*",
        r"ha\s+stimato|stima(?:no)?|stimano",
        r"ha\s+scritto|scrive|scrivono",
        r"ha\s+sottolineato|sottolinea",
        r"ha\s+spiegato|spiega",
        r"ha\s+precisato|precisa",
        r"ha\s+riportato|riporta(?:no)?",
        r"ha\s+rivelato|rivela(?:no)?",
        r"ritiene|ritengono|crede|credono|crediamo",
        r"ha\s+parlato\s+di|aveva\s+parlato\s+di",
        r"ha\s+avvertito|avverte",
        r"ha\s+segnalato|avevano\s+segnalato|segnala\w*",
        r"ha\s+reso\s+noto|rende\s+noto",
        r"ha\s+stabilito",
        r"prosegue|aggiunge|ha\s+aggiunto",
    ),
    # Dates, sentence splitting and language guess.
    months=(
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
        r"genn?\.?",
        r"febb?\.?",
        r"nov\.",
        r"ott\.",
        r"dic\.",
    ),
    abbreviations=("nov", "ott", "dic", "gen", "feb", "sig", "dott", "ing", "on", "prof", "pag"),
    stop_words=(
        "ha",
        "del",
        "la",
        "le",
        "in",
        "al",
        "e",
        "i",
        "il",
        "lo",
        "gli",
        "della",
        "delle",
        "degli",
        "dei",
        "di",
        "che",
        "è",
        "sono",
        "nel",
        "nella",
        "per",
        "con",
        "non",
        "una",
        "hanno",
        "anche",
        "alla",
        "dal",
        "dalla",
        "sul",
        "più",
        "questo",
        "questa",
        "stati",
        "stato",
        "ai",
    ),  # fmt: skip
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=("soldat", "militar", "truppe", "esercit", "uomini", "forze"),
    civilian_words=("lavor", "lavorator", "operai", "civil", "student", "turist"),
    percent_words=(
        # A fraction: "two-thirds", "zwei Drittel", "дві третини" (CLAIMS.md §2).
        r"terzi",
        r"quarti",
        r"quinti",
        r"per\s*cento",
    ),
    increase_verbs=(r"aument\w*", r"alz\w*", r"incrementa\w*", r"portare"),
    estimate_words=(r"stim\w*", r"si\s+stima"),
    loss_words=("perdite", "perso", r"persi"),
    casualty_nouns=("perdite", "vittime"),
    whole_force_nouns=(
        r"esercit[oi]",
        r"forze\s+armate",
        r"forze\s+(?:speciali|per\s+operazioni\s+speciali)",
        r"armata",
        "corpo",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        "riservisti",
        "aeronautica",
        # Not "fanteria di marina" / Spanish "infantes de marina" (marines, people).
        r"(?<!di\s)(?<!de\s)marina",
        r"paramilitar\w*",
        r"guardie\s+rosse",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=(
        r"di\s+cui",
        r"tra\s+(?:cui|questi|loro)",
    ),
    including=(r"tra\s+cui", r"compres[io]", r"inclus[io]", r"di\s+cui"),
    together=("insieme", "complessivamente", "congiuntamente"),
    # An earlier or other estimate of the same measure follows (CLAIMS.md §6).
    compared=(
        r"rispetto\s+a(?:i|gli|lle|l)?",
        r"contro\s+(?:i|gli|le)?",
        r"a\s+fronte\s+de(?:i|gli|lle)",
        r"(?:la|una|sua)\s+(?:stima|cifra)\s+(?:precedente|iniziale)\s+di",
    ),
    contrast=("mentre", "ma", "però", "tuttavia"),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        "sostegno",
        "sostenere",
        "aiutare",
        r"al\s+fianco",
        "contro",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=(
        "già",
        "avere",
    ),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=("che",),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=(
        "e",
        "ed",
        "o",
        r"oltre\s+a",
    ),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=(
        r"deputat\w*",
        r"parlamentar\w*",
    ),
    countries=(
        r"la\s+russia",
        "russia",
        "ucraina",
        "mosca",
        "kiev",
        r"corea\s+del\s+sud",
        "seul",
        "giappone",
    ),
    institutions=(
        r"intelligence",
        r"servizi?(?:\s+segreti)?",
        "governo",
        r"minister[oi]",
        "presidente",
        r"stato\s+maggiore",
        r"autorità",
        "fonti",
        r"funzionari[oi]?",
        r"forze\s+armate",
        "portavoce",
        r"dipartimento",
    ),
    present_sending=("invia", "inviano", "manda", "mandano", "schiera", "schierano"),
    plural_pronouns=("essi", "loro", r"questi\s+\w+"),
    since_words=(
        r"da(?:l|ll['’])?\s+(?:settembre|ottobre|novembre|dicembre|gennaio|febbraio|marzo|"
        r"aprile|maggio|giugno|luglio|agosto|mesi|settimane)",
    ),
    figure_again=(
        r"(?:stim\w*|calcol\w*|colloc\w*|fiss\w*)\s+(?:questa|tale|la|sua)\s+cifra\s+(?:a|in)|(?:stim\w*|calcol\w*|fiss\w*)\s+(?:questo|il|suo)\s+numero\s+(?:a|in)",
    ),
)
