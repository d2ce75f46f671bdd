"""Claimants of Japanese, Korean, Chinese and Arabic constructions (sentences written for
these tests, not taken from the evaluation sets)."""

from __future__ import annotations

import pytest

from troopwatch.claims import extract_claims
from troopwatch.claims.evaluate import claimant_identity


def _claimants(text: str, lang: str) -> dict[int | None, str]:
    return {c.figure_low: claimant_identity(c.source, lang) for c in extract_claims(text)}


def _want(name: str) -> str:
    return claimant_identity(name, "en")


@pytest.mark.parametrize(
    ("text", "lang", "figure", "source"),
    [
        # A closing sentence names who disclosed the report before it, the words left out.
        (
            "【ソウル共同】ロシアに派遣された北朝鮮兵のうち約300人が戦死したことが10日、"
            "分かった。負傷者の多くは後方の病院に移送された。"
            "ウクライナ国防省情報総局が共同通信に明らかにした。",
            "ja",
            300,
            "Ukraine military intelligence (HUR)",
        ),
        # "…の推計としている": the report relays whose estimate it is.
        (
            "英BBC放送は5日、クルスク州で北朝鮮兵約400人が死亡したと報じた。"
            "韓国国家情報院の推計としている。",
            "ja",
            400,
            "South Korea NIS",
        ),
        # "…라며 이같이 전했다": a lawmaker relays the briefing quoted before.
        (
            "“북한군 약 3000명이 추가로 러시아에 도착한 것으로 보인다.” 국회 정보위원회 "
            "소속 의원이 국가정보원 보고를 토대로 이같이 전했다.",
            "ko",
            3000,
            "South Korea NIS",
        ),
        (
            "쿠르스크에서 북한군 사상자가 4000명을 넘어섰다. 우크라이나 국방정보국은 5일 "
            "이 같은 내용을 밝혔다.",
            "ko",
            4000,
            "Ukraine military intelligence (HUR)",
        ),
    ],
)
def test_trailer_names_the_source_before(text: str, lang: str, figure: int, source: str) -> None:
    assert _claimants(text, lang)[figure] == _want(source)


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # "X를 인용해": the outlet relays X, who is the source.
        (
            "미국 CNN 방송은 한국 국가정보원을 인용해 북한군 약 1500명이 추가로 러시아에 "
            "파견됐다고 보도했다.",
            1500,
            "South Korea NIS",
        ),
        (
            "미국 뉴욕타임스는 미국 정보당국자들을 인용해 북한군 약 1200명이 숨졌다고 보도했다.",
            1200,
            "US intelligence officials",
        ),
        # "…는 평가가 X로부터 나왔다": the assessment came from X.
        (
            "북한군 사망자가 500명에 이른다는 평가가 우크라이나 국방정보국으로부터 나왔다.",
            500,
            "Ukraine military intelligence (HUR)",
        ),
        # "X 측이 밝혔다": a country's side, as the subject of the verb of saying.
        (
            "북한군 약 2000명이 쿠르스크에 새로 배치됐다고 우크라이나 측이 9일 밝혔다.",
            2000,
            "Ukrainian government",
        ),
    ],
)
def test_korean_relayed_and_side_subject(text: str, figure: int, source: str) -> None:
    assert _claimants(text, "ko")[figure] == _want(source)


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # A passive verb of estimating ("추정되는") has no speaker: its topic is what is
        # counted, not who counts.
        ("북한군 사상자 규모는 3000명 이상으로 추정되는 것으로 알려졌다.", 3000, "unattributed"),
        # "…라는 관측도 나온다": an observation heard, nobody named; not the source before.
        (
            "국정원에 따르면 북한군 약 1만1000명이 러시아에 파병됐다. 파병 규모가 앞으로 "
            "2만명까지 늘어날 것이라는 관측도 나온다.",
            20000,
            "unattributed",
        ),
        (
            "국정원에 따르면 북한군 약 1만1000명이 러시아에 파병됐다. 파병 규모가 앞으로 "
            "2만명까지 늘어날 것이라는 관측도 나온다.",
            11000,
            "South Korea NIS",
        ),
    ],
)
def test_korean_agentless(text: str, figure: int, source: str) -> None:
    assert _claimants(text, "ko")[figure] == _want(source)


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # The intelligence noun, "national", then the country: "المخابرات الوطنية الكورية
        # الجنوبية" is the NIS, first in a verb-first sentence.
        (
            "تقدر المخابرات الوطنية الكورية الجنوبية أن نحو 4 آلاف جندي كوري شمالي قتلوا "
            "أو أصيبوا في كورسك.",
            4000,
            "South Korea NIS",
        ),
        # "secret services" of two sides, one of them "the Western countries".
        (
            "وقالت الخدمات السرية في الولايات المتحدة والدول الغربية إن كوريا الشمالية "
            "أرسلت نحو 8 آلاف جندي إلى روسيا.",
            8000,
            "US and Western intelligence",
        ),
        # An unnamed lawmaker relaying what the intelligence service told him (CLAIMS.md §5).
        (
            "وقال النائب الكوري الجنوبي للصحافيين إن جهاز الاستخبارات أبلغ اللجنة بمقتل نحو "
            "500 جندي كوري شمالي.",
            500,
            "South Korea NIS",
        ),
        (
            "ونقل مشرع كوري جنوبي عن معلومات من وكالة التجسس في سيول أن نحو 700 جندي "
            "كوري شمالي أصيبوا.",
            700,
            "South Korea NIS",
        ),
    ],
)
def test_arabic_intelligence_and_lawmaker(text: str, figure: int, source: str) -> None:
    assert _claimants(text, "ar")[figure] == _want(source)


def test_pronoun_speaker_after_a_quotation_is_its_speaker() -> None:
    # "他说" after a quotation of several sentences: the person named before it speaks.
    text = (
        "泽连斯基在记者会上说:「朝鲜士兵在前线伤亡惨重。俄罗斯并不关心他们的生死。」"
        "他说,乌克兰军队已经俘虏了两名朝鲜士兵。"
    )
    assert _claimants(text, "zh")[2] == _want("Zelensky")


def test_statement_introduced_by_a_colon_names_its_items() -> None:
    # A lead-in ending in a colon ("X发表声明:") states the numbered items after it.
    text = (
        "乌克兰国防部情报总局局长布达诺夫在电视讲话中发表声明:\n"
        "1.朝鲜将向俄罗斯增派3000名士兵。\n"
        "2.另有2000名朝鲜工兵已经抵达库尔斯克。"
    )
    got = _claimants(text, "zh")
    assert got[3000] == _want("Budanov")
    assert got[2000] == _want("Budanov")


@pytest.mark.parametrize(
    ("text", "lang", "figure", "source"),
    [
        ("韩国媒体此前报道,朝鲜已向俄罗斯派遣约3000名士兵。", "zh", 3000, "South Korean media"),
        (
            "وذكرت وسائل الإعلام الأوكرانية أن نحو 3 آلاف جندي كوري شمالي وصلوا إلى كورسك.",
            "ar",
            3000,
            "Ukrainian media",
        ),
    ],
)
def test_a_countrys_media_as_the_source(text: str, lang: str, figure: int, source: str) -> None:
    assert _claimants(text, lang)[figure] == _want(source)


def test_a_countrys_media_citing_someone_only_relays() -> None:
    # The press relays the official it cites: it is no claimant of its own.
    text = "韩国媒体引用一名政府高级官员的话报道,约有60名朝鲜士兵在库尔斯克阵亡。"
    assert _claimants(text, "zh")[60] != _want("South Korean media")


def test_japanese_confided_is_a_verb_of_saying() -> None:
    text = (
        "ウクライナ国防省情報総局のブダノフ局長は、米紙のインタビューで「北朝鮮兵約1500人が"
        "新たにクルスク州に到着した」と打ち明けた。"
    )
    assert _claimants(text, "ja")[1500] == _want("Budanov")


def test_japanese_agentless_passive_estimate() -> None:
    # "…と推定されている": estimated by nobody named, not the speaker before.
    text = (
        "ウクライナ特殊作戦軍は、北朝鮮兵30人が死亡したと発表した。"
        "ほかの戦線を含めると、北朝鮮軍の死傷者は500人を超えると推定されている。"
    )
    got = _claimants(text, "ja")
    assert got[30] == _want("Ukrainian Special Operations Forces")
    assert got[500] == "unattributed"


def test_arabic_verb_first_attribution_opens_only_its_clause() -> None:
    # "…، وقالت كييف إن …": Kyiv says the second figure, not the first stated as fact.
    text = (
        "ونشرت كوريا الشمالية نحو 12 ألف جندي في منطقة كورسك العام الماضي، وقالت كييف إن "
        "نحو 4 آلاف جندي كوري شمالي قتلوا أو أصيبوا."
    )
    got = _claimants(text, "ar")
    assert got[12000] == "unattributed"
    assert got[4000] == _want("Ukrainian government")


@pytest.mark.parametrize(
    ("text", "lang", "figure", "source"),
    [
        # "X 역시/또한" (X too) stands where the topic particle would.
        (
            "존 커비 백악관 대변인 역시 북한군 약 3000명이 러시아 동부에서 훈련 중이라고 "
            "밝혔습니다.",
            "ko",
            3000,
            "John Kirby",
        ),
        # "…하기도 했다": also said.
        (
            "젤렌스키 대통령은 북한군 1만1000명이 쿠르스크 전선에 배치됐다고 밝히기도 했다.",
            "ko",
            11000,
            "Zelensky",
        ),
        # A katakana surname with an honorific as the topic, and "と発言した".
        (
            "カービー氏は記者団に「北朝鮮兵少なくとも3000人がロシア東部で訓練を受けている」と発言した。",
            "ja",
            3000,
            "John Kirby",
        ),
    ],
)
def test_speaker_forms(text: str, lang: str, figure: int, source: str) -> None:
    assert _claimants(text, lang).get(figure) == _want(source)


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # The verbal noun of announcing, with its agent after it.
        (
            "جاء ذلك بعد ساعات من تصريحات وزير الدفاع الأمريكي لويد أوستن بأن 2000 جندي "
            "كوري شمالي أصيبوا في المعارك.",
            2000,
            "Lloyd Austin",
        ),
        # The present of a verb of saying, and intelligence "in Seoul".
        (
            "وتفيد تقديرات الاستخبارات في سيول بأن نحو 3000 جندي كوري شمالي قتلوا أو أصيبوا.",
            3000,
            "South Korea NIS",
        ),
    ],
)
def test_arabic_speaker_forms(text: str, figure: int, source: str) -> None:
    assert _claimants(text, "ar").get(figure) == _want(source)
