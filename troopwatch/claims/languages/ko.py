"""Korean words for the claim extractor (regex fragments; see ``base.LanguageData``)."""

from troopwatch.claims.languages.base import LanguageData

LANGUAGE = LanguageData(
    code="ko",
    name="Korean",
    script="hangul",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        "한": (1, "u"),
        "두": (2, "u"),
        "세": (3, "u"),
        "네": (4, "u"),
        "다섯": (5, "u"),
        "여섯": (6, "u"),
        "일곱": (7, "u"),
        "여덟": (8, "u"),
        "아홉": (9, "u"),
        "열": (10, "u"),
        "스무": (20, "u"),
    },
    number_morphemes=(),
    number_phrases=(),
    number_connector="",
    scale_words=(
        ("십", 10),
        ("백", 100),
        ("천", 1000),
        ("만", 10_000),
        ("억", 100_000_000),
    ),
    vague_numbers=(),
    vague_tokens=(),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=("에서",),
    range_and=(
        "와",
        "과",
    ),
    range_from=(),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"(?:회|차례|번)당",
        # A proportion: "5명 중 1명", "10명당 1명".
        r"명\s?(?:중|당)\s?(?:1|한)\s?명",
        r"하루\s?(?:에|평균)?",
        "매일",
        "일평균",
        # "per week" as a word of its own: not the end of "민주당" (the Democratic Party).
        r"(?<![가-힣])주당",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        "조선민주주의인민공화국",
        "북한",
        "북측",
        "북괴",
        "조선인민군",
        "인민군",
        "평양",
        "김정은",
        # Kim Jong Un by his title alone ("김 위원장", "김 총비서"), as Korean papers write him.
        r"김\s?(?:국무)?위원장",
        r"김\s?총비서",
        "조선중앙통신",
        "노동신문",
    ),
    other_owners=(
        "미국인",
        "러시아인",
        "우크라이나인",
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
        "국군",
        "자위대",
        "미 육군",
        "미군",
        "중국군",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    units_first=(),
    units=(
        (
            "특수작전군|특수작전부대|특수부대|특작부대|특수전 ?병력|폭풍군단|특수 ?병력|정예 ?병력",
            "special forces",
            "mil",
        ),
        ("북한 ?군인|북한 ?병사|북한 ?장병", "soldiers", "nk"),
        ("북한군|북한 ?병력|북측 ?병력|인민군", "troops", "nk"),
        ("병력|군병력|파병 ?인원|파병 ?규모|파병군|파견군|전투병|지상군|군대", "troops", "mil"),
        ("군인|장병|병사|사병|전투원", "soldiers", "mil"),
        ("지뢰 ?제거 ?(?:공병|병력|인력|요원)?", "deminers", "mil"),
        ("군사 ?건설 ?인력|군 ?건설 ?인력|건설 ?부대|건설병", "builders", "mil"),
        ("공병(?:부대)?", "engineers", "mil"),
        (
            "포병(?:대원|요원)?|(?:드론|무인기) ?(?:운용병|조종사|조종병|운용 ?요원|운용 ?인력|요원)|운용병|저격수|저격병|의무병|위생병|군의관|통신병",
            "personnel",
            "mil",
        ),
        ("장교|장성|지휘관", "officers", "mil"),
        ("사상자|사망자|전사자|부상자|포로", "casualty", "mil"),
        ("예비군|예비 ?병력", "reservists", "mil"),
        ("노동자|근로자|건설 ?인력|인력", "workers", "civ"),
        (
            "명(?![가-힣])|명[이을은의도에만과씩가]|명(?:으로|까지|보다|뿐)|명가량|명 ?규모|명 ?정도|명 ?수준|명 ?이상|명 ?넘|명 ?안팎|명 ?내외|명 ?남짓|명 ?미만",
            "personnel",
            "count",
        ),
    ),
    non_people=(
        (
            "발|포탄|미사일|톤|달러|원(?![가-힣])|억 ?원|년|개월|일(?![가-힣])|시간|킬로|km|헥타르|미터|밀리|mm|평방|퍼센트|%|배|차례|개|대|기|척|주민|탈북민|관광객|학생|어린이|가구|세대|인구",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        "(?<=[가-힣])行(?![가-힣])",
        "파병",
        "파견",
        "배치",
        "투입",
        "이동",
        "도착",
        "주둔",
        "훈련",
        "참전",
        "전투",
        "집결",
        "보냈",
        "보낸",
        "보내",
        "이송",
        "전개",
        "합류",
        "참여",
        "교전",
        "전선",
        "전장",
        "공격",
        "활동",
        "가담",
        "증파",
        "이동",
        "머물",
        "지원",
        "최전선",
        "돌격",
        "공세",
        "수송",
    ),
    planned=(
        # A possibility of a dispatch (not ruled out) is a plan.
        r"(?:파병|파견|배치|투입|증파)\s?(?:의\s?)?가능성",
        # A request or proposal of a dispatch is a plan.
        r"(?:파병|파견|배치|투입|증파)\s?(?:을|를)?\s?(?:요청|요구|제안|타진)",
        "(?:파병|파견|배치|투입|증파|이동|배치|보내|지원)(?:하기로|키로|할|될|하는 방안|하려)",
        r"(?:파병|파견|배치|투입|증파)\s?(?:을|를)?\s?(?:준비|계획|검토|추진|예정)",
        # "곧 쿠르스크에 도착할": soon to arrive (the adverb stands before the verb).
        "(?<![가-힣])곧(?!바로|장)\\s?[^,.]{0,16}?(?:도착|파견|투입|합류)",
        "보낼",
        # The present adnominal of an active sending verb names a dispatch not yet done
        # ("5000명을 파견하는 것은", "보내는 결정"): done is 파견한/파견된, ongoing 파견하고 있는.
        "(?:파병|파견|투입|증파)하는|보내는",
        "예정",
        "계획",
        "방침",
        "전망",
        "가능성",
        "할 것",
        "될 것",
        "낼 것",
        "할 수",
        "될 수",
        "낼 수",
        "하기로",
        "보내기로",
        "파견하기로",
        "늘어날",
        "늘릴",
        "확대할",
        "추가 파병할",
        "추가로 파병할",
        "추가 파견할",
        "보낼",
        "파병할",
        "파견할",
        "투입할",
        "배치할",
        "증파할",
        "예상",
        "관측",
        "결정",
        "준비",
        "검토",
        "이를 수",
        "달할 수",
        # "…명을 넘어설 수 있다" (could exceed): not yet on the ground.
        r"(?:넘어설|넘어갈|넘을|웃돌|상회할)\s?수",
        "늘 수",
        "연말까지",
        "연내",
    ),
    casualties=(
        # Died or were wounded, in the past tense too.
        r"(?:죽|사망하|숨지)거나\s?(?:다치|다쳤|부상)",
        "사상자",
        "사상",
        "인명 피해",
        "인명피해",
        "손실",
        "사망하거나 부상",
        "죽거나 다친",
        "사망 또는 부상",
        "전투 불능",
    ),
    killed=(
        # Bodies are the dead.
        r"시신",
        r"유해",
        "사망",
        "전사",
        "숨진",
        "숨졌",
        "숨지",
        "죽었",
        "죽은",
        "희생",
        "사살",
        "사망자",
        "전사자",
        "목숨을 잃",
    ),
    wounded=(
        # Serious and light wounds.
        r"중상",
        r"경상",
        # In hospital: wounded.
        r"입원",
        r"병원(?:에서|으로)\s?(?:치료|후송|이송)",
        r"후송",
        "부상",
        "다친",
        "다쳤",
        "부상자",
    ),
    captured=(
        # Caught alive.
        r"사로잡",
        "포로로 잡(?:힌|혀|힌 뒤)",
        "포로가 된",
        "포로",
        "생포",
        "붙잡",
        "억류",
        "투항",
    ),
    force_size=(
        "상비군",
        "총병력",
        "정규군",
        "예비군",
        "예비 병력",
        "세계 최대",
        "규모를 자랑",
        "보유",
        "(?<!파병 )(?<!파견 )규모는",
    ),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        "겠",  # volitional future: "투입하겠다고 밝힌 6000명"
        "하도록",  # "파견하도록 지시": ordered to send
        "예정",
        "계획",
        "방침",
        "전망",
        "할 것",
        "될 것",
        "될 수",
        "할 수",
        "하기로",
        "키로",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        "approx": (
            "약",
            "대략",
            "어림잡아",
            "추산",
        ),
        "at_least": (
            "최소",
            "최소한",
            "적어도",
        ),
        "up_to": (
            "최대",
            "많게는",
        ),
        "nearly": (
            "거의",
            "(?<![가-힣])근",
        ),
        "more_than": (
            "을 넘는",
            "이 넘는",
        ),
    },
    qualifiers_after={
        "approx": (
            "가량",
            "정도",
            "쯤",
            "안팎",
            "내외",
            "선",
        ),
        "at_least": ("이상",),
        "more_than": (
            "넘는",
            "넘게",
            "넘어",
            "넘었",
            "넘을",
            "넘은",
            "초과",
            "남짓",
        ),
        "nearly": (
            "에 육박",
            "에 근접",
            "에 가까운",
            "에 가깝",
        ),
        "up_to": (
            "미만",
            "이하",
            "까지",
        ),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    deployed_formations=("폭풍군단", "제11군단", "11군단"),
    size_words=(
        # Composition of a formation.
        r"구성",
        r"병력\s?규모",
        "규모",
    ),
    generic_markers=("보통", "일반적으로", "통상", "평균"),
    formation_nouns=("대대", "여단", "연대", "사단", "중대"),
    claimant_sides={
        "US": ("미국",),
        "South Korean": ("한국", "남한", "우리"),
        "Ukrainian": ("우크라이나",),
        "Russian": ("러시아",),
        "Western": ("서방",),
        "allied": ("동맹국",),
    },
    claimant_heads={
        "lawmaker": (
            "국회의원",
            "의원",
        ),
        "intelligence": (r"정보\s?(?:당국|기관)",),
        "sources": ("소식통",),
        "estimates": ("추정", "평가"),
        "officials": (r"(?:관리|당국자)들?",),
        "governments": ("정부", "국가들"),
        "military": ("군 당국", "군당국", "군은", "군이"),
        "media": ("언론", "매체"),
    },
    # "…라는 관측도 나온다": an observation or forecast heard, nobody named.
    agentless=(
        r"(?:예측|관측|전망|분석|지적|평가|주장|목소리|얘기)(?:도|이|가)\s?(?:나온다|나왔다|나오고|나와|제기)",
    ),
    attribution=(
        "에 따르면",
        "에 의하면",
        "에 따라",
    ),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        "이는",
        r"이\s?같은\s?(?:내용|사실)은",
    ),
    # "…라며 이같이 전했다", "…에서 이 같은 내용을 밝혔다": "thus", "this" stand for what
    # the sentences before said.
    attribution_trailer=(
        r"이\s?같이\s(?:밝혔|전했|말했|설명했|주장했|덧붙였|강조했|보고했|발표했|분석했)",
        r"이\s?같은\s?(?:내용|사실|입장|분석|평가)을\s(?:밝혔|전했|공개했|설명했|발표했|보고했)",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "그는",
        "그녀는",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        r"이에\s*따르면",
        r"그에\s*따르면",
    ),
    attribution_adnominal=(
        # An adverbial may stand between the subject and its verb ("북한이 수여식에서 공개한").
        r"(?:이|가)(?:\s[^\s.\"“”]{1,12}){0,4}?\s?(?:밝힌|발표한|공개한|추산한|집계한|보고한|주장한|파악한|추정한|제시한|"
        r"언급한|공식\s?발표한|인정한)",
    ),
    say_verbs=(
        "분석하",
        "판단하",
        "판단했",
        "고 한다",
        "고 합니다",
        "적었",
        # "…라고 했다", "…고 했습니다": said; "글을 올려": posted.
        "고 했",
        "글을 올려",
        "경고",
        "주장",
        "전하며",
        "공개",
        "밝혔",
        "말했",
        "전했",
        "보고했",
        "추정했",
        "추정하",
        "파악했",
        "파악하",
        "설명했",
        "분석했",
        "발표했",
        "주장했",
        "강조했",
        "확인했",
        "언급했",
        "알렸",
        "보도했",
        "추산했",
        "평가했",
        "내다봤",
        "예상했",
        "관측했",
        "공개했",
        "보고",
        "밝힌",
        "추정",
        "브리핑",
        # "언급하기도 했다", "밝히기도 했다": also said (the verb before 기도 했다).
        r"(?:언급하|말하|밝히|주장하|설명하|강조하|평가하|분석하|추정하|지적하|발표하|전하)"
        r"기도\s?(?:했|하였|한다|합니다)",
    ),
    # Dates, sentence splitting and language guess.
    months=(),
    abbreviations=(),
    stop_words=(),
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=(
        "(?<![가-힣])군",
        "병",
    ),
    civilian_words=(
        "일하",
        "근무",
        "노동",
        "근로",
        "관광",
        "유학",
    ),
    percent_words=("퍼센트",),
    increase_verbs=(
        "늘리",
        "늘릴",
        "확대",
    ),
    estimate_words=(
        "추정",
        "추산",
    ),
    loss_words=("손실",),
    casualty_nouns=(
        "사상자",
        "사망자",
        "손실",
    ),
    whole_force_nouns=(
        "특수작전군",
        "특수부대",
        "특작부대",
        "총병력",
        "상비군",
        "정규군",
        "인민군",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        "예비군",
        r"예비\s?병력",
        "공군",
        "해군",
        "노농적위군",
        "적위대",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=(r"(?:이|그)\s?(?:중|가운데)(?:에서|에는)?",),
    including=(),
    together=(),
    compared=(),
    contrast=(),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        r"[과와]의\s?(?:전투|교전)",
        r"[과와]\s?싸",
        r"에\s?맞서",
        r"[을를]\s?상대로",
        "지원",
        "돕",
        # Alongside: "러시아군과 함께 싸우며".
        r"[과와]\s?함께",
        "도와",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=("이미",),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=(
        "라고",
        "다고",
    ),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=(
        "와",
        "과",
        "및",
    ),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=("의원",),
    countries=(
        "한국은",
        "한국이",
        r"우리\s?정부는",
    ),
    institutions=(
        "관계자",
        "당국",
        "정부",
        "정보기관",
        "대변인",
        "소식통",
        "고위",
    ),
    attribution_after_claimant=True,
    verb_final=True,
)
