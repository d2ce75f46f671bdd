"""Portuguese words for the claim extractor (regex fragments; see ``base.LanguageData``)."""

from troopwatch.claims.languages.base import LanguageData

LANGUAGE = LanguageData(
    code="pt",
    name="Portuguese",
    script="latin",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        "um": (1, "a"),
        "uma": (1, "a"),
        "dois": (2, "u"),
        "duas": (2, "u"),
        "três": (3, "u"),
        "quatro": (4, "u"),
        "cinco": (5, "u"),
        "seis": (6, "u"),
        "sete": (7, "u"),
        "oito": (8, "u"),
        "nove": (9, "u"),
        "dez": (10, "u"),
        "onze": (11, "u"),
        "doze": (12, "u"),
        "treze": (13, "u"),
        "catorze": (14, "u"),
        "quatorze": (14, "u"),
        "quinze": (15, "u"),
        "dezesseis": (16, "u"),
        "dezasseis": (16, "u"),
        "dezessete": (17, "u"),
        "dezassete": (17, "u"),
        "dezoito": (18, "u"),
        "dezenove": (19, "u"),
        "dezanove": (19, "u"),
        "vinte": (20, "u"),
        "trinta": (30, "u"),
        "quarenta": (40, "u"),
        "cinquenta": (50, "u"),
        "sessenta": (60, "u"),
        "setenta": (70, "u"),
        "oitenta": (80, "u"),
        "noventa": (90, "u"),
        "cem": (100, "h"),
        "cento": (100, "h"),
        "duzentos": (200, "u"),
        "duzentas": (200, "u"),
        "trezentos": (300, "u"),
        "trezentas": (300, "u"),
        "quatrocentos": (400, "u"),
        "quinhentos": (500, "u"),
        "seiscentos": (600, "u"),
        "setecentos": (700, "u"),
        "oitocentos": (800, "u"),
        "novecentos": (900, "u"),
        "dúzia": (12, "s"),
        "dezena": (10, "s"),
        "centena": (100, "s"),
        "milhar": (1000, "s"),
        "vintena": (20, "s"),
        "trintena": (30, "s"),
        "quarentena": (40, "s"),
        "cinquentena": (50, "s"),
        "mil": (1000, "s"),
        "milhão": (1_000_000, "s"),
        "milhões": (1_000_000, "s"),
        "e": (0, "c"),
        "meio": (0.5, "f"),
    },
    number_morphemes=(),
    number_phrases=(
        r"(?:um|uma)\s+(?:milhar|milhão|centena|dezena|dúzia|vintena|trintena|quarentena|cinquentena)",
        r"meio\s+milhão",
    ),
    number_connector="e",
    scale_words=(
        ("mil", 1000),
        ("milhões", 1_000_000),
        ("milhão", 1_000_000),
        (r"mi\.?", 1_000_000),
    ),
    vague_numbers=(
        # A vague few named by a people noun (CLAIMS.md §1: "декількох", "un puñado").
        r"(?:vários|alguns|poucos|um\s+punhado\s+de|um\s+[«“\"]?(?:pequeno|grande|certo|reduzido)\s+número[»”\"]?\s+de|um\s+[«“\"]?número\s+(?:significativo|indeterminado|considerável|limitado|crescente|elevado|desconhecido)[»”\"]?\s+de)(?=[»”\"’]?\s+[«“\"]?(?:[^\W\d_]+\s+){0,2}?(?:soldados|militares|combatentes|prisioneiros|norte-coreanos)(?![^\W\d_]))",
        r"(?:várias|vários|algumas|alguns|muitas|muitos|poucas|poucos)\s+(?:dezenas\s+de\s+milhares|centenas\s+de\s+milhares|milhares|centenas|dezenas)",
        r"(?:dezenas|centenas)\s+de\s+milhares",
        "milhares",
        "centenas",
        "dezenas",
    ),
    vague_tokens=(
        "número",
        "vários",
        "alguns",
        "punhado",
        "poucos",
        "milhares",
        "centenas",
        "dezenas",
        "milhar",
        "mil",
    ),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=("a",),
    range_and=("e",),
    range_from=(
        "entre",
        "de",
    ),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(
        # A deadline after the figure ("10.000 até dezembro").
        "até",
        "foram",
        "em",
        "já",
        "são",
        "dos",
        "das",
    ),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"(?:por|cada)\s+(?:vaga|leva|rotação|contingente|grupo)",
        # A proportion: "um em cada cinco".
        r"(?:um|uma|1)\s+(?:em|de)\s+cada",
        r"(?:por|ao)\s+(?:dia|semana|mês)",
        "diariamente",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        r"república\s+popular\s+democrática\s+da\s+coreia",
        "rpdc",
        r"coreia\s+do\s+norte",
        r"norte[\s-]?coreano\w*",
        r"norte[\s-]?coreana\w*",
        r"exército\s+popular\s+da\s+coreia",
    ),
    other_owners=(
        r"russ[oa]s?",
        r"ucranian[oa]s?",
        r"sul[\s-]?corean[oa]s?",
        r"chines[ae]s?",
        r"americanos?",
        r"norte-americanos?",
        r"chechenos?",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    units_first=(
        (r"forças\s+(?:especiais|de\s+operações\s+especiais)", "special forces", "mil"),
        (r"tropas\s+de\s+elite", "special forces", "mil"),
        (r"engenheiros\s+(?:militares|de\s+combate)", "engineers", "mil"),
    ),
    units=(
        # Members of the army or its forces are its personnel.
        (r"membros\s+(?:do\s+exército|das\s+forças(?:\s+armadas|\s+especiais)?)", "troops", "mil"),
        ("soldados?", "soldiers", "mil"),
        ("militares", "troops", "mil"),
        # "11.000 members of its armed forces": a member noun of an armed force.
        (
            r"membros\s+(?:de\s+suas|das|do|de\s+seu|de\s+sua)\s+(?:forças\s+armadas|exército)",
            "personnel",
            "mil",
        ),
        ("tropas?|efetivos|efectivos", "troops", "mil"),
        ("comandos", "special forces", "mil"),
        ("oficiais|generais", "officers", "mil"),
        ("engenheiros|sapadores", "engineers", "mil"),
        ("combatentes|mercenários|recrutas", "troops", "mil"),
        ("homens", "soldiers", "mil"),
        ("artilheiros|franco-atiradores|operadores(?:\\s+de\\s+drones)?", "personnel", "mil"),
        (r"prisioneiros(?:\s+de\s+guerra)?|feridos|mortos|baixas", "casualty", "mil"),
        ("norte-coreanos|norte\\s+coreanos", "troops", "nk"),
        (r"trabalhadores|operários|mão\s+de\s+obra", "workers", "civ"),
        ("pessoas|indivíduos", "personnel", "count"),
    ),
    non_people=(
        # Counts of waves, rotations, stages, lengths and time spans: no head count.
        (r"centímetros|cm|minutos|unidades", "", "block"),
        (
            r"projéteis|projécteis|munições|mísseis|foguetes|drones|tanques|veículos|toneladas|dólares|"
            r"euros|rublos|anos|meses|dias|semanas|horas|quilômetros|quilómetros|km|por\s+cento|vezes|"
            r"sanções|habitantes|civis|refugiados|desertores|crianças|sistemas|brigadas|batalhões|"
            r"divisões|regimentos|ondas|rodadas|rotações|fases|navios|aviões|contêineres|contentores",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        "deslocad[oa]s?|deslocou|deslocaram",
        r"em\s+combate",
        r"na\s+linha\s+da\s+frente",
        r"enviou|enviaram|enviad[oa]s?|envia|enviam|enviando|envio",
        r"mandou|mandaram|mandad[oa]s?",
        r"destacad[oa]s?|destacou",
        r"posicionad[oa]s?",
        r"implantad[oa]s?",
        r"mobilizad[oa]s?|mobilizou",
        r"cheg(?:ou|aram|ado|ada|ados|adas)",
        r"estacionad[oa]s?",
        r"trein(?:ar|ando|am|aram|ados|adas)",
        r"começaram\s+a\s+treinar",
        r"lut(?:ar|ando|am|aram)",
        r"combat(?:er|endo|em|eram)",
        r"transferid[oa]s?|transferir|transferiu|transferiram",
        r"já\s+em",
        r"no\s+front",
        r"na\s+linha\s+de\s+frente",
        r"desdobrad[oa]s?",
    ),
    planned=(
        # A dispatch announced is one to come: "a annoncé l'envoi de 1 000 démineurs".
        r"anunci\w*\s+(?:o\s+envio|o\s+destacamento|o\s+deslocamento)",
        # The present subjunctive of sending ('é provável que … envie'): not a fact.
        r"envie",
        r"enviem",
        r"mandem",
        # The future tense of any verb whose subject is the figure ("chegarão", "serão").
        r"[^\W\d_]{2,}(?:ar|er|ir)ão",
        r"(?:vai|vão|irá|irão|poderá|poderão|poderia|poderiam|deverá|deverão|deveria|deveriam|pretende|pretendem|"
        r"planeja|planejam|planeia|planeiam|prevê|preveem|está\s+prestes\s+a|estão\s+prestes\s+a|decidiu|decidiram|"
        # Agreed to, about to: "concordou em enviar", "estava prestes a enviar".
        r"concordou\s+em|concordaram\s+em|aceitou|aceitaram|prometeu|prometeram|estava\s+prestes\s+a|estavam\s+prestes\s+a)\s+"
        r"(?:\w+\s+){0,3}?(?:enviar|mandar|destacar|mobilizar|chegar|atingir|aumentar|subir|transferir|"
        r"ser\s+enviad[oa]s)",
        r"pretende|pretendem|planeja|planejam|planeia|planeiam|deverá|deverão|poderá|poderão",
        r"enviará|enviarão|mandará|mandarão|enviaria|enviariam",
        # A forecast of a total: "prevê um total de 10.000".
        r"(?:prevê|preveem|previa)\s+(?:um\s+total\s+de|cerca\s+de|até)",
        r"(?:esteja|está|estão|estejam)\s+preparando\s+o\s+envio",
        r"prepar(?:a|am|ando)\s+o\s+envio",
        # Getting ready to send: "prepara-se para enviar", "se preparam para", "está a preparar".
        r"(?:prepar(?:a|am|ava|avam)-se|se\s+prepar(?:a|am|ava|avam|ando))\s+para\s+(?:\w+\s+){0,2}?(?:enviar|mandar|destacar|mobilizar|transferir)",
        r"(?:está|estão|estava|estavam)\s+a\s+preparar\s+(?:o\s+envio|(?:\w+\s+){0,2}?(?:enviar|mandar|destacar))",
        # Expected, and being got ready: "mais 2.600 esperados", "estão a ser preparados".
        r"esperad[oa]s",
        r"(?:está|estão|estava|estavam)\s+(?:a\s+ser|sendo)\s+preparad[oa]s",
        r"(?:está|estão|estava|estavam)\s+(?:a\s+preparar|preparando)(?=\s+(?:\w+\s+){0,3}?(?:cerca|mais|até|\d))",
        r"começou\s+a\s+enviar",
        r"planejad[oa]s?|prevista?s?|previstos",
        r"ser(?:á|ão|ia|iam)\s+enviad[oa]s",
        r"espera-se|é\s+esperad[oa]",
        r"nas\s+próximas\s+semanas|nos\s+próximos\s+meses|até\s+o\s+fim\s+do\s+ano|até\s+ao\s+final\s+do\s+ano",
    ),
    casualties=(
        # 'Perdeu 4.000 soldados': losses ('perderam a vida' is killed, a longer cue).
        r"perd(?:eu|eram|ido)",
        "baixas",
        # "registraram baixa de 4.700 homens": a loss, counted.
        r"baixa\s+de",
        r"perdas",
        r"mort[oa]s\s+(?:ou|e)\s+ferid[oa]s",
        r"morreram\s+ou\s+ficaram\s+feridos",
        r"fora\s+de\s+combate",
        "vítimas",
    ),
    killed=(
        # Dying now, and giving one's life.
        r"morre(?:m)?",
        r"deram\s+(?:a|as)\s+(?:sua\s+|suas\s+)?vidas?",
        # Active killing: mataram.
        r"mat(?:aram|ou|ado|ados)",
        # The death of N ("com a morte de cerca de 600"); eliminating them.
        r"morte\s+de",
        r"elimin(?:ar|aram|ou|am)",
        # Died of wounds: killed.
        # In the first group: "morreram|morreu|…" (a top-level alternation) is tried before
        # the lettered fragments, and this longer cue must come first.
        r"(?:morre(?:ram|u))\s+(?:devido\s+a(?:os)?\s+|em\s+consequência\s+d[oe]s?\s+|d[oe]s?\s+)?(?:seus\s+)?ferimentos",
        # Fell in battle: killed.
        r"(?:caíram|caído|caiu)\s+em\s+(?:combate|ação)",
        # Military usage (eliminated, shot down), remains, singular deaths.
        r"eliminad[oa]s?",
        r"elimin(?:ou|aram)",
        r"abat(?:eu|eram)",
        r"corpos\s+de",
        r"falecid[oa]s?",
        "mortes",
        r"mort[oa]s?",
        r"morreram|morreu|morrido|morrer(?:am)?",
        r"perderam\s+a\s+vida",
        r"abatid[oa]s",
        r"caídos",
    ),
    wounded=(
        # Active wounding: feriram.
        r"feri(?:ram|u)",
        # Injuries.
        r"ferimentos",
        # In hospital: wounded.
        r"hospitalizad[oa]s?",
        r"internad[oa]s?",
        r"em\s+hospitais",
        r"ferid[oa]s?",
        r"ficaram\s+feridos",
    ),
    captured=(
        # Held prisoner.
        r"pres[oa]s",
        r"prisioneir[oa]s",
        # Surrender and detention.
        r"se\s+(?:renderam|rendeu|tinham\s+rendido)",
        r"rend(?:eram|eu)-se",
        r"rendição",
        r"detid[oa]s",
        r"captur\w*",
        r"feit[oa]s\s+prisioneir[oa]s",
        r"prisioneiros\s+de\s+guerra",
        r"aprisionad[oa]s",
    ),
    force_size=(
        r"conta\s+com",
        r"efetivo\s+total",
        r"exército\s+de",
        r"contingente\s+de",
    ),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        # A possibility: possível, provável que, not ruled out.
        r"(?:possíve(?:l|is)|eventua(?:l|is))(?=\s+(?:\w+\s+)?(?:envio|destacamento|transferência|reforço))",
        r"prováve(?:l|is)\s+que",
        r"descart(?:a|am|ou)",
        # An intention named as a noun.
        r"intenção\s+de",
        # Promises, commitments and intentions govern the sending verb.
        r"promet(?:eu|eram|ido|e|em)",
        r"compromet(?:eu|eram|ido)(?:-se)?",
        r"tenciona\w*",
        # Readiness, offers, threats, considerations, requests and expectations govern the sending verb.
        r"pront[oa]s?\s+para",
        r"dispost[oa]s?\s+a",
        r"ofere(?:ceu|ceram|cido|ce|cem)(?:-se)?",
        r"amea[çc](?:ou|aram|a|am)",
        # Considering governs only a sending word after it, not a figure.
        r"(?:consider|estud|avali)(?:a|am|ando)(?=\s+(?:a\s+possibilidade\s+de\s+|o\s+|um\s+)?(?:\w+\s+)?(?:enviar|mandar|destacar|envio))",
        r"pediu",
        r"pedido",
        r"solicit(?:ou|ado|a|am)",
        r"(?:é|são|era|eram)\s+esperad[oa]s?",
        r"prevê",
        r"preveem",
        "vai",
        "vão",
        "irá",
        "irão",
        "poderá",
        "poderão",
        "poderia",
        "poderiam",
        "deverá",
        "deverão",
        "deveria",
        "deveriam",
        r"pretende\w*",
        r"planeja\w*",
        "será",
        "serão",
        r"em\s+breve",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        "approx": (
            r"cerca\s+de",
            "aproximadamente",
            r"em\s+torno\s+de",
            r"por\s+volta\s+de",
            r"uns|umas",
            r"estimad[oa]s?\s+em",
        ),
        "at_least": (r"pelo\s+menos", r"ao\s+menos", r"no\s+mínimo", r"não\s+menos\s+de"),
        "up_to": (r"até", r"no\s+máximo", r"menos\s+de"),
        "nearly": ("quase", r"perto\s+de", r"praticamente"),
        "more_than": (r"mais\s+de", r"acima\s+de", r"superior\s+a", r"excede\w*", r"ultrapass\w*"),
    },
    qualifiers_after={
        "approx": (r"ou\s+assim",),
        "at_least": (r"ou\s+mais",),
        "more_than": (r"e\s+tal", r"e\s+poucos"),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    adjective_first=False,
    relative_pronouns=("que", r"(?:os|as)\s+quais"),
    deployed_formations=(r"corpo\s+(?:da\s+|de\s+)?[«\"]?tempestade", r"11\.?º?\s+corpo"),
    size_words=(
        # Verbs of a formation's composition.
        r"compost[oa]\s+por",
        r"formad[oa]\s+por",
        r"integrad[oa]\s+por",
        r"conta\s+com",
        r"efetivo",
        r"tamanho",
    ),
    generic_markers=("geralmente", "normalmente", "habitualmente", r"em\s+média"),
    formation_nouns=(
        r"batalh(?:ão|ões)",
        r"brigadas?",
        r"regimentos?",
        r"divis(?:ão|ões)",
        r"companhias?",
    ),
    restatement=(r"trata-se\s+de", r"fala-se\s+(?:de|em)"),
    agentless=(
        r"estima-se",
        r"acredita-se",
        r"calcula-se",
        r"segundo\s+(?:algumas\s+)?estimativas",
    ),
    claimant_sides={
        "US": (
            r"(?:norte-)?american[oa]s?",
            r"estadunidenses?",
            r"(?:dos\s+)?Estados\s+Unidos",
            "EUA",
        ),
        "South Korean": (r"sul-corean[oa]s?", r"(?:da\s+)?Coreia\s+do\s+Sul"),
        "Ukrainian": (r"ucranian[oa]s?", r"(?:da\s+)?Ucrânia", r"(?:de\s+)?Kiev"),
        "Western": ("ocidentais", r"(?:do\s+)?Ocidente"),
        "Russian": (r"russ[ao]s?", r"(?:da\s+)?Rússia"),
        "allied": (r"aliad[oa]s",),
    },
    claimant_heads={
        "lawmaker": (
            r"deputad[oa]s?",
            r"parlamentar(?:es)?",
            r"legislador(?:es)?",
        ),
        "intelligence": (r"(?:agências|serviços)\s+de\s+inteligência", "inteligência"),
        "sources": ("fontes",),
        "estimates": ("estimativas",),
        "officials": (r"funcionári[oa]s?", "oficial"),
        "authorities": ("autoridades",),
        "governments": ("governos", "potências"),
        "media": (
            r"m[íi]dia",
            r"imprensa",
            r"meios\s+de\s+comunicação",
        ),
        "military": (r"forças(?:\s+(?:armadas|militares))?", "exército", "militares", "tropas"),
    },
    attribution=(
        r"(?:confirmação|anúncio|declaração|declarações|estimativa|estimativas|relatório|reconhecimento)\s+(?:oficial\s+)?por\s+parte\s+d[oa]s?",
        r"(?:informad|anunciad|confirmad|divulgad|revelad|estimad|relatad|noticiad)[oa]s?\s+(?:(?:pela\s+primeira\s+vez|também|oficialmente)\s+)?(?:por|pelo|pela|pelos|pelas)",
        "segundo",
        r"de\s+acordo\s+com",
        r"conforme",
        r"citando",
        r"com\s+base\s+em",
        r"nas\s+palavras\s+de",
        r"(?:revelad|anunciad|confirmad|publicad|divulgad|informad)[oa]s?(?:\s+\w+){0,2}\s+(?:por|pel[oa]s?)",
    ),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        r"a\s+(?:informação|estimativa|notícia)\s+(?:foi|é)",
        # "A informação, que partiu de uma fonte …": its source in a relative clause.
        r"(?:a|essa|esta)\s+(?:informação|estimativa|notícia),?\s+que\s+(?:partiu|veio|vem|provém)\s+d(?:e|a|o|as|os)",
        r"(?:o|este|esse)\s+número\s+foi",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "ele",
        "ela",
        "eles",
        "elas",
        r"a\s+agência",
        r"o\s+ministério",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        r"segundo\s+ele",
        r"segundo\s+ela",
        r"de\s+acordo\s+com\s+ele",
    ),
    asides=(
        "por sua vez",
        "por seu lado",
        "por sua parte",
        "de sua parte",
        "também",
    ),
    say_verbs=(
        # Acknowledging a figure states it; a video posted shows it.
        r"reconhec(?:e|em|eu|eram)",
        r"public(?:ou|aram)\s+um\s+vídeo",
        # Speaking of a figure: "o Pentágono falou em 3.000".
        r"falou\s+em|falaram\s+em|fala\s+em|falam\s+em",
        # "X has data on …": X states what its data show.
        r"t(?:em|êm|inha|inham)\s+(?:informações|dados|provas)",
        r"dispõe(?:m)?\s+de\s+(?:informações|dados)",
        "acus(?:ou|a|am|aram)",
        "adiant(?:ou|aram|a|am|ava|avam)",
        "indic(?:ou|aram|a|am|ava|avam)",
        # Compound tenses: "tinha dito", "havia informado".
        r"dito|afirmado|declarado|informado|anunciado|confirmado|estimado|revelado|relatado",
        r"disse|disseram|diz|dizem",
        r"confirmando|afirmando|estimando|informando|indicando|dizendo|alertando",
        r"afirmou|afirmaram|afirma",
        "afirmam",
        # Present plural: "afirmam potências ocidentais", "estimam os serviços".
        "declaram",
        "estimam",
        "informam",
        "asseguram",
        "garantem",
        "apontam",
        r"declarou|declararam|declara",
        r"informou|informaram|informa",
        r"anunciou|anunciaram|anuncia",
        r"confirmou|confirmaram|confirma",
        r"estimou|estimaram|estima|estimam|estimava",
        r"revelou|revelaram|revela",
        r"relatou|relataram|relata|relatam|relatava|relatavam",
        r"indicou|indica",
        r"acrescentou",
        r"destacou",
        r"apontou|aponta",
        r"escreveu",
        r"acredita|acreditam|acredita-se",
        r"avalia|avaliou",
        r"divulgou|divulgaram",
        r"denunciou",
        r"alertou|advertiu",
    ),
    # Dates, sentence splitting and language guess.
    months=(
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    abbreviations=("sr", "sra", "dr", "dra", "gen", "cel", "pág", "nº"),
    stop_words=(
        "do",
        "da",
        "dos",
        "das",
        "não",
        "em",
        "no",
        "na",
        "nos",
        "nas",
        "ao",
        "aos",
        "os",
        "foi",
        "são",
        "uma",
        "um",
        "pelo",
        "pela",
        "seu",
        "sua",
        "também",
        "mais",
        "com",
        "que",
        "para",
        "ele",
        "ela",
        "é",
        "segundo",
        "disse",
        "está",
    ),  # fmt: skip
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=("soldad", "militar", "tropa", "exército", "forças"),
    civilian_words=("trabalh", "trabalhador", "operári", "civis", "estudante", "turista"),
    percent_words=(
        # A fraction: "two-thirds", "zwei Drittel", "дві третини" (CLAIMS.md §2).
        r"terços?",
        r"quartos?",
        r"quintos?",
        r"por\s*cento",
    ),
    increase_verbs=(r"aument\w*", r"elev\w*", r"ampli\w*"),
    estimate_words=(r"estim\w*", r"calcul\w*"),
    loss_words=("perdas", "perdeu", "perderam"),
    casualty_nouns=("baixas", "perdas", "vítimas"),
    whole_force_nouns=(
        r"exércitos?",
        r"forças\s+armadas",
        r"forças\s+(?:especiais|de\s+operações\s+especiais)",
        "corpo",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        "reservistas?",
        r"força\s+aérea",
        "marinha",
        r"paramilitar\w*",
        r"guarda\s+vermelha",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=(
        r"dos\s+quais",
        r"das\s+quais",
        r"entre\s+eles",
    ),
    including=("incluindo", r"entre\s+eles", r"entre\s+os\s+quais", r"dos\s+quais", r"das\s+quais"),
    together=("juntos", "juntas", "conjuntamente", r"no\s+total"),
    # An earlier or other estimate of the same measure follows (CLAIMS.md §6).
    compared=(
        r"contra\s+(?:os|as)?",
        r"(?:em\s+)?comparação\s+com",
        r"face\s+a(?:os|as)?",
        r"(?:a|uma|sua)\s+(?:estimativa|cifra)\s+(?:anterior|inicial|prévia)\s+de",
    ),
    contrast=("enquanto", "mas", "porém", "contudo"),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        "apoiar",
        "apoio",
        "ajudar",
        r"ao\s+lado",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=(
        "já",
        "ter",
    ),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=("que",),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=(
        "e",
        "ou",
        r"além\s+de",
    ),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=(
        r"deputad\w*",
        r"parlamentar\w*",
    ),
    countries=(
        r"a\s+rússia",
        "rússia",
        "ucrânia",
        "moscou",
        "moscovo",
        "kiev",
        "kyiv",
        r"coreia\s+do\s+sul",
        "seul",
        "japão",
    ),
    institutions=(
        "inteligência",
        r"serviços?(?:\s+de\s+(?:inteligência|informações))?",
        "governo",
        r"ministério",
        "presidente",
        r"estado-maior",
        "autoridades",
        "fontes",
        r"funcionári[oa]s?",
        "oficial",
        "porta-voz",
        "agência",
    ),
    present_sending=("envia", "enviam", "manda", "mandam", "destaca", "destacam"),
    plural_pronouns=("eles", r"esses\s+\w+", r"estes\s+\w+"),
    since_words=("desde",),
    figure_again=(
        r"(?:estim\w*|calcul\w*|coloc\w*|situ\w*)\s+(?:esse|este|o|seu)\s+número\s+em|(?:estim\w*|calcul\w*|coloc\w*|situ\w*)\s+(?:essa|esta|a|sua)\s+cifra\s+em",
    ),
)
