"""Arabic words for the claim extractor (regex fragments; see ``base.LanguageData``).

Arabic attaches conjunctions, prepositions and the article to the word ("والجنود",
"للضحايا"): noun and verb fragments take the optional proclitics ``_P``. Diacritics
(tashkeel) are removed from the matched text before matching; Arabic-Indic digits are
folded to ASCII digits.
"""

from troopwatch.claims.languages.base import LanguageData

# Proclitics: wa-/fa- (and), bi-/ka-/li- (prepositions), al- (the), li+al = lil-.
# The lookahead lets the regex engine skip non-Arabic text at once (merged tables).
_P = r"(?=[\u0621-\u064a])(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"
_V = r"(?=[\u0621-\u064a])(?:[وف]?)"  # before a verb: wa-/fa- only

LANGUAGE = LanguageData(
    code="ar",
    name="Arabic",
    script="arabic",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        "واحد": (1, "u"),
        "واحدة": (1, "u"),
        "اثنان": (2, "u"),
        "اثنين": (2, "u"),
        "اثنتين": (2, "u"),
        "ثلاثة": (3, "u"),
        "ثلاث": (3, "u"),
        "أربعة": (4, "u"),
        "أربع": (4, "u"),
        "خمسة": (5, "u"),
        "خمس": (5, "u"),
        "ستة": (6, "u"),
        "ست": (6, "u"),
        "سبعة": (7, "u"),
        "سبع": (7, "u"),
        "ثمانية": (8, "u"),
        "ثماني": (8, "u"),
        "ثمان": (8, "u"),
        "تسعة": (9, "u"),
        "تسع": (9, "u"),
        "عشرة": (10, "u"),
        "عشر": (10, "u"),
        "عشرون": (20, "u"),
        "عشرين": (20, "u"),
        "ثلاثون": (30, "u"),
        "ثلاثين": (30, "u"),
        "أربعون": (40, "u"),
        "أربعين": (40, "u"),
        "خمسون": (50, "u"),
        "خمسين": (50, "u"),
        "ستون": (60, "u"),
        "ستين": (60, "u"),
        "سبعون": (70, "u"),
        "سبعين": (70, "u"),
        "ثمانون": (80, "u"),
        "ثمانين": (80, "u"),
        "تسعون": (90, "u"),
        "تسعين": (90, "u"),
        "مئة": (100, "h"),
        "مائة": (100, "h"),
        "مئتان": (200, "u"),
        "مئتين": (200, "u"),
        "مائتين": (200, "u"),
        "مائتان": (200, "u"),
        "ألف": (1000, "s"),
        "آلاف": (1000, "s"),
        "ألفا": (2000, "u"),
        "ألفان": (2000, "u"),
        "ألفين": (2000, "u"),
        "ألفي": (2000, "u"),
        "مليون": (1_000_000, "s"),
        "ملايين": (1_000_000, "s"),
    },
    number_morphemes=(),
    number_phrases=(),
    number_connector="",
    scale_words=(
        # Accusative with tanween alif ("11 ألفًا", "مليونًا"; the marks are removed first).
        ("ألفا", 1000),
        ("ألف", 1000),
        ("آلاف", 1000),
        ("مليونا", 1_000_000),
        ("مليون", 1_000_000),
        ("ملايين", 1_000_000),
    ),
    vague_numbers=(
        r"(?:عشرات|مئات)\s+(?:ال)?آلاف",
        r"و?(?:ال)?آلاف",
        # With a preposition attached: "بمئات القتلى" (at hundreds of dead), "لعشرات".
        r"[وفبل]?مئات(?:\s+عدة)?",
        r"[وفبل]?عشرات",
    ),
    vague_tokens=(
        "آلاف",
        "الآلاف",
        "مئات",
        "عشرات",
        "ألف",
        "مئة",
        "مائة",
        # The same with "and" or a preposition attached ("وآلاف الجرحى", "بمئات القتلى").
        "وآلاف",
        "بآلاف",
        "لآلاف",
        "ومئات",
        "بمئات",
        "لمئات",
        "وعشرات",
        "بعشرات",
        "لعشرات",
    ),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=("إلى",),
    range_and=("و",),
    range_from=(
        "بين",
        "من",
    ),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(
        "من",
        # "of them": a part of the personnel of the sentence before ("3 آلاف منهم").
        "منهم",
        "في",
        "إلى",
        "قد",
    ),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"كل\s+(?:دفعة|موجة|مجموعة)",
        # A proportion: "واحد من كل خمسة".
        r"(?:واحد|واحدا|جندي)\s+(?:من\s+)?(?:بين\s+)?كل",
        "يومي(?:ا|اً)?",
        r"في\s+اليوم",
        "أسبوعي(?:ا|اً)?",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        r"جمهورية\s+كوريا\s+الديمقراطية\s+الشعبية",
        _P + r"كوريا\s+الشمالية",
        _P + r"كوري(?:ة|ون|ين|ان|يين|يان)?\s+(?:ال)?شمالي(?:ة|ون|ين|ان|يين)?",
        # The indefinite accusative adjective ("جنديا كوريا شماليا", "جندياً كوريّاً شماليّاً").
        r"كوريا\s+شماليا",
        _P + r"بيونغ\s?يانغ",
        _P + r"بيونج\s?يانج",
        r"كيم\s+جونغ\s+أون",
        # North Korea's own news agency (KCNA) reporting its soldiers, as 조선중앙통신 in Korean.
        _P + r"وكالة\s+(?:ال)?أنباء\s+(?:ال)?مركزية\s+(?:ال)?كورية",
        _P + r"جيش\s+(?:ال)?شعب(?:ي)?\s+(?:ال)?كوري",
    ),
    other_owners=(
        _P + r"روس(?:ي|ية|يين|يون)?",
        _P + r"أوكراني(?:ة|ين|ون)?",
        _P + r"أمريكي(?:ة|ين|ون)?",
        _P + r"أميركي(?:ة|ين|ون)?",
        _P + r"كوري(?:ة)?\s+(?:ال)?جنوبي(?:ة)?",
        _P + r"شيشاني(?:ة|ين)?",
        _P + r"صيني(?:ة|ين)?",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    units_first=(),
    units=(
        (_P + r"(?:جندي(?:ا|ين|ان)?|جنود)", "soldiers", "mil"),
        (_P + r"عسكري(?:ا|ين|ون)?", "troops", "mil"),
        (_P + r"(?:قوات|مقاتل(?:ا|ين|ون)?|عنصر(?:ا)?|عناصر)", "troops", "mil"),
        (_P + r"(?:ضابط(?:ا)?|ضباط)", "officers", "mil"),
        (_P + r"(?:مهندس(?:ا|ين)?(?:\s+عسكري(?:ا|ين)?)?)", "engineers", "mil"),
        (_P + r"(?:خبراء|متخصص(?:ا|ين)?)\s+(?:في\s+)?إزالة\s+الألغام", "deminers", "mil"),
        (_P + r"(?:بنائين|بناءين)(?:\s+(?:ال)?عسكريين)?", "builders", "mil"),
        (_P + r"(?:قتيل(?:ا)?|قتلى|جريح(?:ا)?|جرحى|أسير(?:ا)?|أسرى|ضحايا)", "casualty", "mil"),
        # North Koreans as the noun ("11 ألف كوري شمالي", "مئات الكوريين الشماليين").
        (
            # Not the definite singular adjective ("الفيلق … الكوري الشمالي").
            r"(?=[\u0621-\u064a])كوري(?:ا|ون|ين|يين)?\s+شمالي(?:ا|ون|ين|يين)?|"
            r"(?=[\u0621-\u064a])[وف]?(?:ال|لل|بال)كوري(?:ين|يين)\s+(?:ال)?شمالي(?:ين|يين)",
            "troops",
            "nk",
        ),
        (_P + r"(?:عمال|عامل(?:ا)?)", "workers", "civ"),
        (_P + r"(?:أشخاص|شخص(?:ا)?|آخرين|آخرون|فرد(?:ا)?|أفراد)", "personnel", "count"),
    ),
    non_people=(
        (
            _P
            + r"(?:قذائف|قذيفة|صواريخ|صاروخ(?:ا)?|ذخائر|طائرات|مسيرات|دبابات|مركبات|أطنان|طن|دولار(?:ا)?|"
            r"يورو|روبل|سنوات|سنة|عام(?:ا)?|أعوام|أشهر|شهر(?:ا)?|أيام|يوم(?:ا)?|أسابيع|ساعات|ساعة|"
            r"كيلومتر(?:ا|ات)?|كلم|كم|مرات|مرة|عقوبات|سكان|مدنيين|لاجئين|أطفال|منظومات|قطعة|مدافع|"
            r"ألوية|لواء|كتائب|كتيبة|فرق|فرقة|موجات|موجة|دفعات|دفعتين|مراحل|حاويات|سفن)",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        r"(?=[\u0621-\u064a])[وف]?(?:انضم|ينضم|تنضم)\w*",
        r"(?=[\u0621-\u064a])(?:ال)?(?:متواجد|موجود)(?:ون|ين)?",
        r"(?=[\u0621-\u064a])[وف]?دفع(?:ت)?",
        "[وف]?(?:ب|ل)?(?:ال)?تزويد",
        _V + r"أرسل(?:ت|وا|تهم|هم)?",
        _P + r"إرسال(?:هم)?",
        r"تم\s+إرسال(?:هم)?",
        _V + r"(?:ي|ت)رسل",
        _V + r"نشر(?:ت)?",
        _P + r"نشر",
        _P + r"انتشار(?:هم)?",
        _V + r"وصل(?:ت|وا)?",
        _P + r"وصول",
        _V + r"(?:ي|ت)قاتل(?:ون|ان)?",
        _P + r"تدريب(?:هم)?",
        _V + r"(?:ي|ت)تدرب(?:ون)?",
        _P + r"(?:تمركز|متمركز(?:ين|ة)?)",
        _P + r"توفير",
        r"إلى\s+(?:ال)?جبهة",
        _V + r"(?:شارك|يشارك)(?:ت|وا|ون)?",
        # The passive "أضيف" (were added to the force); the active أضاف is "he added" (said).
        _V + r"أضيف(?:ت|وا)?",
    ),
    planned=(
        _V + r"(?:ست|سي)(?:رسل|نشر|قوم\s+بإرسال|تم\s+إرسال)\w*",
        r"سوف\s+(?:\S+\s+){0,2}?(?:ترسل|يرسل|تنشر|ينشر)",
        # With the plural ending too: "10 آلاف جندي … يستعدون للانضمام".
        _V + r"(?:تعتزم|يعتزم|تخطط|يخطط|تستعد|يستعد|تنوي|ينوي)(?:ون|ان)?(?:\s+(?:ل|على\s+)?\S+)?",
        r"من\s+(?:ال)?متوقع",
        r"من\s+(?:ال)?مقرر",
        r"(?:قد|يمكن\s+أن)\s+(?:ت|ي)رسل",
        # May or will reach/exceed: "قد يتجاوز العدد … 40 ألف", "سيصل العدد إلى".
        r"(?:قد|يمكن\s+أن)\s+(?:ي|ت)(?:تجاوز|صل|رتفع|بلغ)",
        _V + r"(?:سي|ست)(?:تجاوز|صل|رتفع|بلغ)",
        _P + r"(?:استعداد|تخطيط)\s+(?:ل)?\S+",
        r"بحلول",
    ),
    casualties=(
        _P + r"ضحايا",
        _P + r"خسائر",
        r"قتل(?:وا)?\s+أو\s+(?:جرح|أصيب)(?:وا)?",
        r"قتلوا\s+أو\s+أصيبوا",
        # Active verbs, the side that did it as subject: "قتلت أو أصابت" (killed or wounded).
        r"قتل(?:ت|وا)?\s+أو\s+(?:أصاب|جرح)(?:ت|وا)?",
        r"(?:بين\s+)?قتيل\s+و\s?جريح",
        r"قتلى\s+و\s?جرحى",
        r"قتلى\s+أو\s+جرحى",
    ),
    killed=(
        # Active killing, feminine: قتلت (the forces killed).
        r"[وف]?قتلت",
        # Deaths with their pronoun suffix, and passing away.
        r"مصرعهم|مصرعه|مصرعهما",
        r"[وف]?(?:توفوا|توفيت|توفي)",
        r"(?:ال)?متوفين",
        r"جثث",
        _V + r"قتل(?:وا|ى)?",
        _P + r"(?:قتيل|قتلى|مقتل)",
        r"لقوا\s+حتفهم|لقي\s+حتفه|حتفهم",
        _V + r"(?:ماتوا|مات)",
        _P + r"مصرع",
        # Deaths counted as cases: "600 حالة وفاة", "وفيات".
        r"(?:حالات?\s+)?وفاة|وفيات",
    ),
    wounded=(
        # Active wounding: أصابت.
        r"[وف]?أصاب(?:ت)?",
        # In hospital: wounded.
        r"(?:ال)?مستشفيات|(?:ال)?مستشفى",
        _P + r"(?:جرحى|جريح)",
        _V + r"(?:جرح|أصيب)(?:وا|ا)?",
        _P + r"(?:إصابة|مصاب(?:ين|ون)?)",
        r"بجروح",
    ),
    captured=(
        # Surrender.
        r"[وف]?استسلم(?:وا|ا|ت)?",
        r"(?:ال)?استسلام",
        # Dual forms too: "جنديين … أُسرا" (two soldiers who were captured).
        _V + r"أسر(?:ت|وا|ا|هما|هم)?",
        _P + r"(?:أسير|أسرى|أسر)",
        r"تم\s+أسر\w*",
        r"(?:ال)?قبض\s+على",
        _P + r"اعتقال",
    ),
    force_size=(r"تعداد\s+(?:ال)?جيش", r"قوام\s+(?:ال)?جيش", r"حجم\s+(?:ال)?جيش"),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        # A possibility (it is likely that), not ruled out.
        r"[وف]?(?:لا\s+)?[يت]ستبعد",
        r"من\s+المحتمل",
        # Pledges and expectations govern the sending verb.
        r"[وف]?(?:تعهدت|تعهد)",
        r"[يت]توقع",
        # Decisions and agreements govern the sending verb.
        r"[وف]?(?:قررت|قرر|وافقت|وافق)",
        # Readiness, offers, considerations and requests govern the sending verb.
        r"[وف]?(?:ال)?مستعد(?:ة|ون|ين)?",
        r"[وف]?(?:عرضت|عرض|تدرس|يدرس|طلبت|طلب|تطلب|يطلب|تهدد|يهدد)",
        "سوف",
        r"من\s+المتوقع",
        r"من\s+المقرر",
        "[وف]?(?:تعتزم|يعتزم|تخطط|يخطط|تستعد|يستعد)",
        "[وف]?(?:ستقوم|سيقوم|سيتم|ستتم)",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        # A preposition may attach to the hedge: "بنحو", "بقرابة" (by about, by nearly).
        "approx": (
            r"(?=[\u0621-\u064a])[وفب]?نحو",
            "حوالي",
            "حوالى",
            "زهاء",
            r"ما\s+يقدر\s+ب",
            r"تقريبا",
        ),
        "at_least": (r"ما\s+لا\s+يقل\s+عن", r"لا\s+يقل\s+عن", r"على\s+الأقل"),
        "up_to": (r"ما\s+يصل\s+إلى", r"يصل\s+إلى", r"حتى"),
        "nearly": (r"ما\s+يقرب\s+من", r"ما\s+يقارب", r"[وفبل]?قرابة", r"ما\s+يناهز"),
        "more_than": (
            r"أكثر\s+من",
            r"أزيد\s+من",
            r"ما\s+يزيد\s+(?:على|عن)",
            r"يزيد\s+(?:على|عن)",
            r"يتجاوز",
            r"تجاوز",
            r"يفوق",
        ),
    },
    qualifiers_after={
        "approx": (r"تقريبا", r"تقريبًا"),
        "at_least": (r"على\s+الأقل",),
        "more_than": (r"ونيف",),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    adjective_first=False,
    relative_pronouns=("الذين", "الذي", "التي", "اللذين"),
    deployed_formations=(r"فيلق\s+العاصفة", r"(?:ال)?فيلق\s+(?:الحادي\s+عشر|11)"),
    size_words=(
        # Composition of a formation.
        r"[يت]ضم",
        r"[يت]تألف\s+من",
        r"[يت]تكون\s+من",
        r"قوامه",
        r"قوام\w*",
        r"حجم\w*",
    ),
    generic_markers=("عادة", "عادةً", r"في\s+العادة", r"في\s+المتوسط"),
    formation_nouns=(r"(?:ال)?كتيبة", r"(?:ال)?لواء", r"(?:ال)?فوج", r"(?:ال)?فرقة"),
    agentless=(r"و?تشير\s+التقارير", r"و?تشير\s+التقديرات", r"يقدر\s+أن"),
    claimant_sides={
        # Both spellings: "أمريكية" and "أميركية".
        "US": (
            r"و?(?:ال)?أمريكي\w*",
            r"و?(?:ال)?أميركي\w*",
            r"و?الولايات\s+المتحدة",
            r"و?للولايات\s+المتحدة",
        ),
        # "الاستخبارات في سيول": the intelligence in Seoul is South Korea's.
        "South Korean": (
            r"و?(?:ال)?كوري\w*\s+(?:ال)?جنوبي\w*",
            r"و?كوريا\s+الجنوبية",
            r"في\s+سيول",
        ),
        "Ukrainian": (r"و?(?:ال)?أوكراني\w*", "و?أوكرانيا", r"(?:و|ل)?كييف", r"في\s+كييف"),
        "Western": (r"و?(?:ال)?غربي\w*", "و?الغرب", r"و?(?:ال)?دول\s+(?:ال)?غربية"),
        "allied": (r"و?(?:ال)?حلفاء", r"و?(?:ال)?حلفائ\w*"),
        "Russian": (r"و?(?:ال)?روسي(?:ة|ون|ين)?", r"و?روسيا"),
    },
    claimant_heads={
        "lawmaker": (
            r"(?:ال)?نائب(?:\s+(?:ال)?برلماني)?",
            r"(?:ال)?نواب",
        ),
        "intelligence": (
            r"(?:ل|ب|و)?مصادر\s+استخبارا?تية",
            r"(?:ل|ب|و)?(?:ال)?تقارير\s+(?:ال)?(?:استخبارا?تية|مخابراتية)",
            # "li-" before the article drops its alif: "للاستخبارات".
            r"(?:و?لل|(?:ل|ب|و)?(?:ال)?)استخبارات",
            r"(?:و?لل|(?:ل|ب|و)?(?:ال)?)مخابرات",
            r"(?:ل|ب|و)?أجهزة\s+(?:ال)?استخبارات",
            # "the spy agency", "the secret services".
            r"(?:ل|ب|و)?(?:ال)?وكالة\s+(?:ال)?تجسس",
            r"(?:ل|ب|و)?(?:ال)?(?:خدمات|أجهزة)\s+(?:ال)?سرية",
        ),
        "sources": (r"(?:ل|ب|و)?مصادر",),
        "estimates": (r"(?:ل|ب|و)?(?:ال)?تقديرات",),
        "officials": (r"(?:ل|ب|و)?(?:ال)?مسؤول(?:ين|ون)?",),
        "governments": (r"(?:ال)?حكومات", r"(?:ال)?قوى"),
        "military": (r"(?:ال)?جيش", r"(?:ال)?قوات\s+(?:ال)?مسلحة"),
        # "ذكرت وسائل الإعلام الروسية": a country's press, no one outlet named.
        "media": (r"(?:ل|ب|و)?وسائل\s+(?:ال)?إعلام", r"(?:ال)?صحافة"),
    },
    attribution=(
        _V + r"بحسب",
        _V + r"حسب",
        _V + r"وفقا(?=\s+ل)",
        _V + r"وفقًا(?=\s+ل)",
        _V + r"وفق",
        r"نقلا\s+عن",
        r"نقلاً\s+عن",
        # "نقلت وكالة … عن X": an outlet relaying X (at most six words between).
        _V + r"نقل(?:ت)?\s+(?:\S+\s+){1,6}?عن",
        r"استنادا\s+إلى",
        r"طبقا(?=\s+ل)",
        # "as X put it" (the pronoun form "على حد قوله" is an anaphor).
        r"على\s+حد\s+قول",
    ),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        r"(?:و)?جاء\s+ذلك",
        r"(?:و)?(?:ذلك|هذا)\s+(?:بحسب|وفقا|حسب)",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "هو",
        "هي",
        "هم",
        "الوكالة",
        "الوزارة",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        r"بحسب\s+قوله",
        r"على\s+حد\s+قوله",
        r"وفقا\s+له",
    ),
    asides=(
        "من جهتها",
        "من جهته",
        "من جانبها",
        "من جانبه",
        "بدورها",
        "بدوره",
        "أيضا",
        "أيضاً",
    ),
    say_verbs=(
        _V + r"قال(?:ت)?",
        _V + r"أعلن(?:ت)?",
        _V + r"أكد(?:ت)?",
        _V + r"ذكر(?:ت)?",
        _V + r"أفاد(?:ت)?",
        _V + r"كشف(?:ت)?",
        # "أظهرت بيانات البنتاغون": the owner of the data shows the figure.
        _V + r"أظهر(?:ت)?",
        _V + r"أشار(?:ت)?",
        _V + r"صرح(?:ت)?",
        _V + r"أوضح(?:ت)?",
        _V + r"(?:ي|ت)?قدر(?:ت)?",
        _V + r"ادعى",
        _V + r"نقلت",
        _V + r"أضاف(?:ت)?",
        _V + r"(?:ي|ت)شير",
        _V + r"(?:ي|ت)عتقد",
        _V + r"زعم(?:ت)?",
        # The verbal noun with its agent after it, as a verb has its subject: "بعد إعلان
        # الرئيس الأوكراني أن …", "تصريحات الوزير بأن …".
        _V + r"(?:ب|ل)?(?:إعلان|تصريحات?|تأكيدات?)(?=\s)",
        # The present of verbs of saying: "وتفيد تقديرات …", "يقول المسؤولون".
        _V + r"(?:ي|ت)(?:فيد|قول|ؤكد|كشف|وضح|رجح)(?:ون)?",
    ),
    # Dates, sentence splitting and language guess.
    months=(
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "إبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين",
    ),
    abbreviations=(),
    stop_words=(
        "في",
        "من",
        "إلى",
        "على",
        "أن",
        "التي",
        "الذي",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "كان",
        "قد",
    ),
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=("جندي", "جنود", "عسكري", "قوات", "جيش", "الجيش"),
    civilian_words=("يعمل", "عمال", "عامل", "مدني", "طلاب", "سياح"),
    percent_words=(r"في\s+المائة", r"في\s+المئة", "بالمئة", "بالمائة"),
    increase_verbs=(r"زياد\w*", r"رفع\w*", r"يرفع\w*", r"تعزيز"),
    estimate_words=(_P + r"تقدير\w*", _V + r"(?:ي|ت)?قدر"),
    loss_words=(_P + r"خسائر", _V + r"خسر(?:ت)?"),
    casualty_nouns=(_P + r"ضحايا", _P + r"خسائر"),
    whole_force_nouns=(
        _P + r"جيش",
        _P + r"قوات\s+(?:ال)?مسلحة",
        _P + r"قوات\s+(?:ال)?خاصة",
        _P + r"فيلق",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        r"(?:ال)?احتياط\w*",
        r"(?:ال)?قوات\s+الجوية",
        r"سلاح\s+الجو",
        "(?:ال)?بحرية",
        r"شبه\s+(?:ال)?عسكري\w*",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=(
        "منهم",
        r"من\s+بينهم",
    ),
    including=(r"بما\s+في\s+ذلك", r"بينهم", r"منهم", r"من\s+بينهم"),
    together=("معا", "مجتمعين", r"إجمالا"),
    # An earlier or other estimate of the same measure follows (CLAIMS.md §6).
    compared=(
        r"مقارنة\s+(?:ب|مع)",
        r"مقابل",
        r"(?:بدلا|بدلاً)\s+من",
    ),
    contrast=("بينما", "لكن", "ولكن", "فيما"),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        "لدعم",
        "دعم",
        "لمساعدة",
        "مساعدة",
        "جانب",
        "ضد",
        "لصد",
        "لمواجهة",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=("بالفعل",),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=(
        "الذي",
        "التي",
        "أن",
    ),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=("و",),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=(
        "النائب",
        "نائب",
        "المشرّ?ع",
        "مشرّ?ع",
    ),
    countries=(
        r"روسيا",
        r"أوكرانيا",
        r"موسكو",
        r"كييف",
        r"الولايات\s+المتحدة",
        r"كوريا\s+الجنوبية",
        r"سيول",
    ),
    institutions=(
        _P + r"استخبارات",
        _P + r"مخابرات",
        _P + r"حكومة",
        _P + r"وزارة",
        _P + r"رئيس",
        _P + r"مسؤول(?:ون|ين)?",
        _P + r"مصادر",
        _P + r"وكالة",
        _P + r"هيئة\s+(?:ال)?أركان",
        _P + r"نائب",
        _P + r"برلمان\w*",
        _P + r"متحدث",
    ),
    # Dual forms that are not also plurals (عسكريين, مقاتلين are both, so they are left out).
    dual_people=(r"[وف]?(?:ال)?(?:جندي|ضابط|أسير)(?:ين|ان)",),
    present_sending=("ترسل", "يرسل"),
    plural_pronouns=("هم", "هؤلاء"),
    since_words=("منذ",),
)
