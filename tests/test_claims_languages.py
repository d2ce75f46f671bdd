"""The per-language data modules: every registered language fills the one structure."""

from __future__ import annotations

import re

import pytest

from troopwatch.claims import extract_claims, find_numbers
from troopwatch.claims.languages import OPTIONAL, REGISTRY, LanguageData, part_names

CONTRACT_LANGUAGES = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja", "it", "pt", "zh", "ar")


@pytest.mark.parametrize("code", list(REGISTRY))
def test_every_part_is_filled(code: str) -> None:
    lang = REGISTRY[code]
    assert isinstance(lang, LanguageData)
    assert lang.code == code
    empty = [p for p in part_names() if not getattr(lang, p) and p not in OPTIONAL]
    assert not empty, f"{code} leaves {empty} empty"


@pytest.mark.parametrize("code", list(REGISTRY))
def test_fragments_compile(code: str) -> None:
    lang = REGISTRY[code]
    for p in part_names():
        value = getattr(lang, p)
        frags: list[str] = []
        if isinstance(value, str):
            continue
        if isinstance(value, dict):
            for k, v in value.items():
                strings = isinstance(v, tuple) and all(isinstance(x, str) for x in v)
                frags.extend(v if strings else [re.escape(k)])
        else:
            frags.extend(x[0] if isinstance(x, tuple) else x for x in value)
        for f in frags:
            re.compile(f, re.IGNORECASE)


def test_every_category_has_predicates_in_every_language() -> None:
    for lang in REGISTRY.values():
        for cat in ("deployed", "planned", "casualties", "killed", "wounded", "captured"):
            assert getattr(lang, cat), (lang.code, cat)
        assert set(lang.qualifiers_before) | set(lang.qualifiers_after), lang.code


def test_units_name_people_or_block() -> None:
    for lang in REGISTRY.values():
        for frag, unit, kind in (*lang.units_first, *lang.units, *lang.non_people):
            assert kind in ("mil", "nk", "civ", "weak", "count", "block"), (lang.code, frag)
            assert (kind == "block") == (unit == ""), (lang.code, frag)


def test_page_language_of_chinese_and_arabic() -> None:
    from troopwatch.langid import detect_language

    # Traditional Chinese: langdetect alone answers "ko" for this one.
    zh_t = "南韓國會議員李成權今天表示，根據南韓國家情報院所做的簡報，北韓自9月以來已派遣約5000名建築部隊人員前往俄羅斯"
    zh_s = "南韩国情院表示,北韩向俄国输送第一批部队兵力以后,增加1500名兵力,目前抵达俄国的北韩部队兵力已达到3000人。"
    ar = "قالت وكالة الاستخبارات الكورية الجنوبية أمام البرلمان إن كوريا الشمالية أرسلت 1500 جندي إضافي إلى روسيا"
    assert detect_language(zh_t) == "zh"
    assert detect_language(zh_s) == "zh"
    assert detect_language(ar) == "ar"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        (
            "Secondo Kiev, 12.000 soldati nordcoreani sono stati inviati al fronte.",
            "it",
            (12000, "deployed"),
        ),
        (
            "La Corea del Nord ha inviato circa tremila militari nordcoreani in Russia.",
            "it",
            (3000, "deployed"),
        ),
        ("Cerca de 600 soldados norte-coreanos morreram em combate.", "pt", (600, "killed")),
        ("北韩将向俄国投入1万名兵力。", "zh", (10000, "planned")),
        ("北韓軍阵亡400多人。", "zh", (400, "killed")),
        ("أرسلت كوريا الشمالية نحو ١١ ألف جندي إلى روسيا.", "ar", (11000, "deployed")),
        (
            "قالت الوكالة إن كوريا الشمالية سترسل ثلاثة آلاف جندي إلى روسيا.",
            "ar",
            (3000, "planned"),
        ),
    ],
)
def test_new_languages_read_figures(text: str, lang: str, want: tuple[int, str]) -> None:
    claims = extract_claims(text)
    assert [(c.figure_low, c.category) for c in claims] == [want]
    assert claims[0].lang == lang


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A sending verb governed by a plan or modal is a plan, in any language.
        ("North Korea plans to transfer about 6,000 troops to Russia.", "planned"),
        ("КНДР планирует перебросить в Россию около 6000 военнослужащих.", "planned"),
        ("A Coreia do Norte pretende em breve transferir 4.000 soldados para a Rússia.", "planned"),
        # A sending word describing the personnel gives way to what happened to them.
        ("Más de 5.000 soldados enviados por Corea del Norte han muerto en Kursk.", "killed"),
        (
            "Plus de 1 000 soldats nord-coréens déployés en Russie ont été tués en une semaine.",
            "killed",
        ),
        ("Ukraine captured two North Korean soldiers fighting for Russia.", "captured"),
    ],
)
def test_governing_predicate_decides_category(text: str, want: str) -> None:
    assert [c.category for c in extract_claims(text)] == [want]


@pytest.mark.parametrize(
    ("text", "phantom"),
    [
        (
            "Телевидение Северной Кореи показало 20-минутный репортаж об участии бойцов КНДР в "
            "военных действиях на территории России.",
            20,
        ),
        ("La Corée du Nord a envoyé des soldats en Russie en 3 vagues.", 3),
        ("North Korea sent its troops to Russia in 3 rotations.", 3),
        ("Северная Корея отправила в Россию 3 эшелона с военными КНДР.", 3),
    ],
)
def test_counts_of_things_that_are_not_people(text: str, phantom: int) -> None:
    """Waves, rotations, trains and minutes are counted, not people (CLAIMS.md §2)."""
    assert phantom not in [c.figure_low for c in extract_claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        "北朝鮮は昨年、ロシア軍を支援する目的で、クルスク州の国境地域に1万人以上の兵士を派遣した。",
        "أعلنت سيول أن كوريا الشمالية أرسلت إلى روسيا 11 ألف جندي لدعم الجيش الروسي.",
    ],
)
def test_the_army_helped_is_not_the_owner(text: str) -> None:
    """Personnel sent to support the Russian army are still North Korean."""
    assert [c.figure_low for c in extract_claims(text)] in ([10000], [11000])


def test_another_languages_attribution_word_is_not_one_here() -> None:
    """English "per" (according to) is Italian "for"."""
    text = (
        "Il Pentagono ha dichiarato che 8.000 soldati nordcoreani sono stati inviati in Russia "
        "per combattere in Ucraina."
    )
    assert [c.source for c in extract_claims(text)] == ["Pentagon"]


@pytest.mark.parametrize(
    "text",
    [
        "Quelque 10.000 soldats nord-coréens doivent être déployés en Russie d'ici décembre.",
        "В Россию должны прибыть порядка пяти тысяч солдат КНДР.",
        "북한은 병력 6,000명을 러시아에 추가로 파병할 예정이다.",
    ],
)
def test_future_and_modal_markers_make_a_plan(text: str) -> None:
    """Tense and modality of the sending verb, before it or (Korean) after it."""
    assert [c.category for c in extract_claims(text)] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "Северная Корея направит в Россию тысячу саперов и пять тысяч военных строителей для участия в восстановлении.",
        "김정은이 재건을 지원하기 위해 공병 1,000명과 군사 건설 인력 5,000명을 파견하기로 결정했다.",
    ],
)
def test_coordinated_figures_share_the_plan(text: str) -> None:
    """Objects of one 'will send' are both planned, in verb-first and verb-final order."""
    assert [c.category for c in extract_claims(text)] == ["planned", "planned"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "КНДР направила в Россию около 5000 военных строителей. "
            "Об этом сообщил президент Украины Владимир Зеленский.",
            "Volodymyr Zelensky",
        ),
        (
            "Zwei nordkoreanische Soldaten sind im Gebiet Kursk gefangen genommen worden. "
            "Das hat der ukrainische Präsident Selenskyj mitgeteilt.",
            "Volodymyr Zelensky",
        ),
    ],
)
def test_claimant_named_in_the_next_sentence(text: str, who: str) -> None:
    """'Об этом сообщил X', 'Das hat X mitgeteilt': the claimant of the sentence before."""
    assert {c.source for c in extract_claims(text)} == {who}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("tra 10.000 e 12.000 soldati", "it"),
        ("entre 10 mil e 12 mil soldados", "pt"),
        ("1万至1.2万名士兵", "zh"),
        ("بين 10 و12 ألف جندي", "ar"),
    ],
)
def test_ranges_in_the_new_languages(text: str, lang: str) -> None:
    assert [(n.low, n.high) for n in find_numbers(text, lang)] == [(10000, 12000)]


@pytest.mark.parametrize(
    "text",
    [
        "Nordkoreas Armee zählt zudem gut 7,6 Millionen Reservisten.",
        "L'armée de l'air nord-coréenne est estimée à environ 110 000 personnes.",
        "북한의 예비군은 약 762만 명에 달한다.",
    ],
)
def test_whole_services_are_not_claims(text: str) -> None:
    """Reservists, air force, navy: national totals of a whole service (CLAIMS.md §2)."""
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "phantom"),
    [
        ("I due soldati nordcoreani catturati, di 19 e 27 anni, sono stati portati a Kiev.", 19),
        ("而韩国国家情报院(NIS)昨天(03/05)也表示,部署于俄罗斯的朝鲜军力已开始学习操作无人机。", 5),
        ("파병된 북한군은 ‘폭풍군단’으로 불리는 특수작전군 예하 11군단이다.", 11),
        (
            "Se estima que alrededor de 100.000 norcoreanos trabajan en países como China y Rusia.",
            100000,
        ),
    ],
)
def test_ages_dates_unit_numbers_and_labourers(text: str, phantom: int) -> None:
    """Ages paired with years, dates, unit numbers and working civilians: no head count."""
    assert phantom not in [c.figure_low for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("北朝鮮兵は約1万2千人で、ロシア軍の部隊に統合された。", 12000),
        ("北朝鮮はロシアのクルスク地域に約6000人の工兵を派遣した。", 6000),
        ("韓国軍の関係者は、北朝鮮の追加派兵の規模について1000人以上だと推定した。", 1000),
    ],
)
def test_cjk_owners_places_and_claimants(text: str, figure: int) -> None:
    """ "ロシアのクルスク地域" is a place, "韓国軍の関係者" a claimant, and a Russian army in the
    next clause (after 、) does not own the figure."""
    assert figure in [c.figure_low for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "North Korean troops who engaged in combat against Ukrainian forces have suffered "
            "around 1,100 casualties.",
            1100,
        ),
        (
            "There are about 8,000 soldiers from the Democratic People's Republic of Korea in Kursk.",
            8000,
        ),
    ],
)
def test_opponents_are_not_owners_and_long_names_of_the_north(text: str, figure: int) -> None:
    assert figure in [c.figure_low for c in extract_claims(text)]


def test_arabic_dual_is_a_count_of_two() -> None:
    """'جنديين' (two soldiers) states the figure by its dual ending."""
    text = "أعلن زيلينسكي أن جيشه أسر جنديين كوريين شماليين في منطقة كورسك."
    assert [(c.figure_low, c.category) for c in extract_claims(text)] == [(2, "captured")]


@pytest.mark.parametrize(
    "text",
    [
        "南韩国会议员李成权说，国家情报院现行评估认为，平壤正计划进一步派遣6000名士兵至俄罗斯。",
        "Lawmaker Lee Seong-kweun said after a briefing by the NIS that North Korea has sent 6,000 troops.",
    ],
)
def test_lawmaker_relaying_the_nis_gives_the_nis(text: str) -> None:
    """CLAIMS.md §5: a lawmaker relaying the NIS gives South Korea NIS."""
    assert [c.source for c in extract_claims(text)] == ["NIS"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korean troops are losing about 92 soldiers a day in Kursk.",
        "Le truppe nordcoreane perdono circa 92 soldati al giorno.",
        "Северокорейские войска теряют около 92 солдат в день.",
        "북한군은 하루 평균 92명의 병력을 잃고 있다.",
        "北韩军队每天损失约92名士兵。",
        "تخسر القوات الكورية الشمالية نحو 92 جنديا يوميا.",
    ],
)
def test_rates_are_not_claims(text: str) -> None:
    """'92 a day' in every language is a rate (CLAIMS.md §2)."""
    assert extract_claims(text) == []


def test_fractions_are_not_claims() -> None:
    assert [c.figure_low for c in extract_claims("北朝鮮兵の3分の1にあたる4000人が死傷した。")] == [
        4000
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Más de 5.000 soldados enviados por Corea del Norte para apoyar a Rusia en la guerra "
            "de Ucrania han muerto en Kursk.",
            [(5000, "killed")],
        ),
        (
            "A agência estimava que pelo menos 100 soldados norte-coreanos haviam sido mortos "
            "combatendo pela Rússia em Kursk.",
            [(100, "killed")],
        ),
        (
            "Украинские военные пленили двух солдат из КНДР на территории Курской области.",
            [(2, "captured")],
        ),
    ],
)
def test_main_predicate_over_describing_participle(text: str, want: list) -> None:
    assert [(c.figure_low, c.category) for c in extract_claims(text)] == want


def test_part_of_someone_elses_losses_is_a_loss() -> None:
    text = (
        "Le Forze armate russe hanno subito oltre 77 mila perdite tra morti e feriti, tra cui "
        "circa 4 mila cittadini nordcoreani."
    )
    assert [(c.figure_low, c.category) for c in extract_claims(text)] == [(4000, "casualties")]


def test_number_after_an_ascii_comma_without_space() -> None:
    """Chinese copy often writes ',' between clauses with no space: '目前,3500多名'."""
    text = "目前,3500多名朝鲜军人正在俄罗斯远东地区受训。"
    assert [(c.figure_low, c.qualifier) for c in extract_claims(text)] == [(3500, "more_than")]


def test_service_after_a_preposition() -> None:
    text = "L'armée nord-coréenne compte plus de 7 millions de réservistes et paramilitaires."
    assert 7000000 not in [c.figure_low for c in extract_claims(text)]


def test_korean_opponent_is_not_the_owner() -> None:
    """'우크라이나군과의 전투' (battles with Ukrainian forces) names the opponent."""
    text = "북한군이 우크라이나군과의 전투에서 1,000명의 사망자를 냈다."
    assert 1000 in [c.figure_low for c in extract_claims(text)]
