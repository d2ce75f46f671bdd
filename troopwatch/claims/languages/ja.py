"""Japanese words for the claim extractor (regex fragments; see ``base.LanguageData``)."""

from troopwatch.claims.languages.base import LanguageData

LANGUAGE = LanguageData(
    code="ja",
    name="Japanese",
    script="cjk",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        "一": (1, "u"),
        "二": (2, "u"),
        "三": (3, "u"),
        "四": (4, "u"),
        "五": (5, "u"),
        "六": (6, "u"),
        "七": (7, "u"),
        "八": (8, "u"),
        "九": (9, "u"),
        "十": (10, "h"),
    },
    number_morphemes=(),
    number_phrases=(),
    number_connector="",
    scale_words=(
        ("十", 10),
        ("百", 100),
        ("千", 1000),
        ("万", 10_000),
        ("億", 100_000_000),
    ),
    vague_numbers=(),
    vague_tokens=(),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=("から",),
    range_and=("と",),
    range_from=(),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"(?:1回|一回)(?:あたり|につき)",
        # A proportion: "5人に1人".
        r"人に(?:1|一)人",
        "1日(?:あたり|に|平均)",
        "毎日",
        "一日(?:あたり|に|平均)",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        "北朝鮮",
        "朝鮮民主主義人民共和国",
        "朝鮮人民軍",
        "金正恩",
        "平壌",
        "北の兵",
        "北側",
        "朝鮮中央通信",
        "労働新聞",
    ),
    other_owners=(
        "米国人",
        "アメリカ人",
        "韓国人",
        "ロシア人",
        "ウクライナ人",
        "中国軍(?![艦機用事])",
        "中国兵",
        "ロシア軍(?![艦機用事])",  # not a warship, plane, military use or affairs
        "ロシア兵",
        "ロシア側",
        "ロシアの",
        "ロシアは",
        "ロシアが",
        "ウクライナ軍(?![艦機用事])",
        "ウクライナ兵",
        "ウクライナの",
        "ウクライナは",
        "ウクライナが",
        "韓国軍",
        "米軍",
        "自衛隊",
        "米陸軍",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    units_first=(),
    units=(
        ("特殊部隊|特殊作戦部隊|精鋭部隊|特殊作戦軍|暴風軍団", "special forces", "mil"),
        ("北朝鮮の兵士|北朝鮮の軍人", "soldiers", "nk"),
        ("北朝鮮兵|北朝鮮軍|北朝鮮部隊", "troops", "nk"),
        (
            "砲兵|(?:ドローン|無人機)(?:の)?(?:操縦士|操縦要員|運用要員|操作員|要員)|狙撃兵|衛生兵|通信兵",
            "personnel",
            "mil",
        ),
        ("兵士|兵員|将兵|軍人|兵(?![器庫站力員士])", "soldiers", "mil"),
        ("部隊|兵力|軍勢|地上部隊|派遣部隊|戦闘員", "troops", "mil"),
        ("地雷除去(?:の工兵|要員|部隊)?", "deminers", "mil"),
        ("軍の建設要員|建設要員|建設部隊", "builders", "mil"),
        ("工兵", "engineers", "mil"),
        ("将校|士官|将官|指揮官", "officers", "mil"),
        ("死傷者|死者|戦死者|負傷者|捕虜", "casualty", "mil"),
        ("予備役|予備兵", "reservists", "mil"),
        ("労働者|作業員|建設労働者", "workers", "civ"),
        ("人(?![口民権質道間物類材員気])|名(?![前称誉所])", "personnel", "count"),
    ),
    non_people=(
        (
            "発|砲弾|ミサイル|トン|ドル|円|年|か月|カ月|ヶ月|日(?![本])|時間|キロ|ヘクタール|メートル|ミリ|平方|%|パーセント|倍|回|基|両|台|隻|住民|人口",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        "派遣",
        "派兵",
        "配置",
        "配備",
        "展開",
        "到着",
        "訓練",
        "駐留",
        "投入",
        "移動",
        "参戦",
        "送り込",
        "送った",
        "送っ",
        "戦闘",
        "参加",
        "合流",
        # The front as a place the verb after it goes to ("前線に向かう") is no predicate.
        "前線(?![にへ])",
        "戦地(?![にへ])",
        "増派",
        "移送",
        "集結",
        "加わ",
    ),
    planned=(
        # A request or proposal of a dispatch is a plan.
        r"(?:派遣|派兵|増派|投入)\s?(?:を|の)?\s?(?:要請|要求|提案|打診)",
        # The non-past is not done yet, with とみられる too ("派遣するとみられる": is expected
        # to send); the past (派遣したとみられる) and the progressive (されている) are not here.
        "(?:派遣|派兵|増派|投入|配置|配備|展開|移送)(?:する|される)",
        "(?:派遣|派兵|増派|投入)(?:を|の)?(?:準備|計画|検討|予定|見通し)",
        "(?:派遣|派兵|増派|投入|送)(?:する|る)(?:見通し|予定|計画|方針|構え)",
        # "間もなくクルスクに到着する": soon to arrive (the adverb stands before the verb).
        "(?:間もなく|まもなく|近く)[^、。]{0,16}?(?:到着|派遣|投入|合流)",
        "送り込む",
        # The non-past of heading somewhere: "まず2000人がクルスク州に向かう".
        "向かう(?!と)",
        "向かっている",
        "送る",
        "予定",
        "計画",
        "方針",
        "見通し",
        "可能性",
        "見込み",
        "検討",
        "決定",
        "決め",
        # "派遣することにした": decided to send.
        "(?:派遣|派兵|増派|投入|送)(?:する|る)ことに(?:した|なった|決めた)",
        # "12月には…に達するとの見方", "…に上る見通し" (expected to reach) are plans;
        # "…に上るとの見方" (the view that it amounts to) estimates what is there already.
        "(?:に達する|に上る|になる)(?:との)?見通し",
        "(?:に達する|になる)との見方",
        "構え",
        "恐れ",
        "おそれ",
        "準備",
        "に上る可能性",
        "に増える",
        "増加する",
        "年末までに",
        "年内に",
    ),
    casualties=(
        "死傷者",
        "死傷",
        "損害",
        "損失",
        "死亡または負傷",
        "死傷した",
    ),
    killed=(
        # Bodies are the dead.
        r"遺体",
        "死亡",
        "戦死",
        "死者",
        "殺害",
        "死んだ",
        "命を落と",
        "殺さ",
    ),
    wounded=(
        # Serious and light wounds.
        r"重傷",
        r"軽傷",
        # In hospital: wounded.
        r"入院",
        r"病院で治療",
        r"搬送",
        "負傷",
        "負傷者",
        "けが",
        "怪我",
        "重軽傷",
    ),
    captured=(
        "捕虜(?:と|に)なった",
        "捕虜",
        "拘束",
        "捕らえ",
        "捕獲",
        "投降",
    ),
    force_size=(
        "総兵力",
        "常備軍",
        "予備役",
        "世界最大",
        "保有",
        "の兵力は",
        "兵力は",
        "(?<!派遣)規模は",
    ),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        "するよう",  # "派遣するよう指示": ordered to send
        "するとの確約",  # a pledge to send
        "予定",
        "計画",
        "方針",
        "見通し",
        "見込み",
        "ことに",
        "方向",
        "する見込み",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        "approx": (
            "約",
            "およそ",
            "推定",
            "ざっと",
            "概ね",
            "おおよそ",
        ),
        "at_least": (
            "少なくとも",
            "最低",
            "最低でも",
        ),
        "up_to": (
            "最大",
            "最大で",
            "多くて",
            "多ければ",
        ),
        "nearly": (
            "近くの",
            "ほぼ",
        ),
        "more_than": ("超",),
    },
    qualifiers_after={
        "approx": (
            "程度",
            "ほど",
            "前後",
            "規模",
            "ぐらい",
            "くらい",
        ),
        "at_least": ("以上",),
        "more_than": (
            "超",
            "を超える",
            "を超す",
            "超え",
            "余り",
            "あまり",
            "強",
        ),
        "nearly": (
            "近く",
            "近い",
            "弱",
            "に迫る",
            "に近い",
        ),
        "up_to": (
            "未満",
            "以下",
            "まで",
        ),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    deployed_formations=("暴風軍団", "第11軍団"),
    size_words=(
        # Composition of a formation.
        r"で構成",
        r"から成る",
        r"からなる",
        "人規模",
        "規模",
    ),
    generic_markers=("通常", "一般的に", "普通", "平均"),
    formation_nouns=("大隊", "旅団", "連隊", "師団", "中隊"),
    claimant_sides={
        "US": ("米国", "アメリカ", "米"),
        "South Korean": ("韓国",),
        "Ukrainian": ("ウクライナ",),
        "Russian": ("ロシア",),
        "Western": (r"欧米(?:諸国)?", r"西側(?:諸国)?"),
        "allied": ("同盟国",),
    },
    claimant_heads={
        "lawmaker": ("議員",),
        "intelligence": ("情報機関", "情報当局"),
        "sources": ("消息筋",),
        "estimates": ("推計", "評価"),
        "officials": ("当局者",),
        "governments": ("政府", "諸国"),
        "military": ("軍は", "軍が", "軍当局"),
        "media": ("メディア",),
    },
    # "…と推定されている", "…と伝えられている": estimated or told by nobody named.
    agentless=(
        r"と(?:推定|推計)されている",
        r"と伝えられている",
        r"と(?:言|い)われている",
    ),
    attribution=(
        "の発表によると",
        "によると",
        "によれば",
        "によりますと",
        "の発表によりますと",
        "の発表では",
        "の推計では",
        "の分析では",
        "の見方では",
        "は推計",
        "の調べでは",
        "の説明では",
        "の情報では",
        "が明らかにした",
        "が発表した",
    ),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        "これは",
        "この(?:数字|情報)は",
    ),
    # "ウクライナ軍筋が共同通信に明らかにした": the subject, whom it told, and the verb
    # alone ("と" would bring words of its own); "（CNNは…と報じた。）情報総局の推計として
    # いる": whose estimate the report gives.
    attribution_trailer=(
        r"^[^、。「」『』と]{2,40}?(?:が|は)、?(?:[0-9０-９]{1,2}日、?)?"
        r"(?:[^、。「」『』と]{1,30}?(?:に対し|に|へ)、?)?"
        r"(?:明らかにした|明かした|語った|話した|述べた|伝えた|証言した|打ち明けた|説明した)。?$",
        r"^[^、。「」『』と]{2,40}?の(?:推計|推定|分析|情報|見方|調べ|集計)"
        r"(?:としている|とした|だという|という)。?$",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "同氏は",
        "彼は",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        "それによりますと",
        "それによると",
        "これによると",
    ),
    attribution_adnominal=(
        r"(?:が|の)(?:発表した|公表した|公開した|明らかにした|推計した|推定した|報告した|"
        r"主張した|示した|認めた)",
    ),
    say_verbs=(
        # Posting on social media counts as stating: "SNSに投稿した".
        "投稿した",
        "投稿し",
        "と話した",
        "と語",
        "明らかにした",
        "明らかにし",
        "発表した",
        "発表し",
        "述べた",
        # "…と発言した": remarked (the speaker's words, not a written statement).
        "と発言",
        "述べ",
        "語った",
        "語り",
        # Confiding a figure states it ("…と打ち明けた").
        "打ち明け",
        "説明した",
        "推計した",
        "分析した",
        "報告した",
        "指摘した",
        "主張した",
        "伝えた",
        "報じた",
        "推定した",
        "見積も",
        "推計",
        "確認した",
        "強調した",
        "示した",
        "とした",
        "としている",
        "と述べ",
        "と明らかに",
        "と発表",
        "述べ",
        "明らかに",
        "発表",
        "警告",
        "報告",
        "分析",
        "推定",
        "主張",
        "説明",
        "指摘",
        "強調",
        "を示し",
        "伝え",
        "報じ",
        "語っ",
        "語り",
        "とみている",
        "とみて",
        "公表",
        "公開",
        "みています",
        "みている",
        "見ている",
        "見ています",
    ),
    # Dates, sentence splitting and language guess.
    months=(),
    abbreviations=(),
    stop_words=(),
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=(
        "部隊",
        "兵",
        "軍",
    ),
    civilian_words=(
        "働",
        "労働",
        "観光",
        "留学",
    ),
    percent_words=(
        "パーセント",
        "割",
    ),
    increase_verbs=(
        "増や",
        "増強",
    ),
    estimate_words=(
        "推定",
        "推計",
    ),
    loss_words=(
        "損失",
        "損害",
    ),
    casualty_nouns=(
        "死傷者",
        "死者",
        "損害",
        "損失",
    ),
    whole_force_nouns=(
        "特殊部隊",
        "特殊作戦部隊",
        "特殊作戦軍",
        "総兵力",
        "常備軍",
        "兵力",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        "予備役",
        "予備兵",
        "空軍",
        "海軍",
        "労農赤衛軍",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=("(?:この|その)?うち",),
    including=(),
    together=(),
    compared=(),
    contrast=(),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        "との(?:戦闘|交戦)",
        "と戦",
        "に対抗",
        "支援",
        "助け",
        "増援",
        # Alongside: "ロシア軍と共に戦う".
        "と(?:共|とも)に",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=("すでに",),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=(
        "という",
        "と",
    ),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=(
        "と",
        "、",
    ),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=("議員",),
    countries=(
        "日本は",
        "日本が",
        "韓国は",
        "韓国が",
    ),
    institutions=(
        "関係者",
        "当局",
        "政府",
        "情報機関",
        "報道官",
        "高官",
        "消息筋",
    ),
    attribution_after_claimant=True,
    verb_final=True,
)
