"""Word tables for the claim extractor, per language, as regex fragments.

Every table is data only; ``extract.py`` compiles them. Fragments for the cased,
space-separated languages (en, de, fr, es, ru, uk) get word boundaries when compiled
(``words()``); Korean and Japanese fragments are matched inside running text, so they are
written to be specific enough on their own. Case-insensitive everywhere.

Cue tables are merged across languages on purpose: the words hardly collide, and a
sentence whose language was guessed wrong still gets its cues read.
"""

from __future__ import annotations

import re

# Languages whose words are separated by spaces and get \b-like boundaries.
SPACED = ("en", "de", "fr", "es", "ru", "uk")
LANGS = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja")

# Apostrophe variants used in Ukrainian words (п'ять) and English possessives.
AP = "['’ʼ]"


def words(frags: list[str] | tuple[str, ...]) -> str:
    """Alternation of word-level fragments with letter boundaries on both sides."""
    body = "|".join(sorted(set(frags), key=len, reverse=True))
    return rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])"


def raw(frags: list[str] | tuple[str, ...]) -> str:
    """Alternation of fragments matched inside running text (Korean, Japanese)."""
    return "|".join(sorted(set(frags), key=len, reverse=True))


def table(spaced: dict[str, list[str]], cjk: dict[str, list[str]] | None = None) -> str:
    """One regex source for a cue table: bounded words for spaced langs, raw for ko/ja."""
    parts = []
    sp = [f for lang in spaced for f in spaced[lang]]
    if sp:
        parts.append(words(sp))
    if cjk:
        cj = [f for lang in cjk for f in cjk[lang]]
        if cj:
            parts.append(f"(?:{raw(cj)})")
    return "|".join(parts)


# --------------------------------------------------------------------------- North Korea

# Mentions that make personnel North Korean (the scope test), all languages.
NK_SPACED = [
    r"north[\s-]+korean?s?",
    r"north[\s-]+korea" + AP + "s",
    r"n\.\s?korean?s?",
    r"dprk",
    r"pyongyang" + AP + "?s?",
    r"kim\s+jong[\s-]+un" + AP + "?s?",
    r"korean\s+people" + AP + r"s\s+army",
    r"kpa",
    r"kcna", r"rodong\s+sinmun", r"цтак",
    # "the North" / "the North's" with a capital N is checked separately (case-sensitive).
    r"кндр",
    r"северн\w*\s+коре\w*",
    r"северокоре\w*",
    r"пхеньян\w*",
    r"ким\s+чен\s+ын\w*",
    r"північн\w*\s+коре\w*",
    r"північнокоре\w*",
    r"кім\s+чен\s+ин\w*",
    r"nordkorea\w*",
    r"nord-?koreaner\w*",
    r"pj[öo]ngjang",
    r"corée\s+du\s+nord",
    r"nord-?coréen\w*",
    r"corea\s+del\s+norte",
    r"norcorean\w*",
    r"nortecorean\w*",
    r"ejército\s+popular\s+de\s+corea",
    r"armée\s+populaire\s+de\s+corée",
    r"koreanische\w*\s+volksarmee",
    r"корейск\w+\s+народн\w+\s+арми\w*",
    r"корейськ\w+\s+народн\w+\s+армі\w*",
]
NK_CJK = [
    "북한",
    "북측",
    "북괴",
    "조선인민군",
    "인민군",
    "평양",
    "김정은",
    "北朝鮮",
    "朝鮮民主主義人民共和国",
    "朝鮮人民軍",
    "金正恩",
    "平壌",
    "北の兵",
    "北側",
    "조선중앙통신",
    "노동신문",
    "朝鮮中央通信",
    "労働新聞",
]
# Korean "북" alone as the North ("북이 파병한", "북의 병력") and "the North" in English.
NK_EXTRA = r"(?<![가-힣])북(?=[이은의측군에도과]|[ ,])|\bthe\s+North(?:" + AP + r"s)?\b"

# Nationalities/countries that make a figure someone else's (Russian, Ukrainian, …).
# Adjectives and possessives, i.e. forms that mark an owner, not a destination.
OTHER_OWNER_SPACED = [
    r"russians?",
    r"russia" + AP + "s",
    r"ukrainians?",
    r"ukraine" + AP + "s",
    r"kyiv" + AP + "s",
    r"moscow" + AP + "s",
    r"americans?",
    r"south\s+koreans?",
    r"united\s+states", r"american", r"british", r"french", r"german", r"japanese",
    r"afghan", r"israeli", r"taliban", r"polish", r"nato",
    r"south\s+korea" + AP + "s",
    r"chinese",
    r"china" + AP + "s",
    r"british",
    r"wagner",
    r"chechen",
    r"российск\w*",
    r"русск\w*",
    r"россиян\w*",
    r"украинск\w*",
    r"украинц\w*",
    r"всу",
    r"зсу",
    r"российских",
    r"російськ\w*",
    r"росіян\w*",
    r"українськ\w*",
    r"українц\w*",
    r"russisch\w*",
    r"russen",
    r"ukrainisch\w*",
    r"ukrainer\w*",
    r"russes?",
    r"ukrainien\w*",
    r"rus[oa]s?",
    r"ucranian\w*",
    r"surcorean\w*",
    r"sud-coréen\w*",
    r"chinesisch\w*", r"chinois\w*", r"chin[oa]s", r"китайск\w*", r"китайськ\w*",
    r"nepal\w*", r"непальск\w*", r"cuban\w*", r"syrian\w*", r"serbian\w*",
    r"südkorean\w*",
    r"южнокорейск\w*",
    r"південнокорейськ\w*",
]
OTHER_OWNER_CJK = [
    "러시아군",
    "러시아 군",
    "러시아 병",
    "러시아측",
    "러시아의",
    "러시아는",
    "러시아가",
    "우크라이나군",
    "우크라이나 군",
    "우크라이나의",
    "우크라이나는",
    "우크라이나가",
    "한국군",
    "미군",
    "중국군",
    "中国軍",
    "中国兵",
    "ロシア軍",
    "ロシア兵",
    "ロシア側",
    "ロシアの",
    "ロシアは",
    "ロシアが",
    "ウクライナ軍",
    "ウクライナ兵",
    "ウクライナの",
    "ウクライナは",
    "ウクライナが",
    "韓国軍",
    "米軍",
]

# --------------------------------------------------------------------------- units

# (fragment, canonical unit, kind). kind: mil = military personnel, civ = civilian
# workers (not a claim unless described as military), nk = a demonym that is both the
# unit and the North Korean marker, count = a bare person counter, block = a noun that
# makes the number something else (shells, money, years…).
UNITS_SPACED: list[tuple[str, str, str]] = [
    # English
    (r"special[\s-]+(?:operations?\s+)?forces?(?:\s+(?:troops|soldiers|units?|personnel))?",
     "special forces", "mil"),
    (r"special[\s-]+operations?\s+(?:troops|soldiers|units?)", "special forces", "mil"),
    (r"commandos?", "special forces", "mil"),
    (r"storm\s+corps", "special forces", "mil"),
    (r"elite\s+(?:troops|soldiers|forces)", "special forces", "mil"),
    (r"troops?", "troops", "mil"),
    (r"soldiers?", "soldiers", "mil"),
    (r"servicem[ae]n", "soldiers", "mil"),
    (r"service\s?(?:members|personnel)", "personnel", "mil"),
    (r"(?:military\s+)?personnel", "personnel", "mil"),
    (r"military\s+engineers?|combat\s+engineers?|engineers?", "engineers", "mil"),
    (r"deminers|sappers?|mine[\s-]+clear(?:ers|ance\s+(?:troops|specialists|experts))",
     "deminers", "mil"),
    (r"military\s+(?:builders|construction\s+workers)|construction\s+troops", "builders", "mil"),
    (r"contingents?|force", "troops", "mil"),
    (r"detachments?|battalions?|brigades?|divisions?|regiments?|corps|units|squads?|"
     r"companies|platoons|groups|teams|villages|towns|cities|regions|countries|positions|"
     r"attacks|strikes|rounds|entities|posts|sites|camps|bases|ranges|meetings|visits",
     "", "block"),
    (r"(?:military\s+)?officers?|generals?", "officers", "mil"),
    (r"fighters", "troops", "mil"),
    (r"combatants", "troops", "mil"),
    (r"infantry(?:men)?", "soldiers", "mil"),
    (r"reservists", "reservists", "mil"),
    (r"recruits|conscripts", "soldiers", "mil"),
    (r"forces", "troops", "mil"),
    (r"(?:armed\s+)?forces|army|military", "troops", "mil"),
    (r"men", "soldiers", "mil"),
    (r"instructors|advis[eo]rs|observers|pilots|(?:drone\s+)?operators|gunners|artillerymen",
     "personnel", "mil"),
    (r"casualties|dead|killed|wounded|injured|prisoners(?:\s+of\s+war)?|pows", "soldiers", "mil"),
    (r"north\s+koreans", "troops", "nk"),
    (r"(?:construction\s+|forced\s+|contract\s+|guest\s+|migrant\s+|it\s+)?(?:workers|labou?rers|labou?r)",
     "workers", "civ"),
    (r"people", "personnel", "count"),
    # Russian
    (r"военнослужащ\w*", "soldiers", "mil"),
    (r"военн(?:ых|ые|ым|ыми)", "troops", "mil"),
    (r"солдат\w*", "soldiers", "mil"),
    (r"бойц\w*", "soldiers", "mil"),
    (r"войск\w*|контингент\w*|военного\s+контингента", "troops", "mil"),
    (r"спецназ\w*|сил\w*\s+специальных\s+операций|военнослужащих\s+спецназа", "special forces",
     "mil"),
    (r"офицер\w*|генерал\w*", "officers", "mil"),
    (r"сапер\w*|сапёр\w*", "deminers", "mil"),
    (r"инженер\w*", "engineers", "mil"),
    (r"военн\w+\s+строител\w*", "builders", "mil"),
    (r"военнопленн\w*|пленн\w*|убитых|раненых|погибших", "soldiers", "mil"),
    (r"наемник\w*|наёмник\w*", "troops", "mil"),
    (r"северокорейц\w*", "troops", "nk"),
    (r"рабочи\w*|строител\w*|работник\w*|трудов\w+\s+мигрант\w*|мигрант\w*", "workers", "civ"),
    (r"человек|людей|лиц", "personnel", "count"),
    # Ukrainian
    (r"військовослужбовц\w*", "soldiers", "mil"),
    (r"військов(?:их|і|им|ими)", "troops", "mil"),
    (r"солдат\w*|вояк\w*", "soldiers", "mil"),
    (r"бійц\w*|бійців", "soldiers", "mil"),
    (r"військ\w*|контингент\w*", "troops", "mil"),
    (r"спецпризначенц\w*|сил\w*\s+спеціальних\s+операцій", "special forces", "mil"),
    (r"офіцер\w*|генерал\w*", "officers", "mil"),
    (r"сапер\w*", "deminers", "mil"),
    (r"інженер\w*", "engineers", "mil"),
    (r"військов\w+\s+будівельник\w*", "builders", "mil"),
    (r"військовополонен\w*|полонен\w*|загиблих|поранених|вбитих|убитих", "soldiers", "mil"),
    (r"найманц\w*|найманців", "troops", "mil"),
    (r"північнокорейц\w*", "troops", "nk"),
    (r"робітник\w*|будівельник\w*|працівник\w*|трудов\w+\s+мігрант\w*", "workers", "civ"),
    (r"осіб|особи|людей|чоловік|чоловіків", "personnel", "count"),
    # German
    (r"soldat(?:en|innen)?", "soldiers", "mil"),
    (r"truppen|einsatzkräfte|streitkräfte", "troops", "mil"),
    (r"militärangehörige\w*|armeeangehörige\w*", "personnel", "mil"),
    (r"spezialkräfte\w*|elitesoldaten|sondereinsatzkräfte\w*|elitetruppen|spezialeinheiten",
     "special forces", "mil"),
    (r"offiziere\w*|generäle\w*", "officers", "mil"),
    (r"pioniere\w*|militäringenieure\w*|ingenieure\w*", "engineers", "mil"),
    (r"minenräumer\w*|kampfmittelräumer\w*", "deminers", "mil"),
    (r"militärbau\w*|bausoldaten", "builders", "mil"),
    (r"kämpfer\w*", "troops", "mil"),
    (r"kriegsgefangene\w*|gefangene\w*|tote|toten|verwundete\w*|gefallene\w*", "soldiers", "mil"),
    (r"mann", "soldiers", "mil"),
    (r"nordkoreaner\w*", "troops", "nk"),
    (r"(?:bau|zwangs|gast|vertrags)?arbeiter\w*|arbeitskräfte\w*", "workers", "civ"),
    (r"menschen|personen", "personnel", "count"),
    # French
    (r"soldats?", "soldiers", "mil"),
    (r"militaires", "soldiers", "mil"),
    (r"troupes?", "troops", "mil"),
    (r"forces\s+spéciales|commandos|soldats\s+d" + AP + r"élite", "special forces", "mil"),
    (r"officiers?|généraux", "officers", "mil"),
    (r"ingénieurs?(?:\s+militaires)?|soldats\s+du\s+génie", "engineers", "mil"),
    (r"démineurs|sapeurs?", "deminers", "mil"),
    (r"bâtisseurs\s+militaires|constructeurs\s+militaires", "builders", "mil"),
    (r"combattants?", "troops", "mil"),
    (r"hommes", "soldiers", "mil"),
    (r"prisonniers(?:\s+de\s+guerre)?|blessés|tués|morts", "soldiers", "mil"),
    (r"nord-?coréens", "troops", "nk"),
    (r"travailleurs|ouvriers|main-d" + AP + r"œuvre", "workers", "civ"),
    (r"personnes|individus", "personnel", "count"),
    # Spanish
    (r"soldados?", "soldiers", "mil"),
    (r"militares", "soldiers", "mil"),
    (r"tropas?|efectivos", "troops", "mil"),
    (r"fuerzas\s+especiales|comandos", "special forces", "mil"),
    (r"oficiales|generales", "officers", "mil"),
    (r"ingenieros?(?:\s+militares)?", "engineers", "mil"),
    (r"zapadores|desminadores", "deminers", "mil"),
    (r"constructores\s+militares|obreros\s+militares", "builders", "mil"),
    (r"combatientes", "troops", "mil"),
    (r"hombres", "soldiers", "mil"),
    (r"prisioneros(?:\s+de\s+guerra)?|heridos|muertos|bajas", "soldiers", "mil"),
    (r"norcoreanos", "troops", "nk"),
    (r"trabajadores|obreros|mano\s+de\s+obra", "workers", "civ"),
    (r"personas|individuos", "personnel", "count"),
    # Things that are counted instead of people (any language).
    (r"shells?|rounds|artillery|munitions?|ammunition|missiles?|rockets?|drones?|tanks?|vehicles?|"
     r"howitzers?|guns|launchers?|weapons?|containers?|tons?|tonnes?|barrels?|bullets|mines|"
     r"kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|dollars?|usd|euros?|won|rubles?|roubles?|"
     r"yen|yuan|pounds?|percent|per\s?cent|years?|months?|days?|weeks?|hours?|minutes?|times|"
     r"calories|sanctions|cases|pages|hectares|acres|square|votes|seats|inhabitants|residents|"
     r"citizens|civilians|refugees|defectors|tourists|students|children|athletes|fans|"
     r"population|households|families|sq|mw|gw|mph|kg|lbs?|feet|ft",
     "", "block"),
    (r"снаряд\w*|ракет\w*|боеприпас\w*|мин|дрон\w*|беспилотник\w*|танк\w*|тонн\w*|доллар\w*|"
     r"рубл\w*|евро|лет|год\w*|дн\w*|месяц\w*|недел\w*|час\w*|км|километр\w*|процент\w*|раз|"
     r"санкци\w*|гражданск\w*|жител\w*|беженц\w*|перебежчик\w*|школьник\w*|детей",
     "", "block"),
    (r"снаряд\w*|ракет\w*|боєприпас\w*|дрон\w*|безпілотник\w*|танк\w*|тонн\w*|долар\w*|"
     r"гривень|гривні|євро|рок\w*|рік|днів|дні|місяц\w*|тижн\w*|годин\w*|км|кілометр\w*|"
     r"відсот\w*|разів|санкці\w*|цивільн\w*|мешканц\w*|біженц\w*|перебіжчик\w*|дітей",
     "", "block"),
    (r"granaten|geschosse|munition|raketen|drohnen|panzer|fahrzeuge|tonnen|dollar|euro|rubel|"
     r"jahre\w*|monate\w*|tage\w*|wochen|stunden|kilometer\w*|prozent|mal|sanktionen|"
     r"einwohner\w*|zivilisten|flüchtlinge\w*|überläufer\w*|kinder\w*",
     "", "block"),
    (r"obus|munitions?|missiles?|roquettes?|drones?|chars|véhicules|tonnes?|dollars?|euros?|"
     r"roubles?|ans|années|mois|jours|semaines|heures|kilomètres|km|pour\s+cent|fois|sanctions|"
     r"habitants|civils|réfugiés|transfuges|enfants",
     "", "block"),
    (r"proyectiles|obuses|municiones|misiles|cohetes|drones|tanques|vehículos|toneladas|"
     r"dólares|euros|rublos|años|meses|días|semanas|horas|kilómetros|km|por\s+ciento|veces|"
     r"sanciones|habitantes|civiles|refugiados|desertores|niños",
     "", "block"),
]

UNITS_CJK: list[tuple[str, str, str]] = [
    # Korean
    ("특수작전군|특수작전부대|특수부대|특작부대|특수전 ?병력|폭풍군단|특수 ?병력|정예 ?병력", "special forces", "mil"),
    ("북한군|북한 ?병력|북한 ?군인|북한 ?병사|북한 ?장병|북측 ?병력|인민군", "troops", "nk"),
    ("병력|군병력|파병 ?인원|파병 ?규모|파병군|파견군|전투병|지상군|군대", "troops", "mil"),
    ("군인|장병|병사|사병|전투원", "soldiers", "mil"),
    ("지뢰 ?제거 ?(?:공병|병력|인력|요원)?", "deminers", "mil"),
    ("군사 ?건설 ?인력|군 ?건설 ?인력|건설 ?부대|건설병", "builders", "mil"),
    ("공병(?:부대)?", "engineers", "mil"),
    ("장교|장성|지휘관", "officers", "mil"),
    ("사상자|사망자|전사자|부상자|포로", "soldiers", "mil"),
    ("예비군|예비 ?병력", "reservists", "mil"),
    ("노동자|근로자|건설 ?인력|인력", "workers", "civ"),
    ("명(?![가-힣])|명[이을은의도에만과씩가]|명가량|명 ?규모|명 ?정도|명 ?수준|명 ?이상|명 ?넘|명 ?안팎|명 ?내외|명 ?남짓|명 ?미만",
     "personnel", "count"),
    ("발|포탄|미사일|톤|달러|원(?![가-힣])|억 ?원|년|개월|일(?![가-힣])|시간|킬로|km|퍼센트|%|배|차례|개|대|기|척|주민|탈북민|"
     "관광객|학생|어린이|가구|세대|인구", "", "block"),
    # Japanese
    ("特殊部隊|特殊作戦部隊|精鋭部隊|特殊作戦軍|暴風軍団", "special forces", "mil"),
    ("北朝鮮兵|北朝鮮軍|北朝鮮の兵士|北朝鮮部隊", "troops", "nk"),
    ("兵士|兵員|将兵|軍人|兵(?![器庫站])", "soldiers", "mil"),
    ("部隊|兵力|軍勢|地上部隊|派遣部隊|戦闘員", "troops", "mil"),
    ("地雷除去(?:の工兵|要員|部隊)?", "deminers", "mil"),
    ("軍の建設要員|建設要員|建設部隊", "builders", "mil"),
    ("工兵", "engineers", "mil"),
    ("将校|士官|将官|指揮官", "officers", "mil"),
    ("死傷者|死者|戦死者|負傷者|捕虜", "soldiers", "mil"),
    ("予備役|予備兵", "reservists", "mil"),
    ("労働者|作業員|建設労働者", "workers", "civ"),
    ("人(?![口民権質道間物類材員気])|名(?![前称誉所])", "personnel", "count"),
    ("発|砲弾|ミサイル|トン|ドル|円|年|か月|カ月|ヶ月|日(?![本])|時間|キロ|%|パーセント|倍|回|基|両|台|隻|住民|人口",
     "", "block"),
]

# --------------------------------------------------------------------------- qualifiers

# Words right before the number (the number follows at the end of the fragment).
QUAL_BEFORE: dict[str, dict[str, list[str]]] = {
    "approx": {
        "en": [r"around", r"about", r"some", r"roughly", r"approximately", r"approx\.?",
               r"an\s+estimated", r"estimated", r"circa", r"ca\.", r"c\.", r"an\s+approximate",
               r"give\s+or\s+take", r"in\s+the\s+region\s+of", r"on\s+the\s+order\s+of",
               r"something\s+like", r"perhaps", r"possibly", r"reportedly"],
        "ru": [r"около", r"примерно", r"приблизительно", r"порядка", r"ориентировочно",
               r"где-то", r"предположительно", r"по\s+оценкам", r"свыше\s+чем"],
        "uk": [r"близько", r"приблизно", r"орієнтовно", r"десь", r"порядку", r"майже\s+близько"],
        "de": [r"etwa", r"rund", r"ungefähr", r"ca\.", r"zirka", r"circa", r"schätzungsweise",
               r"geschätzt", r"geschätzte", r"an\s+die", r"um\s+die", r"gut"],
        "fr": [r"environ", r"quelque", r"approximativement", r"autour\s+de", r"à\s+peu\s+près",
               r"quelques", r"un\s+peu\s+plus\s+de\s+quelque", r"estimés?\s+à"],
        "es": [r"unos", r"unas", r"alrededor\s+de", r"aproximadamente", r"aprox\.?",
               r"en\s+torno\s+a", r"cerca\s+de\s+unos", r"un\s+estimado\s+de", r"algo\s+más\s+de\s+unos"],
    },
    "at_least": {
        "en": [r"at\s+least", r"no\s+fewer\s+than", r"no\s+less\s+than", r"a\s+minimum\s+of",
               r"not\s+less\s+than", r"at\s+a\s+minimum"],
        "ru": [r"не\s+менее", r"по\s+меньшей\s+мере", r"как\s+минимум", r"минимум",
               r"не\s+меньше", r"по\s+крайней\s+мере"],
        "uk": [r"щонайменше", r"принаймні", r"не\s+менше", r"мінімум", r"як\s+мінімум",
               r"не\s+менш\s+ніж", r"щонайменше\s+до"],
        "de": [r"mindestens", r"wenigstens", r"zumindest", r"nicht\s+weniger\s+als"],
        "fr": [r"au\s+moins", r"pas\s+moins\s+de", r"au\s+minimum", r"un\s+minimum\s+de"],
        "es": [r"al\s+menos", r"por\s+lo\s+menos", r"como\s+mínimo", r"no\s+menos\s+de",
               r"un\s+mínimo\s+de"],
    },
    "up_to": {
        "en": [r"up\s+to", r"as\s+many\s+as", r"as\s+much\s+as", r"a\s+maximum\s+of",
               r"maximum\s+of", r"fewer\s+than", r"less\s+than", r"under", r"no\s+more\s+than",
               r"at\s+most"],
        "ru": [r"до", r"вплоть\s+до", r"не\s+более", r"максимум", r"менее", r"меньше",
               r"не\s+больше", r"до\s+чем"],
        "uk": [r"до", r"аж\s+до", r"не\s+більше", r"максимум", r"менше", r"менш\s+ніж",
               r"не\s+більш\s+ніж"],
        "de": [r"bis\s+zu", r"maximal", r"höchstens", r"weniger\s+als", r"unter"],
        "fr": [r"jusqu" + AP + r"à", r"au\s+maximum", r"au\s+plus", r"moins\s+de",
               r"jusqu" + AP + r"à\s+quelque"],
        "es": [r"hasta", r"como\s+máximo", r"un\s+máximo\s+de", r"menos\s+de"],
    },
    "nearly": {
        "en": [r"nearly", r"almost", r"close\s+to", r"just\s+under", r"just\s+shy\s+of",
               r"approaching", r"not\s+quite", r"some\s+nearly"],
        "ru": [r"почти", r"около\s+почти", r"без\s+малого", r"чуть\s+меньше", r"немногим\s+менее"],
        "uk": [r"майже", r"трохи\s+менше", r"без\s+малого", r"ледь\s+не"],
        "de": [r"fast", r"knapp", r"beinahe", r"nahezu", r"annähernd"],
        "fr": [r"près\s+de", r"presque", r"pr[eè]s\s+d" + AP, r"quasiment", r"pratiquement"],
        "es": [r"casi", r"cerca\s+de", r"rozando", r"prácticamente"],
    },
    "more_than": {
        "en": [r"more\s+than", r"over", r"in\s+excess\s+of", r"upwards\s+of", r"above",
               r"exceeding", r"just\s+over", r"well\s+over", r"some\s+more\s+than", r"beyond",
               r"greater\s+than", r"north\s+of", r"higher\s+than", r"passed", r"surpassed",
               r"exceeded", r"topped", r"top", r"exceed"],
        "ru": [r"более", r"свыше", r"больше", r"более\s+чем", r"больше\s+чем", r"с\s+лишним",
               r"превысил\w*", r"превышают", r"превысят",
               r"не\s+менее\s+чем\s+более", r"сверх", r"превышает", r"выше"],
        "uk": [r"понад", r"більше", r"більш\s+ніж", r"більше\s+ніж", r"понад\s+як", r"понад\s+за",
               r"перевищил\w*", r"перевищують",
               r"з\s+гаком", r"перевищує", r"вище"],
        "de": [r"mehr\s+als", r"über", r"gut\s+über", r"weit\s+über", r"knapp\s+über",
               r"überstieg\w*", r"übersteigt", r"übersteigen",
               r"über\s+die"],
        "fr": [r"plus\s+de", r"plus\s+d" + AP, r"au-delà\s+de", r"bien\s+plus\s+de",
               r"dépass\w*", r"excéd\w*",
               r"davantage\s+que", r"plus\s+que"],
        "es": [r"más\s+de", r"por\s+encima\s+de", r"superior\s+a", r"sobre", r"mas\s+de",
               r"super(?:an|aron|ó|a|ado)", r"rebas\w*",
               r"bastante\s+más\s+de"],
    },
}
QUAL_BEFORE_CJK: dict[str, list[str]] = {
    "approx": ["약", "대략", "어림잡아", "추산", "約", "およそ", "推定", "ざっと", "概ね", "おおよそ"],
    "at_least": ["최소", "최소한", "적어도", "少なくとも", "最低", "最低でも"],
    "up_to": ["최대", "많게는", "最大", "最大で", "多くて", "多ければ"],
    "nearly": ["거의", "(?<![가-힣])근", "近くの", "ほぼ"],
    "more_than": ["超", "을 넘는", "이 넘는"],
}
# Words right after the number (and its counter): Korean and Japanese suffixes mostly.
QUAL_AFTER: dict[str, list[str]] = {
    "approx": ["가량", "정도", "쯤", "안팎", "내외", "선", "程度", "ほど", "前後", "規模", "ぐらい",
               "くらい", r"or\s+so", r"-odd", r"odd", r"ou\s+so", r"o\s+así", r"et\s+quelques"],
    "at_least": ["이상", "以上", r"or\s+more", r"et\s+plus", r"und\s+mehr", r"o\s+más"],
    "more_than": ["넘는", "넘게", "넘어", "넘었", "넘을", "넘은", "초과", "남짓",
                  "超", "を超える", "を超す", "超え", "余り", "あまり", "強",
                  r"-plus", r"plus", r"and\s+more", r"y\s+pico",
                  r"с\s+лишним", r"с\s+небольшим", r"з\s+гаком", r"und\s+mehr"],
    "nearly": ["에 육박", "에 근접", "에 가까운", "에 가깝", "近く", "近い", "弱", "に迫る", "に近い"],
    "up_to": ["미만", "이하", "未満", "以下", "まで", "까지"],
}

# Vague-quantity words that are not numbers themselves (only used to tag vague claims).
VAGUE_HINT = re.compile(r"(?i)\b(?:several|a\s+few|few|many|some)\b")

# --------------------------------------------------------------------------- categories

# Sending, presence, training, fighting: the "deployed" category.
DEPLOYED_SPACED = {
    "en": [r"sen[dt]s?", r"sending", r"deploy(?:ed|ing|s|ment|ments)?", r"dispatch(?:ed|ing|es)?",
           r"arriv(?:ed|ing|als?|es)", r"present", r"presence", r"stationed", r"station(?:ing)?",
           r"train(?:ing|ed|s)?", r"in\s+position", r"positioned", r"moved", r"transferred",
           r"transported", r"fight(?:ing|s)?", r"fought", r"join(?:ed|ing)", r"participat\w+",
           r"serv(?:ing|ed)", r"operating", r"massed", r"massing", r"gathered", r"concentrated",
           r"spotted", r"observed", r"seen", r"identified", r"located", r"based",
           r"provided", r"supplied", r"contributed", r"committed", r"thrown\s+into", r"entered",
           r"crossed", r"reinforc\w+", r"rotat\w+", r"en\s+route", r"on\s+the\s+front\s?lines?",
           r"frontline", r"front\s+lines?", r"battle\w*", r"combat", r"assaults?",
           r"involved", r"engaged", r"inside\s+russia", r"influx", r"contingent", r"ordered",
           r"marching\s+orders", r"mobiliz\w+", r"mobilis\w+", r"redeploy\w*", r"are\s+in",
           r"were\s+in", r"now\s+in", r"already\s+in", r"shipped", r"flown", r"bused",
           r"brought", r"embedded", r"integrated", r"assigned", r"attached", r"took\s+part",
           r"taking\s+part", r"support(?:ing)?"],
    "ru": [r"направ(?!лени)\w*", r"отправ\w*", r"развер\w*", r"переброс\w*", r"перебра\w*", r"прибы\w*",
           r"прибыв\w*", r"находя\w*", r"наход\w*", r"дислоц\w*", r"воюю\w*", r"воева\w*",
           r"сража\w*", r"участв\w*", r"участи\w*", r"обуча\w*", r"подготовк\w*", r"задейств\w*",
           r"сосредоточ\w*", r"присутств\w*", r"размещ\w*", r"введен\w*", r"присла\w*",
           r"прислал\w*", r"на\s+фронт\w*", r"в\s+бо(?:ях|ю|и)", r"боев\w*", r"переда\w*",
           r"командирова\w*", r"вош\w*", r"зашл\w*", r"прибыл\w*", r"перевез\w*", r"переправ\w*",
           r"передислоц\w*", r"выдвину\w*", r"помога\w*", r"дислокац\w*", r"отправк\w*",
           r"переброск\w*"],
    "uk": [r"відправ\w*", r"направ\w*", r"розгорн\w*", r"перекину\w*", r"перекида\w*", r"прибу\w*",
           r"перебува\w*", r"дислок\w*", r"воюю\w*", r"воювати", r"беру\w*\s+участь",
           r"бере\s+участь", r"брали\s+участь", r"навча\w*", r"підготовк\w*", r"задія\w*",
           r"зосередж\w*", r"присутн\w*", r"розміщ\w*", r"надісла\w*", r"на\s+фронт\w*",
           r"в\s+бо(?:ях|ю)", r"бойов\w*", r"переда\w*", r"перевез\w*", r"переправ\w*",
           r"допомага\w*", r"перебувають", r"знаход\w*", r"відправк\w*", r"перекидан\w*",
           r"воюють", r"б'ються", r"штурм\w*"],
    "de": [r"entsandt", r"entsendet", r"entsenden", r"entsendung", r"geschickt", r"schick\w*",
           r"stationiert\w*", r"verlegt\w*", r"eingesetzt\w*", r"einsatz\w*", r"angekommen",
           r"eingetroffen", r"ausgebildet", r"ausbildung", r"kämpf\w*", r"beteiligt",
           r"befinden\s+sich", r"an\s+der\s+front", r"im\s+einsatz", r"stehen", r"unterstützen",
           r"geliefert", r"bereitgestellt", r"mobilisiert", r"truppenentsendung",
           r"vor\s+ort", r"im\s+kampf", r"ins\s+gefecht", r"gekämpft"],
    "fr": [r"envoy\w*", r"envoi", r"déploy\w*", r"déploiement", r"dépêch\w*", r"arriv\w*",
           r"stationn\w*", r"présents?", r"présence", r"entraîn\w*", r"formés", r"formation",
           r"combat\w*", r"engag\w*", r"transfér\w*", r"positionn\w*", r"se\s+trouvent",
           r"sur\s+le\s+front", r"mobilis\w*", r"fourni\w*", r"participent", r"participé",
           r"massés", r"acheminés", r"dépêchés", r"impliqués", r"au\s+front"],
    "es": [r"envi(?:ó|ado|ados|adas|an|a|ar|o|aron|ando)", r"envío", r"despleg\w*", r"desplieg\w*",
           r"desplaz\w*", r"destac\w*", r"lleg\w*", r"estacion\w*", r"presentes", r"presencia",
           r"entren\w*", r"combat\w*", r"particip\w*", r"traslad\w*", r"moviliz\w*",
           r"se\s+encuentran", r"en\s+el\s+frente", r"luchan", r"lucha\w*", r"suministr\w*",
           r"apostados", r"mandado", r"mandó", r"involucrados"],
}
DEPLOYED_CJK = {
    "ko": ["파병", "파견", "배치", "투입", "이동", "도착", "주둔", "훈련", "참전", "전투", "집결",
           "보냈", "보낸", "보내", "이송", "전개", "합류", "참여", "교전", "전선", "전장", "공격",
           "활동", "가담", "증파", "이동", "머물", "지원", "작전", "최전선",
           "돌격", "공세", "수송"],
    "ja": ["派遣", "派兵", "配置", "展開", "到着", "訓練", "駐留", "投入", "移動", "参戦", "送り込",
           "送った", "送っ", "戦闘", "参加", "合流", "前線", "戦地", "増派", "移送", "集結", "加わ",
           "作戦"],
}

# Future/modal: "will send", "could rise to" (planned). A modal must govern a verb of
# sending/increase to count, so "could change the dynamic" is not a plan.
_SEND_EN = (r"(?:send|deploy|dispatch|provide|supply|contribute|transfer|include|rise|increase|"
            r"grow|reach|climb|swell|double|triple|add|boost|bring|number|total|commit|ship|"
            r"reinforce|expand|top|exceed|be\s+(?:sent|deployed|dispatched|added|transferred|"
            r"moved|committed|shipped|mobili[sz]ed)|join|go|head|arrive)")
PLANNED_SPACED = {
    "en": [
        r"(?:will|would|could|may|might|shall|'ll)\s+(?:\w+\s+){0,2}?" + _SEND_EN,
        r"(?:plans?|planning|planned|intends?|intending|intention|expected|set|preparing|prepares|"
        r"poised|likely|going|decided|decision|agreed|agreement|pledged|promised|offered|"
        r"wants?|seeks?|seeking|considering|readying|aims?|about|scheduled|"
        r"due|slated)\s+to\s+(?:\w+\s+){0,2}?" + _SEND_EN,
        r"(?:expects?|expected|expecting|wants?|wanted|asked|urged|ordered\s+to\s+prepare|"
        r"believes?|predicts?|forecasts?)\s+(?:\w+\s+){1,3}?to\s+(?:\w+\s+){0,2}?" + _SEND_EN,
        r"(?:plans?|planning|preparing|prepares|considering|mulling|weighing)\s+(?:the\s+|an?\s+)?"
        r"(?:additional\s+|further\s+|new\s+|more\s+)?(?:sending|deployment|dispatch|deploying)",
        r"additional\s+(?:\w+\s+){0,3}(?:will|could|may|might|would)",
        r"(?:will|could|may|might|would)\s+(?:\w+\s+){0,3}(?:additional|more|further|another)",
        r"in\s+the\s+(?:coming|next)\s+(?:weeks|months|days)",
        r"future\s+(?:deployments?|rotations?)",
        r"rise\s+to", r"increase\s+to", r"grow\s+to", r"swell\s+to",
    ],
    "ru": [r"планиру\w*", r"намерен\w*", r"собира\w*\s+(?:отправить|направить|перебросить|прислать)",
           r"может\s+(?:\w+\s+)?(?:отправить|направить|перебросить|прислать|увеличи\w*|возрасти|достичь|составить)",
           r"могут\s+(?:\w+\s+)?(?:отправить|направить|перебросить|прислать|быть\s+\w+|увеличи\w*|возрасти|достичь|составить)",
           r"готов\w*\s+(?:отправить|направить|перебросить|прислать)", r"будут\s+(?:отправлен\w*|направлен\w*|переброшен\w*)",
           r"будет\s+(?:отправлен\w*|направлен\w*|переброшен\w*)",
           r"отправит", r"направит", r"перебросит", r"пришлет", r"пришлёт", r"предполага\w*",
           r"ожида\w*", r"возрастет", r"возрастёт", r"увеличит\w*", r"дополнительн\w*\s+\w+\s+(?:будут|может|могут)",
           r"(?:может|могут|будет|будут|могли\s+бы|мог\s+бы)\s+(?:\w+\s+){0,2}(?:отправ\w*|направ\w*|"
           r"переброс\w*|присла\w*|увелич\w*|возрас\w*|достич\w*|состав\w*|прибы\w*)",
           r"прибуд(?:ет|ут)", r"отправ(?:ит|ят)", r"направ(?:ит|ят)", r"перебрось?(?:ит|ят)",
           r"пришл(?:ет|ют|ёт)", r"отправятся", r"направятся", r"появятся",
           r"в\s+ближайш\w*", r"намерева\w*", r"решил\w*\s+(?:отправить|направить)", r"решени\w*\s+(?:отправить|направить|о\s+направлении|об\s+отправке)"],
    "uk": [r"планує\w*", r"планують", r"має\s+намір", r"мають\s+намір", r"збира\w*\s+(?:відправити|направити|перекинути|надіслати)",
           r"може\s+(?:\w+\s+)?(?:відправити|направити|перекинути|надіслати|збільши\w*|зрости|досягти|сягнути|становити)",
           r"можуть\s+(?:\w+\s+)?(?:відправити|направити|перекинути|надіслати|бути\s+\w+|збільши\w*|зрости|досягти|сягнути|становити)",
           r"готов\w*\s+(?:відправити|направити|перекинути|надіслати)", r"буд(?:е|уть)\s+(?:відправлен\w*|направлен\w*|перекинут\w*)",
           r"відправить", r"направить", r"перекине", r"надішле", r"очіку\w*", r"передбача\w*",
           r"зросте", r"збільшить", r"найближч\w*", r"вирішил\w*\s+(?:відправити|направити)",
           r"(?:може|можуть|буде|будуть|могла\s+б|могли\s+б)\s+(?:\w+\s+){0,2}(?:відправ\w*|направ\w*|"
           r"перекин\w*|надісла\w*|збільш\w*|зрос\w*|досягт\w*|станови\w*|прибу\w*)",
           r"прибуд(?:е|уть)", r"відправ(?:ить|лять)", r"направ(?:ить|лять)", r"перекин(?:е|уть)",
           r"надішл(?:е|уть)", r"збільшити\s+(?:\w+\s+){0,2}до",
           r"рішення\s+(?:відправити|направити|про\s+відправку|про\s+направлення)"],
    "de": [r"(?:wird|werden|würde|würden|könnte|könnten|dürfte|dürften|soll|sollen|sollte|sollten|"
           r"will|wollen|möchte|kann|können)\s+(?:\w+\s+){0,4}?(?:schicken|entsenden|senden|verlegen|"
           r"stellen|liefern|steigen|anwachsen|erhöhen|erhöht|geschickt|entsandt|verlegt|umfassen)",
           r"plant\w*", r"planen", r"beabsichtig\w*", r"erwäg\w*", r"bereit\s*,?\s+(?:\w+\s+){0,3}zu\s+(?:schicken|entsenden)",
           r"weitere\w*\s+(?:\w+\s+){0,3}(?:sollen|könnten|werden)", r"in\s+den\s+kommenden\s+(?:wochen|monaten)",
           # Verb-final German: a modal, then anything in the clause, then the infinitive.
           r"(?:wird|werden|würde|würden|könnte|könnten|dürfte|dürften|soll|sollen|sollte|sollten|"
           r"will|wollen|plant|planen|beabsichtigt)\b(?:(?![.;,]\s).){0,80}?\b(?:schicken|entsenden|senden|"
           r"verlegen|liefern|stellen|steigen|anwachsen|erhöhen|umfassen|bereitstellen|eintreffen|"
           r"kommen|ankommen|geschickt\s+werden|entsandt\s+werden|verlegt\s+werden)"],
    "fr": [r"(?:va|vont|pourrait|pourraient|devrait|devraient|compte|comptent|s" + AP + r"apprête\w*|"
           r"envisage\w*|prévoi\w*|prévu\w*|projette\w*|entend\w*|veut|souhaite|pourra|pourront|"
           r"serait|seraient)\s+(?:\w+\s+){0,3}?(?:envoyer|déployer|dépêcher|fournir|atteindre|"
           r"monter|augmenter|être\s+envoyés|être\s+déployés|grimper|porter|s'élever|passer)",
           r"enverra\w*", r"déploiera\w*", r"enverrait", r"enverraient", r"arrivera\w*",
           r"ser(?:a|ont|ait|aient)\s+(?:envoyés|déployés|dépêchés|acheminés)", r"rejoindr\w*", r"dans\s+les\s+prochain\w*\s+(?:semaines|mois)",
           r"supplémentaires?\s+(?:\w+\s+){0,3}(?:pourraient|devraient|seront)"],
    "es": [r"(?:va|van|podría|podrían|debería|deberían|planea\w*|prevé|prevén|tiene\s+previsto|"
           r"tienen\s+previsto|pretende\w*|piensa\w*|quiere\w*|estaría\w*\s+dispuest\w*|se\s+dispone\w*|"
           r"podrá|podrán)\s+(?:a\s+)?(?:\w+\s+){0,3}?(?:enviar|desplegar|mandar|aumentar|llegar|"
           r"alcanzar|ascender|subir|ser\s+enviados|ser\s+desplegados|elevarse)",
           r"enviará\w*", r"desplegará\w*", r"enviaría\w*", r"se\s+espera\w*", r"llegará\w*",
           r"ser(?:á|án|ía|ían)\s+(?:enviados|desplegados|trasladados)", r"se\s+sumarán", r"en\s+las\s+próximas\s+semanas",
           r"en\s+los\s+próximos\s+meses", r"adicionales\s+(?:\w+\s+){0,3}(?:podrían|serán)"],
}
PLANNED_CJK = {
    "ko": ["(?:파병|파견|배치|투입|증파|이동|배치|보내|지원)(?:하기로|키로|할|될|하는 방안|하려)",
           "보낼", "예정", "계획", "방침", "전망", "가능성", "할 것", "될 것", "낼 것", "할 수", "될 수",
           "낼 수", "하기로", "보내기로", "파견하기로", "늘어날", "늘릴", "확대할", "추가 파병할",
           "추가로 파병할", "추가 파견할", "보낼", "파병할", "파견할", "투입할", "배치할", "증파할",
           "예상", "관측", "결정", "준비", "검토", "이를 수", "달할 수", "늘 수"],
    "ja": ["(?:派遣|派兵|増派|投入|配置|展開|移送)(?:する|される)(?!とみ)", "送り込む", "送る",
           "予定", "計画", "方針", "見通し", "可能性", "見込み", "検討", "決定", "決め", "構え",
           "恐れ", "おそれ", "準備", "に上る可能性", "に増える", "増加する"],
}

# Killed and wounded (both mentioned for one number -> casualties).
KILLED_SPACED = {
    "en": [r"killed", r"dead", r"died", r"deaths?", r"fatalities", r"killed\s+in\s+action", r"kia",
           r"slain", r"lost\s+their\s+lives", r"eliminated", r"death\s+toll", r"perished",
           r"kill", r"neutrali[sz]ed", r"fallen", r"liquidated", r"destroyed"],
    "ru": [r"погиб\w*", r"гибел\w*", r"убит\w*", r"уничтож\w*", r"ликвидир\w*", r"смерт\w*",
           r"погибш\w*", r"безвозвратн\w*"],
    "uk": [r"загин\w*", r"загибл\w*", r"загибел\w*", r"вбит\w*", r"убит\w*", r"знищ\w*", r"ліквідов\w*",
           r"ліквідува\w*", r"смерт\w*", r"двохсот\w*", r"безповоротн\w*"],
    "de": [r"getötet\w*", r"tote", r"toten", r"tot", r"gefallen\w*", r"starben", r"gestorben",
           r"ums\s+leben", r"todesopfer", r"umgekommen", r"ausgeschaltet"],
    "fr": [r"tués?", r"tuées", r"morts?", r"décédés", r"péri", r"ont\s+péri", r"éliminés",
           r"ont\s+trouvé\s+la\s+mort", r"perdu\s+la\s+vie"],
    "es": [r"muertos?", r"murieron", r"muerto", r"fallecidos", r"fallecieron", r"abatidos",
           r"asesinados", r"perdieron\s+la\s+vida", r"caídos", r"eliminados"],
}
KILLED_CJK = {
    "ko": ["사망", "전사", "숨진", "숨졌", "숨지", "죽었", "죽은", "희생", "사살", "사망자",
           "전사자", "목숨을 잃"],
    "ja": ["死亡", "戦死", "死者", "殺害", "死んだ", "命を落と", "殺さ"],
}
WOUNDED_SPACED = {
    "en": [r"wounded", r"injured", r"injuries", r"hurt", r"wounds"],
    "ru": [r"ранен\w*", r"ранени\w*", r"травмирован\w*"],
    "uk": [r"поранен\w*", r"ранен\w*", r"травмован\w*", r"трьохсот\w*"],
    "de": [r"verwundet\w*", r"verletzt\w*", r"verwundete\w*"],
    "fr": [r"blessés?", r"blessées"],
    "es": [r"heridos?", r"heridas", r"lesionados"],
}
WOUNDED_CJK = {
    "ko": ["부상", "다친", "다쳤", "부상자"],
    "ja": ["負傷", "負傷者", "けが", "怪我", "重軽傷"],
}
CASUALTIES_SPACED = {
    "en": [r"casualties", r"casualty", r"losses", r"lost", r"loss\w*", r"killed\s+or\s+wounded",
           r"killed\s+and\s+wounded", r"killed\s+or\s+injured", r"killed\s+and\s+injured",
           r"dead\s+or\s+wounded", r"dead\s+and\s+wounded", r"dead\s+and\s+injured",
           r"dead\s+or\s+injured", r"put\s+out\s+of\s+action"],
    "ru": [r"потер\w*", r"убитыми\s+и\s+ранеными", r"убитых\s+и\s+раненых",
           r"погибших\s+и\s+раненых", r"убитыми\s+и\s+раненными", r"выбыл\w*\s+из\s+строя",
           r"санитарн\w*"],
    "uk": [r"втрат\w*", r"втрати\w*", r"вбитими\s+(?:та|і|й)\s+пораненими",
           r"убитими\s+(?:та|і|й)\s+пораненими", r"загиблих\s+(?:та|і|й)\s+поранених",
           r"вбитих\s+(?:та|і|й)\s+поранених", r"вибул\w*\s+з\s+ладу"],
    "de": [r"verluste\w*", r"verlust\w*", r"getötet\s+oder\s+verwundet", r"tote\s+und\s+verwundete",
           r"tote\s+oder\s+verletzte", r"tote\s+und\s+verletzte", r"getötet\s+oder\s+verletzt",
           r"getötet\s+und\s+verwundet", r"opfer"],
    "fr": [r"pertes", r"tués\s+ou\s+blessés", r"morts\s+et\s+blessés", r"tués\s+et\s+blessés",
           r"morts\s+ou\s+blessés", r"mis\s+hors\s+de\s+combat", r"victimes"],
    "es": [r"bajas", r"pérdidas", r"muertos\s+y\s+heridos", r"muertos\s+o\s+heridos",
           r"fuera\s+de\s+combate", r"víctimas"],
}
CASUALTIES_CJK = {
    "ko": ["사상자", "사상", "인명 피해", "인명피해", "손실", "사망하거나 부상", "죽거나 다친",
           "사망 또는 부상", "전투 불능"],
    "ja": ["死傷者", "死傷", "損害", "損失", "死亡または負傷", "死傷した"],
}
CAPTURED_SPACED = {
    "en": [r"captur(?:ed|e|ing)", r"taken\s+prisoner", r"took\s+prisoner", r"prisoners?\s+of\s+war", r"pows?",
           r"in\s+captivity", r"surrendered", r"detained", r"held\s+captive", r"captives",
           r"prisoners"],
    "ru": [r"в\s+плен\w*", r"пленен\w*", r"пленён\w*", r"пленных", r"пленные", r"пленного",
           r"захвачен\w*", r"сдал\w*\s+в\s+плен", r"военнопленн\w*"],
    "uk": [r"в\s+полон\w*", r"у\s+полон\w*", r"полонен\w*", r"полонених", r"полонені",
           r"захоплен\w*", r"здал\w*\s+в\s+полон", r"військовополонен\w*"],
    "de": [r"gefangen\s+genommen", r"gefangengenommen", r"gefangenschaft", r"kriegsgefangene\w*",
           r"festgenommen", r"gefangene\w*"],
    "fr": [r"captur\w*", r"faits\s+prisonniers", r"prisonniers", r"captivité",
           r"prisonniers\s+de\s+guerre"],
    "es": [r"captur\w*", r"prisioneros", r"apresad\w*", r"apres(?:ó|aron)", r"cautiverio", r"prisioneros\s+de\s+guerra",
           r"hechos\s+prisioneros"],
}
CAPTURED_CJK = {
    "ko": ["포로", "생포", "붙잡", "억류", "투항"],
    "ja": ["捕虜", "拘束", "捕らえ", "捕獲", "投降"],
}

# Size of a North Korean force in general (not this deployment).
FORCE_SPACED = {
    "en": [r"-strong\s+(?:army|military|armed\s+forces|force|forces)", r"strong\s+army",
           r"standing\s+army", r"active[\s-]+duty", r"reservists", r"reserves?", r"largest",
           r"(?:they|which|who|forces|troops|army|units?)\s+numbers?", r"numbering", r"boasts?",
           r"has\s+an\s+army", r"army\s+of",
           r"armed\s+forces\s+of", r"in\s+total", r"total\s+(?:strength|manpower)", r"manpower",
           r"world" + AP + r"s\s+(?:fourth|fifth|third|second)[\s-]+largest", r"conscription",
           r"can\s+call\s+up", r"overall"],
    "ru": [r"численност\w*", r"насчитыва\w*", r"резервист\w*", r"армия\s+в", r"армии\s+в",
           r"крупнейш\w*", r"всего\s+в\s+армии", r"регулярн\w*\s+арми\w*"],
    "uk": [r"чисельн\w*", r"налічу\w*", r"резервіст\w*", r"армія\s+у", r"армії\s+у", r"найбільш\w*"],
    "de": [r"mann\s+starke\w*", r"starke\w*\s+armee", r"zählt\w*", r"umfass\w*", r"reservisten",
           r"stehende\w*\s+heer", r"größte\w*"],
    "fr": [r"forte\s+de", r"forte\s+d" + AP, r"compte\w*", r"réservistes", r"effectifs\s+totaux",
           r"plus\s+grande\w*", r"armée\s+de"],
    "es": [r"cuenta\w*\s+con", r"reservistas", r"efectivos\s+totales", r"más\s+grande\w*",
           r"ejército\s+de"],
}
FORCE_CJK = {
    "ko": ["상비군", "총병력", "정규군", "예비군", "예비 병력", "세계 최대", "규모를 자랑", "보유",
           "(?<!파병 )(?<!파견 )규모는", "병력은"],
    "ja": ["総兵力", "常備軍", "予備役", "世界最大", "保有", "の兵力は", "兵力は", "(?<!派遣)規模は"],
}

# --------------------------------------------------------------------------- attribution

# "according to X" style phrases: the claimant follows.
ATTRIB_BEFORE_SPACED = [
    r"according\s+to", r"citing", r"cited\s+by", r"per", r"as\s+reported\s+by",
    r"citing\s+(?:a\s+|the\s+)?(?:briefing|report|assessment)s?\s+(?:by|from)",
    r"(?:after\s+)?(?:a\s+)?(?:closed-door\s+)?briefing\s+(?:by|from)", r"briefed\s+by",
    r"nach(?=\s+(?:\w+\s+){0,2}angaben)",
    r"reported\s+by", r"in\s+the\s+(?:words|view|estimate|assessment)\s+of", r"said\s+by",
    r"quoted\s+by", r"estimates\s+by", r"data\s+from", r"figures\s+from", r"as\s+per",
    r"по\s+данным", r"по\s+словам", r"по\s+информации", r"по\s+оценкам", r"по\s+оценке",
    r"как\s+сообщил\w*", r"как\s+заявил\w*", r"согласно", r"со\s+ссылкой\s+на", r"по\s+сведениям",
    r"как\s+передает", r"как\s+пишет",
    r"за\s+даними", r"за\s+словами", r"за\s+інформацією", r"за\s+оцінками", r"за\s+оцінкою",
    r"як\s+повідомил\w*", r"як\s+заявил\w*", r"згідно\s+з", r"з\s+посиланням\s+на",
    r"за\s+відомостями", r"як\s+пише",
    r"laut", r"nach\s+angaben", r"nach\s+schätzungen", r"nach\s+informationen", r"gemäß",
    r"nach\s+erkenntnissen", r"nach\s+einschätzung", r"nach\s+darstellung",
    r"unter\s+berufung\s+auf", r"wie\s+(?:der|die|das)?", r"berichtete\w*", r"zitiert",
    r"selon", r"d" + AP + r"après", r"citant", r"de\s+source", r"à\s+en\s+croire",
    r"según", r"de\s+acuerdo\s+con", r"citando", r"conforme\s+a", r"en\s+palabras\s+de",
]
# Verbs of saying/estimating: the claimant is their subject (or follows, inverted).
SAY_SPACED = [
    r"said", r"says", r"say", r"saying", r"estimated?s?", r"estimating", r"believes?",
    r"reported", r"reports", r"claimed", r"claims?", r"confirmed", r"confirms", r"told",
    r"added", r"noted", r"stated", r"states", r"announced", r"announces", r"assessed",
    r"assesses", r"assess", r"warned", r"warns", r"wrote", r"writes", r"posted",
    r"revealed", r"disclosed", r"indicated", r"indicates", r"thinks", r"suggests?",
    r"suggested", r"calculated", r"calculates", r"put\s+the\s+(?:number|figure|total)",
    r"puts\s+the\s+(?:number|figure|total)", r"believed", r"understands", r"briefed",
    r"informed", r"explained", r"testified", r"alleged", r"alleges", r"observed",
    r"acknowledged", r"insisted", r"argued", r"stressed", r"pointed\s+out", r"tweeted",
    r"released", r"published", r"presented", r"spoke\s+of", r"cautioned", r"alerted",
    r"предупреди\w*", r"попереди\w*", r"подчеркну\w*", r"наголоси\w*", r"добави\w*", r"додав\w*",
    r"опубликова\w*", r"оприлюдни\w*", r"показал\w*", r"говорил\w*\s+о", r"говорив\s+про",
    r"veröffentlichte\w*", r"sprach\w*\s+von", r"spricht\s+von", r"berichtete\w*", r"meldete\w*",
    r"a\s+averti", r"averti", r"a\s+prévenu", r"a\s+fait\s+état", r"fait\s+état", r"a\s+signalé",
    r"signale\w*", r"a\s+publié", r"a\s+parlé\s+de",
    r"advirti(?:ó|eron)", r"alert(?:ó|aron)", r"advierte\w*", r"cifr(?:a|an|ó|aron)", r"sitú(?:a|an)",
    r"public(?:ó|aron)", r"habl(?:ó|aron)\s+de",
    r"has\s+said", r"have\s+said", r"had\s+said", r"told\s+reporters", r"figures\s+show",
    r"заяви\w*", r"сообщи\w*", r"сообщает", r"сообщают", r"рассказа\w*", r"оцени\w*",
    r"оценива\w*", r"считает", r"считают", r"подтверди\w*", r"утвержда\w*", r"написа\w*",
    r"отмети\w*", r"уточни\w*", r"доложи\w*", r"говорит\w*", r"сказа\w*", r"полагает",
    r"заяв\w*", r"повідоми\w*", r"повідомляє", r"повідомляють", r"розпові\w*", r"оціню\w*",
    r"оціни\w*", r"вважає", r"вважають", r"підтверди\w*", r"стверджу\w*", r"написа\w*",
    r"зазначи\w*", r"уточни\w*", r"доповів", r"каже", r"сказа\w*",
    r"sagte\w*", r"sagt", r"erklärte\w*", r"erklärt", r"teilte\w*", r"teilt", r"warnte\w*",
    r"warnt", r"betonte\w*", r"hieß\s+es", r"heißt\s+es", r"berichten", r"vermutet\w*",
    r"expects?", r"expected", r"predicts?", r"predicted", r"forecasts?", r"projects?",
    r"berichtete\w*", r"berichtet", r"schätz\w*", r"geht\s+davon\s+aus", r"bestätigte\w*",
    r"meldete\w*", r"meldet", r"schrieb", r"zufolge", r"gab\s+an", r"gaben\s+an",
    r"a\s+déclaré", r"déclare", r"a\s+affirmé", r"affirme\w*", r"a\s+indiqué", r"indique\w*",
    r"estime\w*", r"a\s+estimé", r"a\s+annoncé", r"annonce\w*", r"a\s+confirmé", r"confirme\w*",
    r"a\s+précisé", r"précise\w*", r"rapporte\w*", r"a\s+rapporté", r"a\s+assuré", r"assure\w*",
    r"a\s+dit", r"dit", r"a\s+écrit", r"écrit", r"a\s+expliqué", r"explique\w*", r"déclaré",
    r"dijo", r"dice", r"dicen", r"afirm(?:ó|a|an|aron)", r"declar(?:ó|a|an|aron)",
    r"indic(?:ó|a|an|aron)", r"estim(?:ó|a|an|aron)", r"calcul(?:ó|a|an|aron)",
    r"inform(?:ó|a|an|aron)", r"anunci(?:ó|a|an|aron)", r"confirm(?:ó|a|an|aron)",
    r"asegur(?:ó|a|an|aron)", r"señal(?:ó|a|an|aron)", r"precis(?:ó|a|an|aron)",
    r"report(?:ó|a|an|aron)", r"explic(?:ó|a|an|aron)", r"escribió", r"cree", r"creen",
]
ATTRIB_CJK = {
    # X에 따르면 / X によると: claimant before the marker.
    "before_marker": ["에 따르면", "에 의하면", "에 따라", "の発表によると", "によると", "によれば",
                      "によりますと", "の発表によりますと",
                      "の発表では", "の推計では", "の分析では", "の見方では", "は推計", "の調べでは",
                      "の説明では", "の情報では", "が明らかにした", "が発表した"],
    "say": ["경고", "주장", "전하며", "공개", "밝혔", "말했", "전했", "보고했", "추정했", "추정하",
            "파악했", "파악하", "설명했",
            "분석했", "발표했", "주장했", "강조했", "확인했", "언급했", "알렸", "보도했", "추산했",
            "평가했", "내다봤", "예상했", "관측했", "공개했", "보고", "밝힌", "추정", "브리핑",
            "明らかにした", "明らかにし", "発表した", "発表し", "述べた", "述べ", "語った", "語り",
            "説明した", "推計した", "分析した", "報告した", "指摘した", "主張した", "伝えた",
            "報じた", "推定した", "見積も", "推計", "確認した", "強調した", "示した", "とした",
            "としている", "と述べ", "と明らかに", "と発表", "述べ", "明らかに", "発表", "警告", "報告",
            "分析", "推定", "主張", "説明", "指摘", "強調", "を示し", "伝え", "報じ", "語っ", "語り",
            "とみている", "とみて", "公表", "公開"],
}

# Titles and filler stripped from a claimant phrase that no entity matched.
CLAIMANT_NOISE = re.compile(
    r"(?i)^(?:the|a|an|le|la|les|l'|el|los|las|der|die|das|des|dem|den|un|une|une?|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|president|spokesperson|spokesman|spokeswoman|"
    r"minister|secretary|general|gen\.?|lt\.?|col\.?|adm\.?|sen\.?|rep\.?|officials?|"
    r"senior|top|chief|head|director|commander|analyst|expert|lawmaker|lawmakers|"
    r"u\.s\.|us|american|south|korean|ukrainian|british|former)\s+"
)

# Words that mean the number is a date, time or age when adjacent.
MONTHS = [
    r"jan(?:uary|\.)?", r"feb(?:ruary|\.)?", r"mar(?:ch|\.)?", r"apr(?:il|\.)?", r"may",
    r"june?", r"july?", r"aug(?:ust|\.)?", r"sep(?:t|tember|\.)?\.?", r"oct(?:ober|\.)?",
    r"nov(?:ember|\.)?", r"dec(?:ember|\.)?",
    r"январ\w*", r"феврал\w*", r"март\w*", r"апрел\w*", r"ма[яей]", r"июн\w*", r"июл\w*",
    r"август\w*", r"сентябр\w*", r"октябр\w*", r"ноябр\w*", r"декабр\w*",
    r"січ\w*", r"лют\w*", r"берез\w*", r"квіт\w*", r"травн\w*", r"черв\w*", r"лип\w*",
    r"серп\w*", r"верес\w*", r"жовт\w*", r"листопад\w*", r"груд\w*",
    r"januar", r"februar", r"märz", r"mai", r"juni", r"juli", r"oktober", r"dezember",
    r"janvier", r"février", r"mars", r"avril", r"juin", r"juillet", r"août", r"septembre",
    r"octobre", r"novembre", r"décembre",
    r"enero", r"febrero", r"marzo", r"abril", r"mayo", r"junio", r"julio", r"agosto",
    r"septiembre", r"setiembre", r"octubre", r"noviembre", r"diciembre",
]

# --------------------------------------------------------------------------- places

# Places named for deployed personnel: (regex fragment, canonical English name). Stems
# cover Russian/Ukrainian case endings. Specific places first: they win over countries.
PLACES_SPACED: list[tuple[str, str]] = [
    (r"kursk(?:\s+(?:region|oblast|province|area))?|курск\w*(?:\s+област\w*)?|курщин\w*|"
     r"koursk|gebiet\s+kursk|région\s+de\s+koursk|región\s+de\s+kursk|kursker\s+gebiet", "Kursk"),
    (r"sudzha|суджа\w*|суджі|sudscha|soudja", "Sudzha"),
    (r"vladivostok|владивосток\w*|wladiwostok", "Vladivostok"),
    (r"ussuriysk|уссурийск\w*|уссурійськ\w*", "Ussuriysk"),
    (r"khabarovsk|хабаровск\w*|хабаровськ\w*|chabarowsk", "Khabarovsk"),
    (r"primorsky(?:\s+krai)?|primorye|приморск\w+\s+кра\w*|примор\w*|приморськ\w+\s+кра\w*",
     "Primorsky Krai"),
    (r"(?:eastern|far[\s-]+eastern)\s+russia|russia" + AP + r"s\s+far\s+east|russian\s+far\s+east|"
     r"far\s+east(?:\s+of\s+russia)?|дальн\w+\s+восток\w*|далек\w+\s+сход\w*|дальньому\s+сході|"
     r"далекому\s+сході|fernen\s+osten(?:\s+russlands)?|osten\s+russlands|ostrussland|"
     r"extrême-orient(?:\s+russe)?|est\s+de\s+la\s+russie|lejano\s+oriente(?:\s+ruso)?|"
     r"este\s+de\s+rusia", "eastern Russia"),
    (r"belgorod|белгород\w*|бєлгород\w*", "Belgorod"),
    (r"bryansk|брянск\w*|брянськ\w*", "Bryansk"),
    (r"donetsk|донецк\w*|донецьк\w*|donezk", "Donetsk"),
    (r"donbas+|донбасс?\w*", "Donbas"),
    (r"luhansk|луганск\w*|луганськ\w*", "Luhansk"),
    (r"zaporizhzhia|zaporizhia|запорож\w*|запоріж\w*|saporischschja|zaporijia|zaporiyia",
     "Zaporizhzhia"),
    (r"kherson|херсон\w*|cherson|kherson", "Kherson"),
    (r"kharkiv|kharkov|харьков\w*|харків\w*|charkiw|kharkov", "Kharkiv"),
    (r"pokrovsk|покровск\w*|покровськ\w*", "Pokrovsk"),
    (r"crimea|крым\w*|крим\w*|krim|crimée", "Crimea"),
    (r"moscow|москв\w*|moskau|moscou|moscú", "Moscow"),
    (r"russia|росси[яиюей]\w*|росі[яїюєй]\w*|russland|russie|rusia", "Russia"),
    (r"ukraine|украин[аыуеой]\w*|україн[аиуіоюе]\w*|ucrania", "Ukraine"),
]
PLACES_CJK: list[tuple[str, str]] = [
    ("쿠르스크|クルスク", "Kursk"),
    ("수자|スジャ", "Sudzha"),
    ("블라디보스토크|블라디보스톡|ウラジオストク", "Vladivostok"),
    ("우수리스크|ウスリースク", "Ussuriysk"),
    ("하바롭스크|ハバロフスク", "Khabarovsk"),
    ("연해주|沿海地方|プリモルスキー", "Primorsky Krai"),
    ("러시아 극동|극동 지역|극동|ロシア極東|極東", "eastern Russia"),
    ("벨고로드|ベルゴロド", "Belgorod"),
    ("브랸스크|ブリャンスク", "Bryansk"),
    ("도네츠크|ドネツク", "Donetsk"),
    ("돈바스|ドンバス", "Donbas"),
    ("루한스크|ルハンスク", "Luhansk"),
    ("자포리자|자포리아|ザポリージャ", "Zaporizhzhia"),
    ("헤르손|ヘルソン", "Kherson"),
    ("하르키우|ハルキウ", "Kharkiv"),
    ("포크롭스크|ポクロウシク|ポクロフスク", "Pokrovsk"),
    ("크림반도|크림|クリミア", "Crimea"),
    ("모스크바|モスクワ", "Moscow"),
    ("러시아|ロシア", "Russia"),
    ("우크라이나|ウクライナ", "Ukraine"),
]
# Prepositions/particles that make a place the personnel's location (before it in spaced
# languages, after it in Korean and Japanese).
LOC_PREP_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|into|to|near|at|toward|towards|inside|within|across|on|"
    r"im|in|nach|ins|an|bei|"
    r"en|à|au|aux|dans|vers|près\s+de|"
    r"a|hacia|cerca\s+de|"
    r"в|во|на|под|к|у|до|біля|під)\s+(?:the\s+|der\s+|die\s+|la\s+|le\s+|el\s+|l['’])?"
    r"(?:(?:region|oblast|area|province|border|front)\s+(?:of\s+)?)?$)"
)
LOC_PARTICLE_AFTER = re.compile(r"^(?:\s*(?:지역|일대|주|州|地域|地方|州|방면|전선))?"
                                r"\s*(?:에서|에|로|으로|까지|に|へ|で|の前線|の戦線|入り)")

# --------------------------------------------------------------------------- claimants

# Minimal fallback when the entity KB is missing or lacks a name: the canonical claimant
# names of the contract with their commonest forms. The KB is the home for aliases.
FALLBACK_CLAIMANTS: dict[str, list[str]] = {
    "NIS": ["National Intelligence Service", "NIS", "국가정보원", "국정원", "国家情報院",
            "South Korea's spy agency", "South Korean intelligence", "spy agency", "НИС",
            "services sud-coréens", "services de renseignement sud-coréens"],
    "JCS": ["Joint Chiefs of Staff", "JCS", "합동참모본부", "합참", "合同参謀本部"],
    "South Korean government": ["South Korean government", "한국 정부", "국방백서",
                                "Defence White Paper", "Defense White Paper", "防衛白書"],
    "Pentagon": ["Pentagon", "Department of Defense", "Defense Department", "Пентагон",
                 "펜타곤", "미 국방부", "国防総省", "Pentágono", "Pentagone"],
    "White House": ["White House", "백악관", "Белый дом", "Білий дім", "ホワイトハウス"],
    "US State Department": ["State Department", "미 국무부", "Госдеп", "国務省"],
    "US government": ["US government", "Washington"],
    "NATO": ["NATO", "НАТО", "나토", "OTAN", "北大西洋条約機構"],
    "GUR": ["GUR", "HUR", "ГУР", "Ukrainian military intelligence",
            "Ukraine's military intelligence", "국방정보총국", "情報総局"],
    "SBU": ["SBU", "СБУ", "Security Service of Ukraine"],
    "Ukrainian General Staff": ["General Staff of the Armed Forces of Ukraine",
                                "Генштаб ВСУ", "Генштаб ЗСУ", "Генеральний штаб ЗСУ"],
    "Ukrainian government": ["Ukrainian government", "Kyiv"],
    "Ukrainian Ministry of Defence": ["Ukrainian Ministry of Defence", "Міноборони",
                                      "Міністерство оборони України"],
    "UK Ministry of Defence": ["UK Ministry of Defence", "British Ministry of Defence",
                               "British defence intelligence", "영국 국방부", "英国防省"],
    "ISW": ["Institute for the Study of War", "ISW", "전쟁연구소", "戦争研究所"],
    "KCNA": ["KCNA", "Korean Central News Agency", "조선중앙통신", "朝鮮中央通信", "ЦТАК"],
    "Kremlin": ["Kremlin", "Кремль", "크렘린", "クレムリン", "Kreml", "Kremlin"],
    "Russian Ministry of Defence": ["Russian Ministry of Defence", "Russian Defence Ministry",
                                    "Минобороны России", "러시아 국방부", "ロシア国防省"],
    "Volodymyr Zelensky": ["Zelensky", "Zelenskyy", "Zelenskiy", "Зеленский", "Зеленський",
                           "젤렌스키", "ゼレンスキー", "Selenskyj", "Zelensky", "Zelenski",
                           "Ukrainian president", "président ukrainien", "presidente ucraniano",
                           "ukrainische Präsident", "ukrainischer Präsident"],
    "Kim Jong Un": ["Kim Jong Un", "Kim Jong-un", "김정은", "金正恩", "Ким Чен Ын"],
    "Kyrylo Budanov": ["Budanov", "Буданов", "부다노우", "ブダノフ"],
    "Lloyd Austin": ["Lloyd Austin", "오스틴", "Ллойд Остин", "オースティン"],
    "Mark Rutte": ["Mark Rutte", "Rutte", "Рютте", "뤼터", "ルッテ"],
    "Yoon Suk Yeol": ["Yoon Suk Yeol", "Yoon Suk-yeol", "윤석열", "尹錫悦"],
    "Vladimir Putin": ["Vladimir Putin", "Putin", "Путин", "Путін", "푸틴", "プーチン"],
    "Dmitry Peskov": ["Peskov", "Песков", "페스코프", "ペスコフ"],
    "Antony Blinken": ["Blinken", "Блинкен", "블링컨", "ブリンケン"],
    "John Kirby": ["John Kirby", "Kirby", "Кирби", "커비", "カービー"],
    "Sabrina Singh": ["Sabrina Singh", "사브리나 싱", "Сабрина Сингх"],
    "Rustem Umerov": ["Umerov", "Умеров", "우메로우"],
    "Andrii Sybiha": ["Sybiha", "Сибига", "Сибіга", "시비하"],
    "Lee Seong-kweun": ["Lee Seong-kweun", "이성권"],
    "Park Sun-won": ["Park Sun-won", "박선원"],
    "Oleksandr Syrskyi": ["Syrskyi", "Syrskiy", "Syrsky", "Syrskyj", "Sirski", "Syrskyï",
                          "Сырский", "Сирський", "시르스키", "シルスキー"],
    "Pete Hegseth": ["Hegseth", "헤그세스", "Хегсет"],
    "Marco Rubio": ["Rubio", "루비오", "Рубио", "ルビオ"],
    "Donald Trump": ["Trump", "트럼프", "Трамп", "トランプ"],
    "Joe Biden": ["Biden", "바이든", "Байден", "バイデン"],
}
# Countries and capitals standing for their government when they make a claim.
METONYM_CLAIMANTS: dict[str, list[str]] = {
    "South Korean government": ["South Korea", "Seoul", "Südkorea", "Séoul", "Corée du Sud",
                                "Corea del Sur", "Seúl", "Сеул", "Южная Корея", "Південна Корея",
                                "한국", "韓国", "우리 정부", "정부"],
    "Ukrainian government": ["Ukraine", "Kyiv", "Kiev", "Kiew", "Ucrania", "Киев", "Київ",
                             "Украина", "Україна", "우크라이나", "ウクライナ", "Ukrainian side",
                             "ukrainischen Angaben", "ukrainische Angaben", "ukrainischer Seite",
                             "우크라이나 측", "ウクライナ側", "украинская сторона", "украинской стороны",
                             "українська сторона", "української сторони", "partie ukrainienne",
                             "parte ucraniana"],
    "US government": ["United States", "the US", "the U.S.", "Washington", "USA", "США",
                      "미국", "米国", "EE.UU.", "Estados Unidos", "États-Unis", "Etats-Unis"],
    "Kremlin": ["Russia", "Moscow", "Россия", "Москва", "Росія", "Москва", "Russland", "Moskau",
                "Russie", "Moscou", "Rusia", "Moscú", "러시아", "ロシア"],
}

# Estimation words: every figure of the clause is approx unless it has its own hedge.
ESTIMATE = (
    r"(?<![^\W\d_])(?:estimat\w*|оцен\w*|оцін\w*|schätz\w*|geschätzt\w*|estim\w*|calcul[ao]\w*|"
    r"calculan|by\s+some\s+estimates)(?![^\W\d_])|추정|추산|推定|推計"
)
# Mentions of earlier wars: figures there are history, not this deployment.
HISTORICAL = (
    r"(?<![^\W\d_])(?:korean\s+war|vietnam|1950s|1960s|1970s|koreakrieg\w*|guerre\s+de\s+corée|"
    r"guerra\s+de\s+corea|корейск\w+\s+войн\w*|корейськ\w+\s+війн\w*|вьетнам\w*|в'єтнам\w*|"
    r"vietnamkrieg|guerre\s+du\s+vietnam|guerra\s+de\s+vietnam)(?![^\W\d_])|"
    r"한국전쟁|6[·.]25|베트남|朝鮮戦争|ベトナム"
)
