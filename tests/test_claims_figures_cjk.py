"""Figures and categories of Japanese, Korean, Chinese and Arabic constructions (sentences
written for these tests, not taken from the evaluation sets)."""

from __future__ import annotations

import pytest

from troopwatch.claims import extract_claims
from troopwatch.claims.evaluate import claimant_identity


def _figures(text: str) -> dict[int | None, str]:
    return {c.figure_low: c.category for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # A quoted sentence naming only a date keeps North Korea as the topic of the next.
        (
            "情報総局の局長は「北朝鮮兵の訓練は続いている」と述べた。"
            "「部隊は12月5日までに移動を終える。まず3000人が前線に向かう」と付け加えた。",
            3000,
            "planned",
        ),
        (
            '국방부는 북한군 1만여 명이 러시아 동부에서 훈련 중이라고 밝혔다. 당국자는 "그들은 '
            '12월5일에 준비될 것"이라고 말했다. 투입 규모는 선발대 1800명으로 전망했다.',
            1800,
            "planned",
        ),
    ],
)
def test_topic_kept_over_a_date(text: str, figure: int, category: str) -> None:
    assert _figures(text).get(figure) == category


@pytest.mark.parametrize(
    "text",
    [
        # A unit made of both sides, named well before the figure it counts: a mixed force.
        '우크라이나 정보총국은 "러시아 병사와 북한 병사로 편성된 돌격부대의 전사자 수가 '
        '이번 달에만 300명을 넘어섰다"고 밝혔다.',
        "ロシア兵と北朝鮮兵で構成された突撃部隊の今月の戦死者は推計で約300人に上る。",
        "乌克兰情报部门称,由俄罗斯和朝鲜士兵组成的突击部队本月阵亡人数估计已超过300人。",
    ],
)
def test_mixed_unit_composed_of_both_sides(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # 配備 (stationed) is a deployment predicate; its progressive is no plan.
        (
            "米国防総省は、北朝鮮兵が今後さらに増える可能性があるとし、"
            "「前線には少なくとも8000人」が配備されていると述べた。",
            8000,
            "deployed",
        ),
        # After 已 the 将 of "已将…派往" marks the object: sent, not to be sent.
        (
            "多方消息称,朝鲜已将约8000名士兵派往俄罗斯,也有说法称这一数字达到了9000人。",
            9000,
            "deployed",
        ),
        # 掳获/擄獲 (seized): captured.
        ("乌克兰军方11日宣布在库尔斯克掳获三名朝鲜士兵。", 3, "captured"),
        # Vague "thousands upon thousands".
        ("分析人士指出,成千上万的朝鲜士兵已在库尔斯克参战。", None, "deployed"),
        # On the way, not there yet: planned.
        ("他警告说,数以千计的朝鲜士兵正在前往前线的路上。", None, "planned"),
    ],
)
def test_predicates_and_vague_numbers(text: str, figure: int | None, category: str) -> None:
    assert _figures(text).get(figure) == category


def test_later_clause_of_unnamed_reports_is_unattributed() -> None:
    claims = {
        c.figure_low: c.source
        for c in extract_claims(
            "美国国防部表示,朝鲜已向俄罗斯派遣约8000名士兵,有些报道称这一数字达到了9000人。"
        )
    }
    assert claims.get(9000) == "unattributed"
    assert claims.get(8000) not in (None, "unattributed")


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # A casualty noun right before the figure is what it counts, whatever else follows.
        (
            "北朝鮮軍の損失は約3000人に上る。このうち戦死者約500人のほか、負傷者も多数いる。",
            500,
            "killed",
        ),
        (
            "북한군 손실은 약 3000명으로, 사망자 약 500명 외에 부상자도 다수 포함됐다.",
            500,
            "killed",
        ),
    ],
)
def test_casualty_noun_before_the_figure(text: str, figure: int, category: str) -> None:
    assert _figures(text).get(figure) == category


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # The side whose war is supported, or fought alongside, is not the owner.
        (
            "韓国政府は、約5000人の北朝鮮兵がロシアの戦争を支援するため前線に展開していると分析した。",
            5000,
            "deployed",
        ),
        (
            "국정원은 북한이 러시아군과 함께 싸우면서 약 2000명의 사상자를 낸 것으로 파악했다.",
            2000,
            "casualties",
        ),
        # The side that occupied a place is not the owner of the figure sent there.
        (
            "北朝鮮は、ウクライナ軍が一時占領した地域に約3000人の工兵を派遣することにした。",
            3000,
            "planned",
        ),
    ],
)
def test_helped_or_occupying_side_is_no_owner(text: str, figure: int, category: str) -> None:
    assert _figures(text).get(figure) == category


def test_alongside_keeps_the_other_sides_own_figure_out() -> None:
    # "数万人のロシア軍とともに": the figure counts the Russians fought alongside.
    assert (
        extract_claims("北朝鮮兵の一部は、数万人のロシア軍とともにクルスク州で戦闘に参加している。")
        == []
    )


def test_topic_marked_source_noun_is_the_claimant() -> None:
    (claim,) = extract_claims(
        "지난달 한국의 정보 기관은 북한이 러시아에서 전투에 참여하면서 약 3000명의 사상자를 "
        "냈을 가능성이 있다고 국회에 보고했다."
    )
    assert claim.figure_low == 3000
    assert claimant_identity(claim.source, "ko") == claimant_identity("South Korea NIS", "en")


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # A country adjective after a place noun or name is a place, not an owner.
        (
            "قال مسؤولون أميركيون إن عدد الجنود الكوريين الشماليين في منطقة كورسك الروسية "
            "ارتفع إلى نحو 12 ألف جندي.",
            12000,
            "deployed",
        ),
        (
            "وأفادت الاستخبارات الكورية الجنوبية بأن كوريا الشمالية نشرت قرب الحدود الروسية "
            "الأوكرانية نحو ألف مهندس عسكري.",
            1000,
            "deployed",
        ),
        # So is the adjective of a war: "the Russian war effort" owns no personnel.
        (
            "وساهمت كوريا الشمالية في المجهود الحربي الروسي بإرسال آلاف الجنود إلى كورسك.",
            None,
            "deployed",
        ),
        # The passive "were added": deployed; an Arabic comma ends the plan before it.
        (
            "أرسلت كوريا الشمالية نحو 11 ألف جندي بحلول نهاية العام الماضي، "
            "وأضيف نحو ألفي جندي آخر هذا العام.",
            2000,
            "deployed",
        ),
        # "قد يتجاوز" (may exceed): planned.
        (
            "وقال المسؤول إن عدد الجنود الكوريين الشماليين في روسيا قد يتجاوز في الأشهر "
            "المقبلة 20 ألف جندي.",
            20000,
            "planned",
        ),
        # Vague numbers with a preposition attached.
        (
            "وقدرت الاستخبارات الكورية الجنوبية خسائر القوات الكورية الشمالية بمئات القتلى.",
            None,
            "killed",
        ),
    ],
)
def test_arabic_places_modality_and_vague_numbers(
    text: str, figure: int | None, category: str
) -> None:
    assert _figures(text).get(figure) == category


def test_korean_hearsay_keeps_the_claimant_before() -> None:
    # "…하기로 했다고 한다" (reportedly): the topic did the deed; who said it is named before.
    claims = extract_claims(
        "타스 통신에 따르면 러시아 국방부 대변인은 평양에서 기자들에게 이 같은 내용을 "
        "밝혔다. 북한은 쿠르스크 복구를 위해 공병 2000명을 추가로 파견하기로 했다고 한다."
    )
    (claim,) = [c for c in claims if c.figure_low == 2000]
    assert claim.category == "planned"
    assert claimant_identity(claim.source, "ko") != claimant_identity("North Korea", "en")
    assert "North Korea" not in claim.source


@pytest.mark.parametrize(
    "text",
    [
        "朝鲜官方媒体周六宣布,在库尔斯克执行排雷任务的工兵部队中有7名士兵牺牲。",
        "وأعلنت وسائل الإعلام الرسمية الكورية الشمالية مقتل سبعة جنود من وحدة الهندسة في كورسك.",
    ],
)
def test_north_korean_state_media_is_kcna(text: str) -> None:
    (claim,) = extract_claims(text)
    assert claimant_identity(claim.source, "en") == claimant_identity("KCNA", "en")


def test_demonstrative_points_back_to_the_figure() -> None:
    # "这8000名士兵": the figure just stated, not a second claim of another category.
    claims = extract_claims(
        "韩国情报机构称,朝鲜将向俄罗斯派遣8000名士兵,这8000名士兵的部署预计下月完成。"
    )
    assert [(c.figure_low, c.category) for c in claims] == [(8000, "planned")]


def test_formation_size_does_not_reach_over_a_sending_verb() -> None:
    figures = _figures("国情院指出,“暴风军团”共有5万名兵力,目前已派出1.2万人。")
    assert figures.get(50000) == "force_size"
    assert figures.get(12000) == "deployed"


@pytest.mark.parametrize(
    "text",
    [
        # The support verb of a purpose clause says what they are for: the plan decides.
        "북한이 현지 복구를 지원하기 위해 수천 명의 공병 부대원과 건설 인력을 러시아 서부로 "
        "보낼 것이라고 타스 통신이 전했다.",
        "北朝鮮はクルスクの復興を支援するため数千人の工兵部隊と地雷除去要員をロシアに派遣する予定だ。",
    ],
)
def test_purpose_clause_yields_to_the_plan(text: str) -> None:
    assert _figures(text).get(None) == "planned"


def test_russian_media_named_by_its_side() -> None:
    (claim,) = extract_claims(
        "북한이 수천 명의 공병을 쿠르스크에 파견할 것이라고 러시아 언론이 보도했다."
    )
    assert claim.source == "Russian media"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A bare number in brackets after a name is the person's age.
        (
            "우크라이나군에 붙잡힌 북한군 포로 2명 가운데 김모 씨(25)는 한국행을 희망했다.",
            {2},
        ),
        ("捕虜となった北朝鮮兵のキム氏（24）とチェ氏（21）は取材に応じた。", set()),
        ("생포된 북한군 병사(사진 왼쪽·23)가 병원에서 치료를 받고 있다.", set()),
    ],
)
def test_age_in_brackets_is_no_figure(text: str, kept: set[int]) -> None:
    assert set(_figures(text)) == kept


def test_korean_weeks_are_a_duration() -> None:
    text = '우크라이나군 대변인은 "2주 동안 전선에서 북한군이 보이지 않았다"고 말했다.'
    assert extract_claims(text) == []
    # A bare number before 주둔 (stationed) still counts personnel.
    assert _figures("국방부는 북한군 3000 주둔 사실을 확인했다.").get(3000) == "deployed"


@pytest.mark.parametrize(
    "text",
    [
        # The officials or sources telling the news are counted, not the soldiers.
        "米政府当局者3人は、北朝鮮兵がクルスク州で戦闘に加わったと明らかにした。",
        "미국 당국자 2명은 북한군이 쿠르스크 전투에 참여했다고 말했다.",
        "三名美国官员表示,朝鲜士兵已在库尔斯克参加战斗。",
    ],
)
def test_count_of_sources_is_no_figure(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A joint force named as the subject, North Korea only inside it: a mixed force.
        "ロシア・北朝鮮連合軍は今週、クルスク州の集落の奪還作戦で約600人の兵士を失ったとみられる。",
        "러시아·북한 연합군은 지난주 쿠르스크 탈환 작전에서 병력 약 500명을 잃은 것으로 보인다.",
        # A total said to include North Koreans too.
        "우크라이나군의 반격으로 발생한 사상자는 최소 300명에 달하며 여기에는 북한군도 "
        "포함된 것으로 파악됐다.",
    ],
)
def test_joint_force_losses_are_mixed(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # The second verb of a serial construction after a planned sending verb.
        (
            "据俄媒报道,朝鲜同意派遣500名医护兵和2000名工程人员前往库尔斯克州。",
            {500: "planned", 2000: "planned"},
        ),
        (
            "韩国国情院称,朝鲜已决定向俄罗斯派出三个旅的特种部队士兵参战,总人数约1万人。",
            {10000: "planned"},
        ),
        # Already sent: the serial verb is no plan.
        ("韩国国情院称,朝鲜已派遣8000名士兵前往库尔斯克。", {8000: "deployed"}),
    ],
)
def test_serial_verb_after_a_planned_sending(text: str, figures: dict[int, str]) -> None:
    assert _figures(text) == figures


def test_demonstrative_restates_the_plan_before() -> None:
    text = (
        "ロシア国防省によると、北朝鮮は東部戦線に約4000人の兵士を追加派遣することを決めた。"
        "この兵士4000人は、砲兵1500人と歩兵2500人で構成される。"
    )
    assert sorted((c.figure_low, c.category) for c in extract_claims(text)) == [
        (1500, "planned"),
        (2500, "planned"),
        (4000, "planned"),
    ]


def test_arabic_plural_of_preparing_is_a_plan() -> None:
    text = "وقال مسؤول أوكراني إن 5 آلاف جندي كوري شمالي يستعدون للتوجه إلى جبهة زابوريجيا."
    assert _figures(text).get(5000) == "planned"


def test_korean_could_exceed_is_a_plan() -> None:
    text = "정보당국은 올해 북한의 추가 파병 규모가 5000명을 넘어설 수 있다고 내다봤다."
    assert _figures(text).get(5000) == "planned"
