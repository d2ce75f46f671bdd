"""Claim extraction: figures, categories, qualifiers, claimants, places and scope.

The sentences are written for these tests in the style of wire copy; none is taken from
the labelled evaluation set.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from troopwatch.claims import Claim, claim_key, extract_claims
from troopwatch.claims.evaluate import run_eval
from troopwatch.paths import SEEDS_DIR

FIELDS = {
    "figure_low",
    "figure_high",
    "qualifier",
    "category",
    "unit",
    "source",
    "location",
    "sentence",
    "lang",
    "confidence",  # an extra field beside the DESIGN contract's (0..1)
}


def one(text: str, lang: str | None = None) -> Claim:
    claims = extract_claims(text, lang)
    assert len(claims) == 1, claims
    return claims[0]


def figs(text: str, lang: str | None = None) -> list[tuple]:
    return [(c.figure_low, c.figure_high, c.category) for c in extract_claims(text, lang)]


# --------------------------------------------------------------------------- API


def test_claim_dict_has_exactly_the_contract_fields() -> None:
    c = one("The NIS said about 11,000 North Korean troops were in Russia's Kursk region.")
    d = c.to_dict()
    assert set(d) == FIELDS
    assert d["figure_low"] == 11000 and d["lang"] == "en"
    json.dumps(d)  # serialisable as is


def test_claim_key() -> None:
    assert claim_key("deployed", 12000, None) == "deployed:12000"
    assert claim_key("deployed", 10000, 12000) == "deployed:10000-12000"
    assert claim_key("killed", None, None) == "killed:vague"
    assert claim_key("deployed", 12000, 12000) == claim_key("deployed", 12000, None)
    assert claim_key("deployed", 12000, None) != claim_key("planned", 12000, None)


def test_empty_and_offtopic_text() -> None:
    assert extract_claims("") == []
    assert extract_claims("Apple sold 12,000 phones in 2019 for $5 million.") == []


# --------------------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "low", "high", "category", "qualifier"),
    [
        (
            "Pyongyang has deployed roughly 11,000 soldiers to Russia's Kursk region, officials say.",
            11000,
            None,
            "deployed",
            "approx",
        ),
        (
            "North Korea may send as many as 20,000 more troops by spring, analysts warned.",
            20000,
            None,
            "planned",
            "up_to",
        ),
        (
            "At least 1,000 North Korean soldiers have been killed in the fighting, the agency said.",
            1000,
            None,
            "killed",
            "at_least",
        ),
        (
            "Nearly 3,000 North Korean troops have been wounded since December.",
            3000,
            None,
            "wounded",
            "nearly",
        ),
        (
            "North Korean casualties have passed 4,000, according to the JCS.",
            4000,
            None,
            "casualties",
            "more_than",
        ),
        (
            "More than 300 North Korean soldiers were killed or wounded last week.",
            300,
            None,
            "casualties",
            "more_than",
        ),
        (
            "Ukrainian special forces captured three North Korean soldiers near Sudzha.",
            3,
            None,
            "captured",
            "exact",
        ),
        (
            "Some 10-12,000 North Korean troops are training in eastern Russia.",
            10000,
            12000,
            "deployed",
            "approx",
        ),
        (
            "Between 11,000 and 12,000 North Korean soldiers are stationed in Kursk.",
            11000,
            12000,
            "deployed",
            "exact",
        ),
        (
            "An estimated 8,000 North Korean soldiers have moved to the front line.",
            8000,
            None,
            "deployed",
            "approx",
        ),
        (
            "The number of North Korean troops in Russia could rise to 15,000 by the end of the year.",
            15000,
            None,
            "planned",
            "exact",
        ),
    ],
)
def test_english_figures(
    text: str, low: int, high: int | None, category: str, qualifier: str
) -> None:
    c = one(text, "en")
    assert (c.figure_low, c.figure_high, c.category, c.qualifier) == (
        low,
        high,
        category,
        qualifier,
    )


def test_killed_and_wounded_are_two_claims() -> None:
    text = (
        "Around 200 North Korean soldiers have died and about 2,500 have been injured, "
        "South Korean lawmakers said, citing the NIS."
    )
    cs = extract_claims(text)
    assert [(c.figure_low, c.category, c.qualifier) for c in cs] == [
        (200, "killed", "approx"),
        (2500, "wounded", "approx"),
    ]
    assert {c.source for c in cs} == {"NIS"}


def test_deployed_and_subset_killed() -> None:
    text = (
        "Of the 12,000 North Korean troops sent to Russia, about 1,200 have been killed, "
        "Ukraine's defence intelligence said."
    )
    assert figs(text) == [(12000, None, "deployed"), (1200, None, "killed")]


def test_planned_versus_already_deployed() -> None:
    text = (
        "North Korea, which has already sent 11,000 soldiers, is preparing to send "
        "another 5,000, according to Seoul."
    )
    cs = extract_claims(text)
    assert [(c.figure_low, c.category) for c in cs] == [(11000, "deployed"), (5000, "planned")]
    assert cs[0].source == "South Korean government"


def test_vague_claims() -> None:
    c = one("Thousands of North Korean soldiers are now fighting alongside Russian forces.")
    assert (c.figure_low, c.figure_high, c.qualifier, c.category) == (
        None,
        None,
        "vague",
        "deployed",
    )
    c = one("Several hundred North Korean troops have been killed, a US official said.")
    assert (c.qualifier, c.category, c.source) == ("vague", "killed", "US government")


def test_number_words() -> None:
    c = one("Twelve thousand North Korean soldiers have arrived in the Kursk region.")
    assert (c.figure_low, c.location) == (12000, "Kursk")
    c = one("Ukrainian troops took two North Korean soldiers prisoner on Saturday.")
    assert (c.figure_low, c.category) == (2, "captured")


def test_context_from_previous_sentence() -> None:
    text = (
        "North Korea's deployment is growing, the Pentagon says. It estimates that about "
        "3,000 more troops arrived in January."
    )
    c = one(text)
    assert (c.figure_low, c.category, c.qualifier, c.source) == (
        3000,
        "deployed",
        "approx",
        "Pentagon",
    )


def test_no_context_no_claim() -> None:
    # Same sentence, but nothing says the troops are North Korean.
    assert extract_claims("It estimates that about 3,000 more troops arrived in January.") == []


# --------------------------------------------------------------------------- claimants


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "About 11,000 North Korean troops are in Kursk, according to South Korea's spy agency.",
            "NIS",
        ),
        (
            "Pentagon press secretary Sabrina Singh said some 10,000 North Korean soldiers were "
            "in Russia.",
            "Sabrina Singh",
        ),
        ("Some 10,000 North Korean soldiers are in Russia, a Pentagon official said.", "Pentagon"),
        ("A lawmaker citing the NIS said about 300 North Korean soldiers had died.", "NIS"),
        (
            "North Korea has lost 4,000 soldiers, Ukrainian President Volodymyr Zelensky said.",
            "Volodymyr Zelensky",
        ),
        (
            "The Institute for the Study of War said 2,000 North Korean troops had moved to Kursk.",
            "ISW",
        ),
        (
            "Britain's defence ministry estimates North Korean casualties at more than 6,000.",
            "UK Ministry of Defence",
        ),
        ("Kyiv believes 12,000 North Korean soldiers are in Russia.", "Ukrainian government"),
        ("About 12,000 North Korean soldiers are in Russia.", "unattributed"),
        ("Miles Yu said about 12,000 North Korean troops are in Russia.", "Miles Yu"),
    ],
)
def test_english_claimants(text: str, source: str) -> None:
    assert one(text).source == source


def test_media_outlet_only_without_a_claimant() -> None:
    c = one("About 12,000 North Korean troops are in Russia, CNN reported, citing the GUR.")
    assert c.source == "GUR"


# --------------------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean
        (
            "국정원은 북한이 러시아에 1만1천여 명을 파병했다고 밝혔다.",
            [(11000, None, "deployed", "approx", "NIS", "Russia")],
        ),
        (
            "합참은 북한군 사상자가 3천 명을 넘어섰다고 밝혔다.",
            [(3000, None, "casualties", "more_than", "JCS", None)],
        ),
        (
            "국가정보원에 따르면 쿠르스크에 배치된 북한군 가운데 최소 100명이 사망했다.",
            [(100, None, "killed", "at_least", "NIS", "Kursk")],
        ),
        (
            "북한은 연말까지 최대 2만 명을 추가 파병할 계획이다.",
            [(20000, None, "planned", "up_to", "unattributed", None)],
        ),
        (
            "북한군 수천 명이 쿠르스크 전선에 투입됐다.",
            [(None, None, "deployed", "vague", "unattributed", "Kursk")],
        ),
        (
            "우크라이나군은 북한군 병사 세 명을 생포했다고 밝혔다.",
            [(3, None, "captured", "exact", None, None)],
        ),
        # Japanese
        (
            "防衛省によりますと、北朝鮮兵およそ1万2000人がロシア西部のクルスク州に展開しています。",
            [(12000, None, "deployed", "approx", None, "Kursk")],
        ),
        (
            "韓国の国家情報院は、北朝鮮兵の死者が少なくとも200人にのぼると明らかにしました。",
            [(200, None, "killed", "at_least", "NIS", None)],
        ),
        (
            "北朝鮮は最大で3万人を追加派遣する可能性があると国防総省は分析しています。",
            [(30000, None, "planned", "up_to", "Pentagon", None)],
        ),
        (
            "北朝鮮兵数百人が死傷したとみられます。",
            [(None, None, "casualties", "vague", "unattributed", None)],
        ),
        # Russian
        (
            "По данным Пентагона, в Курской области находятся около 10 тыс. военных КНДР.",
            [(10000, None, "deployed", "approx", "Pentagon", "Kursk")],
        ),
        (
            "Зеленский заявил, что потери северокорейских войск превысили 3 тысячи человек.",
            [(3000, None, "casualties", "more_than", "Volodymyr Zelensky", None)],
        ),
        (
            "КНДР может отправить в Россию еще 15 тысяч военных, считают в ГУР.",
            [(15000, None, "planned", "exact", "GUR", "Russia")],
        ),
        (
            "Несколько тысяч северокорейских солдат проходят подготовку на Дальнем Востоке.",
            [(None, None, "deployed", "vague", "unattributed", "eastern Russia")],
        ),
        # Ukrainian
        (
            "За даними ГУР, у Курській області загинули близько 200 військових КНДР.",
            [(200, None, "killed", "approx", "GUR", "Kursk")],
        ),
        (
            "Сили оборони взяли в полон двох північнокорейських солдатів, повідомив Зеленський.",
            [(2, None, "captured", "exact", "Volodymyr Zelensky", None)],
        ),
        (
            "Понад 11 тисяч північнокорейських військових перебувають у Росії, заявили в Пентагоні.",
            [(11000, None, "deployed", "more_than", "Pentagon", "Russia")],
        ),
        # German
        (
            "Laut Pentagon sind mittlerweile rund 11.000 nordkoreanische Soldaten in Kursk im "
            "Einsatz.",
            [(11000, None, "deployed", "approx", "Pentagon", "Kursk")],
        ),
        (
            "Nordkorea könnte weitere 20.000 Soldaten nach Russland schicken, warnte Selenskyj.",
            [(20000, None, "planned", "exact", "Volodymyr Zelensky", "Russia")],
        ),
        (
            "Mindestens 1000 nordkoreanische Soldaten sind nach Angaben Kiews gefallen.",
            [(1000, None, "killed", "at_least", "Ukrainian government", None)],
        ),
        # French
        (
            "Selon le Pentagone, environ 10 000 soldats nord-coréens s'entraînent dans l'est de "
            "la Russie.",
            [(10000, None, "deployed", "approx", "Pentagon", "eastern Russia")],
        ),
        (
            "Plus de 1 000 soldats nord-coréens ont été tués ou blessés, selon Séoul.",
            [(1000, None, "casualties", "more_than", "South Korean government", None)],
        ),
        (
            "Pyongyang pourrait envoyer jusqu'à 50 000 soldats supplémentaires, estime Kiev.",
            [(50000, None, "planned", "up_to", "Ukrainian government", None)],
        ),
        # Spanish
        (
            "Según la inteligencia surcoreana, unos 12.000 soldados norcoreanos combaten en Kursk.",
            [(12000, None, "deployed", "approx", "NIS", "Kursk")],
        ),
        (
            "Al menos 500 soldados norcoreanos han muerto en combate, según Kiev.",
            [(500, None, "killed", "at_least", "Ukrainian government", None)],
        ),
        (
            "Corea del Norte enviará hasta 6.000 ingenieros militares a Kursk, anunció el Kremlin.",
            [(6000, None, "planned", "up_to", "Kremlin", "Kursk")],
        ),
    ],
)
def test_multilingual(text: str, expected: list[tuple]) -> None:
    got = extract_claims(text)
    assert len(got) == len(expected), got
    for c, (low, high, cat, qual, source, loc) in zip(got, expected, strict=True):
        assert (c.figure_low, c.figure_high, c.category, c.qualifier) == (low, high, cat, qual)
        if source is not None:
            assert c.source == source
        assert c.location == loc


def test_language_is_detected_per_sentence() -> None:
    text = (
        "Nach Angaben Seouls sind 11.000 nordkoreanische Soldaten in Russland. "
        "По данным ГУР, еще 3 тысячи военных КНДР прибыли в Курскую область."
    )
    assert [c.lang for c in extract_claims(text)] == ["de", "ru"]


# --------------------------------------------------------------------------- not claims


@pytest.mark.parametrize(
    "text",
    [
        # Russian or Ukrainian figures
        "Russia has lost more than 600,000 soldiers since 2022, the British MoD estimates.",
        "북한군 파병 이후 러시아군 사상자는 70만 명을 넘어섰다.",
        "Ukraine has mobilised 1 million troops to resist Russia and its North Korean allies.",
        # mixed forces
        "A 50,000-strong group of Russian and North Korean troops is massing near Kursk.",
        "Около 50 тысяч российских и северокорейских военных готовятся к наступлению.",
        "ロシア軍と北朝鮮軍あわせて5万人が集結している。",
        # money, munitions, sanctions, percentages
        "North Korea earned $5.5 billion from shipping 6 million shells to Russia.",
        "North Korea has sent 12,000 containers of munitions to Russia.",
        "Seoul sanctioned 11 North Korean officials over the troop deployment.",
        "About 40% of the North Korean troops in Kursk have been killed or wounded.",
        # dates, years, ages, units counted instead of people
        "North Korean troops began arriving in Russia on October 18, 2024.",
        "The captured North Korean soldiers, aged 20 and 26, were interrogated by the SBU.",
        "North Korea's 11th Corps has sent troops to Russia.",
        "North Korea sent four brigades to Russia, the NIS said.",
        "북한은 2024년 10월 러시아에 병력을 보냈다.",
        # civilian workers
        "Some 15,000 North Korean workers arrived in Russia last year to work on building sites.",
        "北朝鮮はロシアに労働者1万人以上を送った。",
        # history
        "North Korea sent 200 pilots to North Vietnam in the 1960s.",
        # numbers that are not personnel
        "North Korea fired 10 ballistic missiles on Monday, Seoul's JCS said.",
        "Kim Jong Un visited five military sites near Pyongyang.",
    ],
)
def test_not_claims(text: str) -> None:
    assert extract_claims(text) == []


def test_russian_figure_next_to_a_north_korean_one() -> None:
    text = "Russia has lost more than 600,000 soldiers since 2022, while North Korea sent 11,000."
    assert figs(text) == [(11000, None, "deployed")]


def test_fraction_of_a_force_is_not_a_casualty_figure() -> None:
    cs = extract_claims("Un tiers des 12 000 soldats nord-coréens a été blessé.")
    assert all(c.category != "wounded" for c in cs)


def test_subset_of_north_korean_force_with_russian_units_is_kept() -> None:
    c = one("About 11,000 North Korean soldiers fight alongside Russian units in Kursk.")
    assert (c.figure_low, c.category, c.location) == (11000, "deployed", "Kursk")


# --------------------------------------------------------------------------- seeds


def test_seed_claims() -> None:
    seeds = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}
    s0 = extract_claims(seeds["000"])
    nis = [c for c in s0 if c.figure_low == 12000]
    assert nis and nis[0].source == "NIS" and nis[0].qualifier == "approx"
    assert nis[0].category in ("planned", "deployed")
    vlad = [c for c in s0 if c.figure_low == 1500]
    assert vlad and vlad[0].location == "Vladivostok" and vlad[0].category == "deployed"
    assert vlad[0].unit == "special forces"
    s1 = extract_claims(seeds["001"])
    assert (1500, "deployed") in [(c.figure_low, c.category) for c in s1]
    assert (10000, "planned") in [(c.figure_low, c.category) for c in s1]
    assert {c.source for c in s1} == {"Volodymyr Zelensky"}
    for key in ("002", "003"):
        pentagon = [
            c
            for c in extract_claims(seeds[key])
            if c.source == "Pentagon" and c.figure_low == 10000
        ]
        assert pentagon and pentagon[0].category == "deployed"
    # money, sanctions and percentages in the seeds give nothing
    every = [c for text in seeds.values() for c in extract_claims(text)]
    assert not any(c.figure_low in (1, 16500, 50, 70, 30, 500000) for c in every)


# --------------------------------------------------------------------------- evaluation


def test_run_eval_on_a_small_file(tmp_path: Path) -> None:
    items = [
        {
            "id": "t-1",
            "lang": "en",
            "text": "The NIS said 11,000 North Korean troops are in Kursk.",
            "claims": [
                {
                    "figure_low": 11000,
                    "figure_high": None,
                    "qualifier": "exact",
                    "category": "deployed",
                    "unit": "troops",
                    "source": "NIS",
                    "location": "Kursk",
                }
            ],
            "note": "",
        },
        {
            "id": "t-2",
            "lang": "en",
            "text": "Russia lost 600,000 soldiers.",
            "claims": [],
            "note": "Russian figure",
        },
    ]
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    out = io.StringIO()
    assert run_eval(str(path), out=out) == 0
    text = out.getvalue()
    assert "(a) figure + category" in text and "(b) figure + category + source" in text
    all_lines = [ln for ln in text.splitlines() if ln.startswith("all")]
    assert all(" 1.000" in ln for ln in all_lines)


# --------------------------------------------------------------------------- generalisation
# Sentences written for these tests, one group per failure pattern seen on unseen text.


@pytest.mark.parametrize(
    "text",
    [
        # Another country's losses next to a North Korean mention.
        "Russian units lost about 900 men near Sudzha, where North Korean soldiers were also fighting.",
        "Ukraine says Russia lost 1,200 troops in a day; North Korea has not commented.",
        # Population.
        "인구 2500만 명의 북한이 러시아에 병력을 보냈다.",
        "人口約2600万人の北朝鮮がロシアに兵士を送った。",
        # South Korean personnel being sent.
        "South Korea may dispatch up to 15 South Korean military observers to Ukraine to study "
        "North Korean tactics.",
        # Mixed forces written as one compound, in every language.
        "A joint Russian-North Korean grouping of about 45,000 troops is preparing an assault.",
        "Un contingente ruso-norcoreano de 45.000 hombres prepara una ofensiva.",
        "Ein russisch-nordkoreanischer Verband von 45.000 Mann bereitet einen Angriff vor.",
        "Un groupement russo-nord-coréen de 45 000 soldats prépare l'assaut.",
        "Российско-северокорейская группировка численностью 45 тысяч человек готовит наступление.",
        "Російсько-північнокорейське угруповання у 45 тисяч військових готує наступ.",
        "朝露合同部隊約4万5000人が攻勢を準備している。",
        # Other armies.
        "The Bundeswehr, with 181,000 soldiers, is smaller than the North Korean army.",
        # Civilian workers.
        "Pyongyang sent 3,000 construction workers to Russia on student visas.",
        "Pjöngjang hat 3000 Bauarbeiter mit Studentenvisa nach Russland geschickt.",
        "Pyongyang a envoyé 3 000 ouvriers du bâtiment en Russie.",
        "Pionyang envió 3.000 obreros de la construcción a Rusia.",
        "Пхеньян отправил в Россию 3 тысячи строительных рабочих.",
        "Пхеньян відправив до Росії 3 тисячі робітників-будівельників.",
        "북한은 건설 노동자 3000명을 러시아에 보냈다.",
        "北朝鮮は建設労働者3000人をロシアに送った。",
        # Ordinals in unit names.
        "Fighters of the 11th Corps of the North Korean army have been redeployed.",
        "Kämpfer des 11. Korps der nordkoreanischen Armee wurden verlegt.",
        "Бойцы 11-го корпуса армии КНДР переброшены на новые позиции.",
        "북한군 제11군단 소속 병사들이 재배치됐다.",
        # Pay per head.
        "Each North Korean soldier is reportedly paid 2,000 dollars a month.",
        "북한군 1인당 월 2000달러가 지급된다.",
        "北朝鮮兵1人当たり月2000ドルが支払われるという。",
        # Years.
        "North Korean troops have been in Russia since 2024.",
        "2024 국방백서는 북한의 러시아 파병을 다루지 않았다.",
    ],
)
def test_generalised_not_claims(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Two North Korean soldiers were taken prisoner; one of them later died.",
        "북한군 2명이 포로로 잡혔으며 그중 1명은 중상이다.",
        "北朝鮮兵2人が捕虜となり、そのうち1人は重傷だった。",
    ],
)
def test_one_of_them_is_no_figure(text: str) -> None:
    assert figs(text) == [(2, None, "captured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Context (North Korea, claimant, place) from the previous sentence.
        (
            "Пхеньян продолжает перебрасывать войска в Россию. Речь идет уже о полутора "
            "тысячах военнослужащих.",
            [(1500, "deployed", "exact", "troops", "Russia")],
        ),
        (
            "Nordkoreanische Einheiten stehen weiter in der Region Kursk. Laut Kiew wurden dort "
            "zuletzt rund 200 von ihnen getötet.",
            [(200, "killed", "approx", "troops", "Kursk")],
        ),
        (
            "Des soldats nord-coréens ont été repérés près de Koursk. Ils seraient environ 2 000 "
            "à participer aux combats.",
            [(2000, "deployed", "approx", "troops", "Kursk")],
        ),
        (
            "Власти КНДР отправили новую партию военных. По данным разведки, речь идет примерно "
            "о тысяче человек.",
            [(1000, "deployed", "approx", "troops", None)],
        ),
        # Several figures, each with its own category word.
        (
            "North Korea's losses include roughly 400 dead, 3,600 injured and three captured.",
            [
                (400, "killed", "approx", "troops", None),
                (3600, "wounded", "exact", "troops", None),
                (3, "captured", "exact", "troops", None),
            ],
        ),
        (
            "Ukrainian drones killed 25 North Korean soldiers and injured another 15 in one day.",
            [(25, "killed", "exact", "soldiers", None), (15, "wounded", "exact", "soldiers", None)],
        ),
        (
            "Українські дрони знищили 40 північнокорейських військових і ще 30 поранили.",
            [(40, "killed", "exact", "troops", None), (30, "wounded", "exact", "troops", None)],
        ),
        (
            "Украинские дроны уничтожили 40 северокорейских военных и еще 30 ранили.",
            [(40, "killed", "exact", "troops", None), (30, "wounded", "exact", "troops", None)],
        ),
        (
            "Of the North Korean personnel, 1,000 will clear mines and 5,000 will rebuild roads.",
            [
                (1000, "planned", "exact", "deminers", None),
                (5000, "planned", "exact", "builders", None),
            ],
        ),
        # Fronted and embedded figures.
        (
            "12,000: that is how many North Korean soldiers the NIS believes are in Russia.",
            [(12000, "deployed", "exact", "soldiers", "Russia")],
        ),
        (
            "U.S. officials, who had earlier put the number of North Korean soldiers in Kursk at "
            "about 8,000, now say a fresh group, believed to number some 3,000, has arrived.",
            [
                (8000, "deployed", "approx", "soldiers", "Kursk"),
                (3000, "deployed", "approx", "soldiers", None),
            ],
        ),
        # Planned: future, modal, infinitive, expectation.
        (
            "Seoul expects Pyongyang to field a 6,000-man contingent next month.",
            [(6000, "planned", "exact", "troops", None)],
        ),
        (
            "North Korea to dispatch 5,000 more troops to Russia.",
            [(5000, "planned", "exact", "troops", "Russia")],
        ),
        (
            "Hasta 25.000 soldados norcoreanos podrían estar en Kursk antes de fin de año.",
            [(25000, "planned", "up_to", "soldiers", "Kursk")],
        ),
        (
            "Nordkorea soll weitere 3000 Soldaten nach Russland schicken.",
            [(3000, "planned", "exact", "soldiers", "Russia")],
        ),
        (
            "북한은 연말까지 추가로 5000명을 파병할 계획이다.",
            [(5000, "planned", "exact", "troops", None)],
        ),
        # Killed / wounded / casualties / captured.
        (
            "The North Korean force has lost more than 300 soldiers killed in January alone.",
            [(300, "killed", "more_than", "soldiers", None)],
        ),
        (
            "Ukrainian paratroopers have taken three North Korean soldiers prisoner near Kursk.",
            [(3, "captured", "exact", "soldiers", "Kursk")],
        ),
        ("북한군 부상자가 2700명에 달한다.", [(2700, "wounded", "exact", "troops", None)]),
        ("북한군 전사자는 300명으로 집계됐다.", [(300, "killed", "exact", "troops", None)]),
        ("북한군 수십 명이 숨진 것으로 파악됐다.", [(None, "killed", "vague", "troops", None)]),
        # Qualifiers: a target is exact; verbs of exceeding are more_than.
        (
            "Россия рассчитывает увеличить контингент КНДР до 20 тысяч человек.",
            [(20000, "planned", "exact", "troops", None)],
        ),
        (
            "Las bajas norcoreanas ya superan las 5.000.",
            [(5000, "casualties", "more_than", "troops", None)],
        ),
        (
            "Die nordkoreanischen Verluste übersteigen inzwischen 5000.",
            [(5000, "casualties", "more_than", "troops", None)],
        ),
        (
            "북한군 사상자가 5000명을 넘어섰다.",
            [(5000, "casualties", "more_than", "troops", None)],
        ),
        # Places: Primorsky Krai is eastern Russia; a place named without a preposition.
        (
            "About 2,000 North Korean military personnel arrived in Primorye last week.",
            [(2000, "deployed", "approx", "personnel", "eastern Russia")],
        ),
        (
            "북한 공병 1천명이 쿠르스크 재건을 위해 파견됐다.",
            [(1000, "deployed", "exact", "engineers", "Kursk")],
        ),
    ],
)
def test_generalised_figures(text: str, expected: list[tuple]) -> None:
    got = [
        (c.figure_low, c.category, c.qualifier, c.unit, c.location) for c in extract_claims(text)
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Some 12,000 North Korean soldiers are in Russia, a U.S. defense official said.",
            "US government",
        ),
        (
            "By the Pentagon's latest count, about 12,000 North Korean soldiers are in Russia.",
            "Pentagon",
        ),
        (
            "Kyrylo Budanov gave an interview on Sunday. He said roughly 12,000 North Korean "
            "soldiers were training in Russia.",
            "Kyrylo Budanov",
        ),
        ('국정원 "북한군 사상자 3000명 넘어"', "NIS"),
        ("북한군 사상자가 3000명을 넘었다고 국정원이 밝혔다.", "NIS"),
        (
            "Rund 12.000 nordkoreanische Soldaten sind in Russland, verlautete aus ukrainischen "
            "Regierungskreisen.",
            "Ukrainian government",
        ),
        (
            "Der Militärgeheimdienst HUR geht von 12.000 nordkoreanischen Soldaten in Russland aus.",
            "GUR",
        ),
        (
            "El servicio de inteligencia de Corea del Sur estima que 12.000 soldados norcoreanos "
            "están en Rusia.",
            "NIS",
        ),
        (
            "Le Monde, qui cite le NIS, affirme que 12 000 soldats nord-coréens sont en Russie.",
            "NIS",
        ),
        (
            "Le Livre blanc sud-coréen évalue les forces spéciales nord-coréennes envoyées en Russie "
            "à 12 000 hommes.",
            "South Korean government",
        ),
        (
            "Das Weißbuch beziffert die nach Russland entsandten nordkoreanischen Spezialkräfte auf "
            "12.000 Mann.",
            "South Korean government",
        ),
        (
            "Le chef du renseignement militaire ukrainien, Kyrylo Boudanov, estime à 12 000 le "
            "nombre de soldats nord-coréens en Russie.",
            "Kyrylo Budanov",
        ),
        (
            "El jefe de la inteligencia militar ucraniana, Kirilo Budánov, afirmó que 12.000 "
            "soldados norcoreanos están en Rusia.",
            "Kyrylo Budanov",
        ),
        ("부다노프 국방정보총국장은 북한군 1만2000명이 러시아에 있다고 밝혔다.", "Kyrylo Budanov"),
        (
            "Südkoreas Generalstab meldete am Dienstag neue Truppenbewegungen. Demnach hat "
            "Pjöngjang weitere 2000 Soldaten nach Russland verlegt.",
            "JCS",
        ),
        (
            "Ukrainian marines captured two North Korean soldiers, Zelensky said.",
            "Volodymyr Zelensky",
        ),
    ],
)
def test_generalised_claimants(text: str, source: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.source for c in claims} == {source}, claims


# --- blind-set failure patterns (new sentences, not from any eval set) -------------------

_FUTURE_SENDS = [
    ("ru", "Пхеньян готовит отправку в Россию ещё от 5 до 8 тысяч военнослужащих КНДР."),
    ("ru", "Около 3 тысяч военных КНДР будут работать на восстановлении Курской области."),
    ("uk", "КНДР планує відправку ще 6 тисяч військових до Росії, повідомили в ГУР."),
    ("uk", "Пхеньян готує відправку близько 3 тисяч військових КНДР на Курщину."),
    ("de", "Der Dienst geht davon aus, dass Nordkorea weitere 5.000 Soldaten schicken wird."),
    ("de", "Nordkorea könne bis zu 10.000 weitere Soldaten schicken, hieß es in Seoul."),
    ("fr", "Pyongyang s'apprête à envoyer 3 000 soldats supplémentaires en Russie."),
    ("es", "Corea del Norte prevé enviar 6.000 soldados más a Rusia, según el NIS."),
    ("ko", "북한이 공병 6천명을 러시아에 파견할 계획이라고 국정원이 밝혔다."),
    ("ko", "북한이 수천명 규모의 추가 파병을 준비하고 있다고 합참이 밝혔다."),
    ("ja", "北朝鮮が工兵ら6000人の派遣を準備していると韓国政府が明らかにした。"),
]


@pytest.mark.parametrize(("lang", "text"), _FUTURE_SENDS)
def test_future_or_intended_sends_are_planned(lang: str, text: str) -> None:
    assert one(text, lang).category == "planned"


_CAPTURES = [
    ("uk", "У полоні перебувають двоє військових КНДР, повідомив Зеленський.", 2),
    ("ru", "Двое солдат КНДР взяты в плен в Курской области.", 2),
    ("de", "Zwei nordkoreanische Soldaten sind in ukrainische Gefangenschaft geraten.", 2),
    ("fr", "Deux soldats nord-coréens ont été faits prisonniers près de Koursk.", 2),
    ("ko", "포로로 잡힌 북한군 2명이 키이우로 이송됐다.", 2),
    ("ja", "捕虜となった北朝鮮兵2人がキーウに移送された。", 2),
]


@pytest.mark.parametrize(("lang", "text", "n"), _CAPTURES)
def test_capture_phrases(lang: str, text: str, n: int) -> None:
    c = one(text, lang)
    assert (c.category, c.figure_low) == ("captured", n)


_SPECIALISTS = [
    ("ru", "КНДР могла направить в Россию несколько тысяч артиллеристов и операторов дронов."),
    ("en", "North Korea has sent hundreds of drone operators and artillerymen to Russia."),
    ("de", "Nordkorea hat mehrere hundert Scharfschützen nach Russland geschickt."),
    ("fr", "La Corée du Nord a envoyé plusieurs centaines de tireurs d'élite en Russie."),
    ("es", "Corea del Norte envió cientos de francotiradores a Rusia."),
    ("ko", "북한 드론 운용병 수백명 러시아行"),
]


@pytest.mark.parametrize(("lang", "text"), _SPECIALISTS)
def test_specialist_units_give_vague_deployed_claims(lang: str, text: str) -> None:
    c = one(text, lang)
    assert (c.category, c.qualifier, c.unit) == ("deployed", "vague", "personnel")
    assert c.location == "Russia"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to Yonhap, about 3,000 North Korean soldiers have been wounded."),
        ("ja", "共同通信によると、北朝鮮兵約1万人がロシアに派遣された。"),
    ],
)
def test_relaying_outlet_is_not_the_claimant(lang: str, text: str) -> None:
    assert one(text, lang).source == "unattributed"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "한국군은 50만 상비 병력을 유지하고 있다."),
        ("en", "Seoul is sending 10 South Korean intelligence officers to Ukraine."),
        ("ru", "В КНДР проживает около 26 млн человек."),
        ("de", "Die EU verhängte Sanktionen gegen sieben nordkoreanische Generäle."),
    ],
)
def test_non_north_korean_troop_figures(lang: str, text: str) -> None:
    assert extract_claims(text, lang=lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Росія та КНДР разом зосередили понад 60 тисяч військових на Курщині."),
        ("en", "Russia and North Korea together have massed some 50,000 troops near Kursk."),
        (
            "ru",
            "В Курской области действует группировка до 45 тыс. военных, включая подразделения КНДР.",
        ),
        ("en", "Moscow has assembled a force of up to 45,000, including North Korean units."),
    ],
)
def test_totals_including_north_koreans_are_mixed_forces(lang: str, text: str) -> None:
    assert extract_claims(text, lang=lang) == []


def test_north_korean_figure_fighting_together_with_russians_stays() -> None:
    c = one(
        "North Korean troops, 11,000 of them, fight together with Russian units in Kursk.", "en"
    )
    assert (c.figure_low, c.category) == (11000, "deployed")


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        (
            "en",
            "Ukraine's Special Operations Forces said they had killed 50 North Korean soldiers.",
            "Ukrainian Special Operations Forces",
        ),
        (
            "uk",
            "Сили спеціальних операцій повідомили про ліквідацію 30 військових КНДР.",
            "Ukrainian Special Operations Forces",
        ),
        (
            "uk",
            "За даними розвідки, у Курській області перебувають близько 12 тисяч військових КНДР.",
            "GUR",
        ),
        (
            "de",
            "Nach südkoreanischen Schätzungen sind rund 4.000 Nordkoreaner gefallen oder verwundet worden.",
            "South Korean government",
        ),
        (
            "de",
            "Nach Angaben Kiews wurden 300 nordkoreanische Soldaten getötet.",
            "Ukrainian government",
        ),
        ("ja", "ウクライナ側によると、北朝鮮兵約3000人が死傷した。", "Ukrainian government"),
        # German genitive of a head noun with a post-modifier, and neuter adjective forms.
        (
            "de",
            "Nach Einschätzung des Instituts für Kriegsstudien könnte Pjöngjang bis zu 100.000 "
            "Soldaten schicken.",
            "ISW",
        ),
        (
            "de",
            "Das ukrainische Militär meldete die Gefangennahme von zwei nordkoreanischen Soldaten.",
            "Armed Forces of Ukraine",
        ),
    ],
)
def test_claimant_resolution_patterns(lang: str, text: str, source: str) -> None:
    assert one(text, lang).source == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part named after its whole is counted the way the whole is, where it is.
        (
            "Zelensky said about 3,000 North Korean soldiers had been killed and wounded in "
            "Kursk, of whom 1,000 were in the past week.",
            [(3000, "casualties", "Kursk"), (1000, "casualties", "Kursk")],
        ),
        (
            "Seoul said 11,000 North Korean troops were deployed, of whom 4,700 were killed or "
            "wounded.",
            [(11000, "deployed", None), (4700, "casualties", None)],
        ),
        (
            "Nach ukrainischen Angaben wurden rund 4000 nordkoreanische Soldaten getötet oder "
            "verwundet, davon etwa 1000 allein im Januar.",
            [(4000, "casualties", None), (1000, "casualties", None)],
        ),
        (
            "Le NIS estime que 11 000 soldats nord-coréens ont été déployés, dont 3 000 blessés.",
            [(11000, "deployed", None), (3000, "wounded", None)],
        ),
        (
            "북한군 사상자는 4700명으로, 이 중 사망자는 600명에 달한다고 국정원이 밝혔다.",
            [(4700, "casualties", None), (600, "killed", None)],
        ),
        (
            "North Korea has now sent roughly 14,000 troops to Russia, including 3,000 sent "
            "in January, Seoul's spy agency said.",
            [(14000, "deployed", "Russia"), (3000, "deployed", "Russia")],
        ),
        # A North Korean part of a Russian force keeps its own scope.
        (
            "Russia has massed 50,000 troops in Kursk, including 10,000 from North Korea.",
            [(10000, "deployed", "Kursk")],
        ),
        # A counting verb sizes what the sentence is about: here the deployment.
        (
            "The deployment, now numbering more than 10,000 soldiers, marks North Korea's "
            "first large-scale involvement in a foreign war.",
            [(10000, "deployed", None)],
        ),
        # Compound adjectives that state a force's size.
        (
            "Пхеньян направил в Россию десятитысячный контингент, заявил Буданов.",
            [(10000, "deployed", "Russia")],
        ),
        (
            "Північна Корея перекинула до Курської області дванадцятитисячний контингент.",
            [(12000, "deployed", "Kursk")],
        ),
        # A Russian force the North Koreans are part of is no North Korean figure.
        (
            "По данным ГУР, в Курской области действует стотысячная группировка, в которую "
            "входят около 11 тысяч военных КНДР.",
            [(11000, "deployed", "Kursk")],
        ),
    ],
)
def test_parts_and_adjective_figures(text: str, expected: list[tuple]) -> None:
    got = [(c.figure_low, c.category, c.location) for c in extract_claims(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "North Korea maintains a 1.2 million-strong army.",
        "North Korea has around 200,000 special forces, the world's largest such force.",
        "North Korea could draw on its special operations forces, estimated at some 200,000.",
        "With 1.2 million soldiers under arms, North Korea fields one of the biggest militaries.",
        "North Korea's army, numbering 1.2 million soldiers, is one of the largest.",
        "Miles Yu said North Korea's special forces number about 200,000.",
        "북한 특수작전군은 약 20만 명으로 추산된다.",
        "Армия КНДР насчитывает около 1,2 млн человек.",
        "北朝鮮の特殊部隊は約20万人規模とされる。",
        "Nordkoreas Armee gilt mit rund 1,3 Millionen aktiven Soldaten als eine der grössten.",
    ],
)
def test_national_totals_are_not_claims(text: str) -> None:
    """The whole army or a whole service is a national total, never a claim (CLAIMS.md §2)."""
    assert extract_claims(text) == []


def test_the_deployed_formation_keeps_its_size() -> None:
    """The Storm Corps' size is no national total: it stays a claim."""
    claims = extract_claims(
        "Речь идет об 11-м корпусе КНДР, в котором около 40 тысяч военнослужащих."
    )
    assert [c.figure_low for c in claims] == [40000]


def test_confidence_is_high_for_a_clear_claim_and_lower_for_weaker_cues() -> None:
    """Predicate + people noun + North Korea in one sentence is sure; a bare counter with
    the scope only in the sentence before, or a vague figure without a noun, is less so."""
    (clear,) = extract_claims(
        "South Korea's spy agency said North Korea has sent 12,000 troops to Russia."
    )
    (counter,) = extract_claims(
        "North Korea has moved troops to the border. Some 3,000 people have been sent to "
        "Kursk, officials said."
    )
    (vague,) = extract_claims(
        "North Korean troops are in Kursk. Ukraine says thousands have been sent."
    )
    assert clear.confidence == 1.0
    assert 0.0 < vague.confidence < counter.confidence < clear.confidence
    assert clear.to_dict()["confidence"] == 1.0


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Compound tenses of saying.
        (
            "Der ukrainische Präsident Wolodymyr Selenskyj hatte am Freitag gesagt, dass "
            "bereits 2.000 nordkoreanische Soldaten in Kursk verwundet worden seien.",
            "Volodymyr Zelensky",
        ),
        (
            "Le président ukrainien Volodymyr Zelensky avait annoncé jeudi la capture de trois "
            "soldats nord-coréens dans la région de Koursk.",
            "Volodymyr Zelensky",
        ),
        # A Japanese topic running on into the clause; a Korean subject with its title.
        (
            "国家情報院は20日、北朝鮮兵のうち少なくとも200人が死亡したと国会に報告した。",
            "NIS",
        ),
        (
            '젤렌스키 우크라이나 대통령이 12일 "북한 군인 3명을 생포했다"고 밝혔다.',
            "Volodymyr Zelensky",
        ),
        # The speaker of a quote, named after a title.
        (
            '"We believe 5,000 North Korean soldiers have moved to Kursk," said the spokesman '
            "of the National Security Council, John Kirby, on Monday.",
            "John Kirby",
        ),
        # German verb second.
        (
            "Am Dienstag erklärte der südkoreanische Geheimdienst, es seien 400 nordkoreanische "
            "Soldaten getötet worden.",
            "NIS",
        ),
        # An agency's country is no second claimant; a credit at the end of a headline.
        (
            "Ранее Национальная разведывательная служба (NIS) Южной Кореи заявляла, что КНДР "
            "потеряла около 500 военнослужащих.",
            "NIS",
        ),
        (
            "Rund 500 nordkoreanische Soldaten in Kursk getötet - südkoreanischer Geheimdienst",
            "NIS",
        ),
        # A lawmaker the KB knows relays the NIS when the NIS is named.
        ("李成权说，国家情报院评估认为，平壤已派遣3000名士兵至俄罗斯。", "NIS"),
        # The Ukrainian president by title; a place as the source yields to the speaker.
        (
            "The President of Ukraine said 7,000 North Korean troops are training in Russia.",
            "Volodymyr Zelensky",
        ),
        (
            "Le président ukrainien a déclaré que 9.000 soldats nord-coréens étaient à "
            "Koursk, selon les services de renseignement de Kiev.",
            "Volodymyr Zelensky",
        ),
        # US officials in Italian, Portuguese and Arabic.
        (
            "Centinaia di soldati nordcoreani sono stati uccisi, ha detto un alto funzionario "
            "militare statunitense.",
            "US government",
        ),
    ],
)
def test_claimants_on_real_text_patterns(text: str, source: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.source for c in claims} == {source}, claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Am Montag erklärte ein Sprecher, es seien 300 nordkoreanische Soldaten in Kursk "
            "getötet worden.",
            "unattributed",
        ),
        (
            "국가정보원이 제공한 위성사진입니다. 지난 16일 러시아 연해주에 있는 군사시설에 북한군으로 "
            "추정되는 인원 300여 명이 모여 있습니다",
            "NIS",
        ),
        (
            "The figure was not confirmed. The estimated number of North Korean personnel is up "
            "to two thousand people, officials said.",
            "unattributed",
        ),
    ],
)
def test_a_time_or_an_article_is_no_claimant(text: str, source: str) -> None:
    """ "Am Montag", "지난 16일 …", "The" open sentences; they name nobody."""
    assert {c.source for c in extract_claims(text)} == {source}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A name inside the quoted words does not say them.
        (
            '젤렌스키 대통령이 11일 "우크라이나군이 북한 군인 4명을 생포했다"고 밝혔다.',
            "Volodymyr Zelensky",
        ),
        # "نقلت وكالة … عن X": the outlet relays X.
        (
            "ونقلت وكالة الأنباء الروسية عن سيرغي شويغو قوله إن كوريا الشمالية سترسل 3000 "
            "جندي إلى كورسك.",
            "Sergei Shoigu",
        ),
    ],
)
def test_quoted_names_and_relays(text: str, source: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.source for c in claims} == {source}, claims


@pytest.mark.parametrize(
    "text",
    [
        # The passage starts inside a quotation that closes on its speaker.
        "Пять тысяч северокорейских военнослужащих. Мы считаем, что вскоре их будет 15 тысяч. "
        'Это произойдет скоро", - сказал Зеленский.',
        # The quotation closes at the end of a sentence; the next one names the speaker.
        "「我們的士兵俘虜了三名朝鮮軍人。目前他們正在接受審訊。」澤連斯基周日在聲明中說道。",
    ],
)
def test_a_quotation_over_several_sentences_is_its_speakers(text: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.source for c in claims} == {"Volodymyr Zelensky"}, claims
