"""Chinese words (simplified and traditional) for the claim extractor (see ``base.LanguageData``).

Fragments are matched inside running text (no spaces between words), like Japanese;
digits with 万/萬/千 (1万1000, 1.5萬) are read by the shared CJK numeral grammar. Chinese
sentences are matched in simplified characters (troopwatch.claims.chinese), and every
fragment below gets its simplified form added, so a word written only in traditional
characters still matches.
"""

import dataclasses

from troopwatch.claims.chinese import to_simplified
from troopwatch.claims.languages.base import LanguageData

_NK = r"(?:北韩|北韓|朝鲜|朝鮮)?"
_MORE = r"(?:多|余|餘)?"
# Verbs of sending, for the planned cues that span "will … send".
_SEND = r"(?:派遣|派兵|派出|派往|增派|增兵|部署|投入|集结|集結|输送|輸送|派)"

_WRITTEN = LanguageData(
    code="zh",
    name="Chinese",
    script="cjk",
    # Numbers: words with (value, kind): u adds, h hundred, s scale, a article, f fraction, c connector.
    number_words={
        "一": (1, "u"),
        "二": (2, "u"),
        "两": (2, "u"),
        "兩": (2, "u"),
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
        ("萬", 10_000),
        ("亿", 100_000_000),
        ("億", 100_000_000),
    ),
    vague_numbers=(),
    vague_tokens=(),
    # Ranges: the word between two numbers ("10 to 12"), "and" after "between", and
    # "between"/"from" before the first number.
    range_to=(
        "至",
        "到",
    ),
    range_and=(
        "和",
        "与",
        "與",
    ),
    range_from=(),
    # Words that may follow a figure without a noun of its own ("sent 10,000 to Russia").
    after_figure_words=(),
    # Rates ("92 a day", "每天"): a figure per time span is no head count.
    rate_markers=(
        # The size of each batch or wave, not a figure sent (CLAIMS.md §2).
        r"每批|每轮|每一批",
        # A proportion: "每五名士兵中就有一人".
        r"中(?:就)?有(?:1|一)[人名]",
        "每天",
        "每日",
        "日均",
        "每周",
        "每週",
    ),
    # Scope: mentions that make personnel North Korean; owners that make them someone else's.
    nk_markers=(
        "朝鲜民主主义人民共和国",
        "朝鮮民主主義人民共和國",
        "北韩",
        "北韓",
        "朝鲜",
        "朝鮮",
        "平壤",
        # The short form of the North Korean army in news copy: "援俄朝军", "朝軍士兵".
        "朝军",
        "朝軍",
        "朝兵",
        "金正恩",
        "朝中社",
        "暴风军团",
        "暴風軍團",
    ),
    # An army noun before a ship, plane or industry (俄罗斯军舰, 俄军机) is no personnel.
    other_owners=(
        "美国人",
        "美國人",
        "俄罗斯人",
        "俄羅斯人",
        "乌克兰人",
        "烏克蘭人",
        "俄军(?![舰艦机機用事工])",
        "俄軍(?![舰艦机機用事工])",
        "俄罗斯军(?![舰艦机機用事工])",
        "俄羅斯軍(?![舰艦机機用事工])",
        "俄方",
        "俄罗斯士兵",
        "俄羅斯士兵",
        "乌军(?![舰艦机機用事工])",
        "烏軍(?![舰艦机機用事工])",
        "乌克兰军(?![舰艦机機用事工])",
        "烏克蘭軍(?![舰艦机機用事工])",
        "乌克兰士兵",
        "烏克蘭士兵",
        "美军(?![舰艦机機用事工])",
        "美軍(?![舰艦机機用事工])",
        "(?<!北)韩军(?![舰艦机機用事工])",
        "(?<!北)韓軍(?![舰艦机機用事工])",
        "南韩军(?![舰艦机機用事工])",
        "南韓軍(?![舰艦机機用事工])",
        "中国军(?![舰艦机機用事工])",
        "中國軍(?![舰艦机機用事工])",
    ),
    # What is counted: (fragment, unit, kind); kind mil | nk | civ | weak | count | block.
    # The counter 名 followed by its noun ("1万名士兵") comes before Japanese 名 alone.
    units_first=(
        (_MORE + "名" + _NK + r"(?:士兵|军人|軍人|官兵|兵员|兵員)", "soldiers", "mil"),
        (
            _MORE + "名" + _NK + r"(?:兵力|部队|部隊|军队|軍隊|军事人员|軍事人員|军人员)",
            "troops",
            "mil",
        ),
        (_MORE + "名" + _NK + r"(?:特种部队|特種部隊|精锐部队|精銳部隊)", "special forces", "mil"),
        (_MORE + "名" + _NK + r"(?:工兵|工程兵|建筑部队人员|建築部隊人員)", "engineers", "mil"),
        (_MORE + "名" + _NK + r"(?:高阶将领|高階將領|将领|將領|军官|軍官)", "officers", "mil"),
    ),
    units=(
        ("特种部队|特種部隊|精锐部队|精銳部隊|特种作战部队|特種作戰部隊", "special forces", "mil"),
        (
            "北韩兵|北韓兵|北韩军|北韓軍|朝鲜军|朝鮮軍|北韩部队|北韓部隊|朝鲜部队|朝鮮部隊",
            "troops",
            "nk",
        ),
        ("士兵|军人|軍人|官兵|兵员|兵員", "soldiers", "mil"),
        ("兵力|部队|軍隊|军队|部隊|军事人员|軍事人員", "troops", "mil"),
        ("工兵|工程兵|建筑部队人员|建築部隊人員|排雷人员|排雷人員", "engineers", "mil"),
        ("高阶将领|高階將領|将领|將領|军官|軍官|将军|將軍", "officers", "mil"),
        ("伤兵|傷兵|伤员|傷員|战俘|戰俘|俘虏|俘虜|死者|伤亡人员|傷亡人員", "casualty", "mil"),
        ("劳动者|勞動者|劳工|勞工|工人|建筑工人|建築工人", "workers", "civ"),
        ("人(?![口民员員类類质質])|名(?![字单單称稱义義])", "personnel", "count"),
    ),
    non_people=(
        (
            "枚|发|發|架|辆|輛|艘|门|門|个|個|吨|噸|美元|港元|亿美元|億美元|年|个月|個月|天|小时|小時|"
            "公里|毫米|公顷|公頃|平方|次|倍|批|轮|輪|波|貨櫃|货柜|集装箱|集裝箱|%|百分之",
            "",
            "block",
        ),
    ),
    # Predicates by category.
    deployed=(
        "出兵",
        "派驻",
        "派駐",
        "参与",
        "參與",
        "前往",
        "进驻",
        "進駐",
        "派遣",
        "派兵",
        "派出",
        "派往",
        "派赴",
        "派到",
        "增兵",
        "增派",
        "部署",
        "抵达",
        "抵達",
        "进入",
        "進入",
        "越过边境",
        "越過邊境",
        "输送",
        "輸送",
        "投入",
        "参战",
        "參戰",
        "受训",
        "受訓",
        "驻扎",
        "駐紮",
        "已经有",
        "已經有",
        "已有",
        "作战",
        "作戰",
    ),
    planned=(
        # Promises to send are plans.
        r"(?:承诺|承諾|答应|答應)[^，。,；]{0,10}?(?:派遣|派兵|派出|派往|增派|增兵|部署|投入|派)",
        # Considering, requesting, offering or agreeing to send is a plan.
        r"(?:考虑|考慮|要求|请求|請求|提议|提議|愿意|願意|同意|威胁|威脅)[^，。,；]{0,10}?(?:派遣|派兵|派出|派往|增派|增兵|部署|投入|派)",
        # After 已/已经 ("已将1万名士兵派往") 将 marks the object, not the future.
        r"(?:(?<!已)(?<!經)(?<!经)(?:将|將)|将会|將會|计划|計劃|計畫|准备|準備|打算|决定|決定|可能|预计|預計|拟|擬|即将|即將|预估|預估)"
        r"[^，。,；]{0,20}?" + _SEND,
        "预计|預計|预估|預估",
        "将集结|將集結",
        "计划中|計劃中|計畫中",
        # Getting troops ready: "正在准备1万名士兵".
        "准备",
        # On the way, not there yet: "正在前往俄罗斯的路上", "正赶赴前线", "途中".
        r"(?:正在|正)(?:前往|赶往|趕往|赶赴|趕赴|开赴|開赴)",
        r"(?:前往|赶往|趕往|开赴|開赴)[^，。,；]{0,12}?(?:的)?(?:路上|途中)",
    ),
    casualties=(
        "伤亡",
        "傷亡",
        "死伤",
        "死傷",
        "损失",
        "損失",
        "折损",
        "折損",
        "死亡或受伤",
        "死亡或受傷",
        "阵亡或受伤",
        "陣亡或受傷",
    ),
    killed=(
        # Bodies are the dead.
        r"尸体",
        r"屍體",
        r"遗体",
        r"遺體",
        "丧命",
        "喪命",
        "阵亡",
        # "牺牲" (gave their lives): the word official and state media use for the dead.
        "牺牲",
        "犧牲",
        "陣亡",
        "死亡",
        "丧生",
        "喪生",
        "战死",
        "戰死",
        "身亡",
        "击毙",
        "擊斃",
        "被打死",
        "被杀",
        "被殺",
        "死于",
        "死於",
    ),
    wounded=(
        # Active wounding: 打伤, 击伤, 炸伤.
        r"打伤",
        r"打傷",
        r"击伤",
        r"擊傷",
        r"炸伤",
        r"炸傷",
        # In hospital: wounded.
        r"住院",
        r"送医",
        r"送醫",
        r"就医",
        r"就醫",
        "受伤",
        "受傷",
        "负伤",
        "負傷",
        "伤兵",
        "傷兵",
        "伤员",
        "傷員",
    ),
    captured=(
        "俘虏",
        "俘虜",
        "俘获",
        "俘獲",
        "被俘",
        "抓获",
        "抓獲",
        "生擒",
        "投降",
        # Seized in battle ("掳获", "擄獲", "捕获").
        "掳获",
        "擄獲",
        "捕获",
        "捕獲",
    ),
    force_size=("总兵力", "總兵力", "常备军", "常備軍", "兵力规模", "兵力規模"),
    # Tense and modality: a sending predicate next to one of these is not yet done
    # (before the verb; after it in Korean and Japanese).
    future_markers=(
        # After 已/已经 ("已将1万名士兵派往") 将 marks the object, not the future.
        "(?<!已)(?<!經)(?<!经)将",
        "(?<!已)(?<!經)(?<!经)將",
        "将会",
        "將會",
        "可能",
        "计划",
        "計劃",
        "准备",
        "準備",
        "拟",
        "擬",
        "预计",
        "預計",
        "即将",
        "即將",
        "打算",
    ),
    # Qualifiers: hedge words before / after the number.
    qualifiers_before={
        "approx": ("约", "大约", "大約", "约有", "約有", "大概", "估计", "估計"),
        "at_least": ("至少", "最少", "不少于", "不少於", "起码", "起碼"),
        "up_to": ("多达", "多達", "最多", "高达", "高達"),
        "nearly": ("将近", "將近", "接近", "近(?<!附近)", "几乎", "幾乎"),
        "more_than": ("超过", "超過", "逾", "超出"),
    },
    qualifiers_after={
        "approx": ("左右", "上下"),
        "at_least": ("以上",),
        "more_than": ("多", "余", "餘"),
        "up_to": ("以下", "以内", "以內"),
    },
    # Claimants: attribution phrases (the claimant follows) and verbs of saying.
    # Joint claimants ("South Korean and Western intelligence"): the sides, by the
    # canonical English modifier, and the source nouns they qualify.
    deployed_formations=("暴风军团", "暴風軍團", "第11军", "第11軍"),
    size_words=(
        # Having N soldiers, before the formation named.
        r"拥有",
        r"擁有",
        # Composition of a formation.
        r"组成",
        r"組成",
        "规模",
        "規模",
    ),
    generic_markers=("通常", "一般来说", "一般來說", "一般有", "平均"),
    formation_nouns=(r"[一个個每](?:营|營|旅|团|團|师|師|连|連)",),
    agentless=(
        "据估计",
        "據估計",
        "据报道",
        "據報導",
        "據報道",
        # "有些报道称" (some reports say): no source named.
        "有(?:些|的)?(?:报道|報導|報道)(?:称|稱|指出)",
    ),
    claimant_sides={
        "US": ("美國", "美国"),
        "South Korean": ("南韓", "南韩", "韓國", "韩国"),
        "Ukrainian": ("烏克蘭", "乌克兰"),
        "Russian": ("俄罗斯", "俄羅斯"),
        "Western": (r"西方(?:國家|国家)?",),
        "allied": ("盟國", "盟国"),
    },
    claimant_heads={
        "lawmaker": (
            "议员",
            "議員",
        ),
        "intelligence": (r"情[報报](?:機構|机构|機關|机关|部門|部门)?",),
        "sources": ("消息人士", "消息來源", "消息来源"),
        "estimates": ("評估", "评估"),
        "officials": ("官員", "官员"),
        "governments": ("政府", "大国"),
        "military": ("軍方", "军方"),
        # "韩国媒体报道": a country's press, no one outlet named.
        "media": ("媒体", "媒體"),
    },
    attribution=("根据", "根據", "据", "據", "引述", "援引", "依据", "依據"),
    # A sentence opening with one of these names the claimant of the sentence before
    # ("Об этом сообщил X", "Про це заявив X", "Lo riferisce X").
    attribution_pointer=(
        "这一?(?:数字|消息|估计)",
        "這一?(?:數字|消息|估計)",
    ),
    # Words that point back to a claimant named before ("he", "the agency").
    anaphors=(
        "他",
        "她",
        "他们",
        "該機構",
        "该机构",
    ),
    # "According to him", "по его словам", "それによると": the previous claimant speaks.
    anaphor_markers=(
        "他表示",
        "他说",
        "他說",
        "她表示",
    ),
    attribution_adnominal=(r"(?:公布|發布|发布|估计|估計|披露|宣布|报告|報告|推估|承认|承認)的",),
    say_verbs=(
        # Confirming and pointing out state a figure too ("北约确认").
        r"确认",
        r"確認",
        r"指出",
        "説",
        "推测",
        "推測",
        "估计",
        "估計",
        "表示",
        "指出",
        "显示",
        "顯示",
        "透露",
        "宣布",
        "证实",
        "證實",
        "估计",
        "估計",
        "评估",
        "評估",
        "报道",
        "報導",
        "報道",
        "告诉",
        "告訴",
        "认为",
        "認為",
        "披露",
        "警告",
        "分析稱",
        "分析称",
        "说",
        "說",
        # "发表声明:" opens the statement the lines after it give.
        r"发表(?:了)?(?:声明|讲话)",
        r"發表(?:了)?(?:聲明|講話)",
        "称",
        "稱",
        "指",
    ),
    # Dates, sentence splitting and language guess.
    months=(),
    abbreviations=(),
    stop_words=(),
    # Sentence-level words: soldiers/civilians in view, percentages, increases, estimates,
    # losses, whole forces, parts and joint totals, contrast, other countries, institutions.
    military_words=("士兵", "军", "軍", "兵", "部队", "部隊"),
    civilian_words=(
        "打工",
        "劳动",
        "勞動",
        "劳工",
        "勞工",
        "工人",
        # Migrant workers (Taiwan's 移工, the mainland's 务工).
        "移工",
        "务工",
        "劳务",
        "游客",
        "遊客",
        "留学",
        "留學",
    ),
    percent_words=("百分之",),
    increase_verbs=("增加", "增至", "扩大", "擴大", "增派"),
    estimate_words=("估计", "估計", "评估", "評估", "推估", "预估", "預估"),
    loss_words=("损失", "損失", "折损", "折損"),
    casualty_nouns=("损失", "損失", "伤亡人数", "傷亡人數"),
    whole_force_nouns=(
        "总兵力",
        "總兵力",
        "常备军",
        "常備軍",
        "朝鲜人民军",
        "朝鮮人民軍",
        "正规军",
        "正規軍",
    ),
    # Whole services other than the deployed force: reservists, air force, navy,
    # paramilitaries. Their sizes are national totals, not claims (CLAIMS.md §2).
    whole_services=(
        "预备役",
        "預備役",
        "空军",
        "空軍",
        "海军",
        "海軍",
        "工农赤卫军",
        "工農赤衛軍",
    ),
    # "Of whom", "из них", "이 중": a part of the figure named before follows.
    partitive=("其中",),
    including=("其中", "包括", "包含"),
    together=("合计", "合計", "共同", "一起"),
    compared=(),
    contrast=("而", "但", "然而"),
    # The army helped or fought is not the owner: words before it ("to support", "against"),
    # or after it in Korean/Japanese/Chinese ("ロシア軍を支援").
    support_words=(
        "作战",
        "作戰",
        "交战",
        "交戰",
        "对抗",
        "對抗",
        "支援",
        "支持",
        "援助",
        "增援",
        # Alongside: "与俄军并肩作战", "和俄军一起".
        "并肩",
        "並肩",
        "一起",
        "一同",
    ),
    # Perfect/"already" markers: "could have sent" is done, not planned.
    perfect_markers=("已",),
    # Words opening a new clause ("that", "che", "что"): not one verb's objects.
    subordinators=("说",),
    # Conjunctions joining two figures ("1,000 sappers and 5,000 builders").
    conjunctions=(
        "和",
        "以及",
        "及",
        "与",
        "與",
        "、",
    ),
    # Lawmakers relaying the NIS (CLAIMS.md §5).
    lawmaker_words=(
        "议员",
        "議員",
    ),
    countries=(
        "俄罗斯",
        "俄羅斯",
        "乌克兰",
        "烏克蘭",
        "美国",
        "美國",
        "韩国",
        "韓國",
        "南韩",
        "南韓",
    ),
    institutions=("情报", "情報", "政府", "国防部", "國防部", "官员", "官員", "发言人", "發言人"),
)


def _with_simplified(lang: LanguageData) -> LanguageData:
    """Every word list with the simplified form of each entry after it."""
    changes = {}
    for field in dataclasses.fields(lang):
        value = getattr(lang, field.name)
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            changes[field.name] = tuple(
                dict.fromkeys(x for v in value for x in (v, to_simplified(v)))
            )
    return dataclasses.replace(lang, **changes)


LANGUAGE = _with_simplified(_WRITTEN)
