"""Number grammar, sentence splitting and language guess of the claim extractor."""

from __future__ import annotations

import pytest

from troopwatch.claims import detect_lang, find_numbers, parse_number, split_sentences
from troopwatch.claims.numbers import has_number


def figures(text: str, lang: str) -> list[tuple[int | None, int | None]]:
    return [(n.low, n.high) for n in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        # digits with every grouping
        ("12,000", "en", 12000),
        ("12.000", "de", 12000),
        ("12 000", "fr", 12000),
        ("12\u00a0000", "fr", 12000),
        ("12\u202f000", "fr", 12000),
        ("12\u2009000", "ru", 12000),
        ("12'000", "de", 12000),
        ("12’000", "de", 12000),
        ("1,200,000", "en", 1200000),
        ("1.200.000", "es", 1200000),
        ("12k", "en", 12000),
        ("3000", "en", 3000),
        ("１万１０００人", "ja", 11000),
        # decimals with a scale word
        ("1.5 thousand", "en", 1500),
        ("1.2 million", "en", 1200000),
        ("1,5 тыс.", "ru", 1500),
        ("1,5 тисячі", "uk", 1500),
        ("1,5 Tausend", "de", 1500),
        ("1,2 Millionen", "de", 1200000),
        ("1,2 millions", "fr", 1200000),
        ("1,2 millones", "es", 1200000),
        ("2,5 млн", "ru", 2500000),
        # digits with a scale word
        ("12 тыс.", "ru", 12000),
        ("12 тысяч", "ru", 12000),
        ("11 тисяч", "uk", 11000),
        ("12 mil", "es", 12000),
        ("15 Tausend", "de", 15000),
        # words
        ("twelve thousand", "en", 12000),
        ("twenty-five thousand", "en", 25000),
        ("fifteen hundred", "en", 1500),
        ("half a million", "en", 500000),
        ("a dozen", "en", 12),
        ("two", "en", 2),
        ("десять тысяч", "ru", 10000),
        ("полторы тысячи", "ru", 1500),
        ("пять тысяч", "ru", 5000),
        ("трех тысячах", "ru", 3000),
        ("двоє", "uk", 2),
        ("двое", "ru", 2),
        ("дві тисячі", "uk", 2000),
        ("п’ять тисяч", "uk", 5000),
        ("півтори тисячі", "uk", 1500),
        ("zehntausend", "de", 10000),
        ("Zwölftausend", "de", 12000),
        ("zweiundzwanzigtausend", "de", 22000),
        ("dreitausendfünfhundert", "de", 3500),
        ("eine Million", "de", 1000000),
        ("dix mille", "fr", 10000),
        ("douze mille", "fr", 12000),
        ("vingt et un mille", "fr", 21000),
        ("quatre-vingt-dix", "fr", 90),
        ("doce mil", "es", 12000),
        ("diez mil", "es", 10000),
        ("cinco mil", "es", 5000),
        # Korean
        ("1만1천 명", "ko", 11000),
        ("1만 2천 명", "ko", 12000),
        ("1만2000여 명", "ko", 12000),
        ("1만1000명", "ko", 11000),
        ("만 명", "ko", 10000),
        ("3천여 명", "ko", 3000),
        ("128만 명", "ko", 1280000),
        ("1천500명", "ko", 1500),
        ("두 명", "ko", 2),
        # Japanese
        ("1万1000人", "ja", 11000),
        ("1万2千人", "ja", 12000),
        ("1.1万人", "ja", 11000),
        ("一万二千人", "ja", 12000),
        ("二人", "ja", 2),
        ("128万人", "ja", 1280000),
    ],
)
def test_single_figures(text: str, lang: str, low: int) -> None:
    n = parse_number(text, lang)
    assert n is not None
    assert (n.low, n.high, n.vague) == (low, None, False)


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("10,000 to 12,000", "en", 10000, 12000),
        ("10,000-12,000", "en", 10000, 12000),
        ("10,000–12,000", "en", 10000, 12000),
        ("10-12,000", "en", 10000, 12000),
        ("10 to 12 thousand", "en", 10000, 12000),
        ("between 11,000 and 12,000", "en", 11000, 12000),
        ("25,000 to 30,000", "en", 25000, 30000),
        ("1만~1만2천", "ko", 10000, 12000),
        ("1만에서 1만2천 명", "ko", 10000, 12000),
        ("1万人から1万2000人", "ja", 10000, 12000),
        ("1万〜1万2000人", "ja", 10000, 12000),
        ("от 10 до 12 тысяч", "ru", 10000, 12000),
        ("10–12 тыс.", "ru", 10000, 12000),
        ("від 10 до 12 тисяч", "uk", 10000, 12000),
        ("zwischen 10.000 und 12.000", "de", 10000, 12000),
        ("10.000 bis 12.000", "de", 10000, 12000),
        ("entre 10 000 et 12 000", "fr", 10000, 12000),
        ("de 10 000 à 12 000", "fr", 10000, 12000),
        ("de 10.000 a 12.000", "es", 10000, 12000),
        ("entre 10.000 y 12.000", "es", 10000, 12000),
    ],
)
def test_ranges(text: str, lang: str, low: int, high: int) -> None:
    assert figures(text, lang) == [(low, high)]


def test_range_needs_increasing_figures() -> None:
    # "2023-24" style pairs and dates are not ranges of troops
    assert figures("12,000-3,000", "en") == [(12000, None), (3000, None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("thousands", "en"),
        ("several hundred", "en"),
        ("a few thousand", "en"),
        ("hundreds", "en"),
        ("tens of thousands", "en"),
        ("dozens", "en"),
        ("수천 명", "ko"),
        ("수백 명", "ko"),
        ("数千人", "ja"),
        ("数百人", "ja"),
        ("несколько тысяч", "ru"),
        ("тысячи", "ru"),
        ("кілька сотень", "uk"),
        ("тисячі", "uk"),
        ("Tausende", "de"),
        ("mehrere tausend", "de"),
        ("des milliers", "fr"),
        ("plusieurs centaines", "fr"),
        ("miles", "es"),
        ("cientos", "es"),
    ],
)
def test_vague(text: str, lang: str) -> None:
    n = parse_number(text, lang)
    assert n is not None and n.vague and n.low is None and n.qualifier == "vague"


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        ("une centaine", "fr", 100),
        ("un millier", "fr", 1000),
        ("un millar", "es", 1000),
        ("1만여 명", "ko", 10000),
        ("около тысячи", "ru", 1000),
    ],
)
def test_approximate_nouns(text: str, lang: str, low: int) -> None:
    n = parse_number(text, lang)
    assert n is not None and n.low == low
    if lang != "ru":
        assert n.qualifier == "approx"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("천명했다", "ko"),  # a verb, not "a thousand people"
        ("백악관은", "ko"),  # the White House
        ("1.5", "en"),  # a measurement without a scale word
        ("a man", "en"),
        ("one of them", "en"),
        ("十分な", "ja"),
    ],
)
def test_not_counts(text: str, lang: str) -> None:
    assert figures(text, lang) == []


def test_has_number_prefilter() -> None:
    assert has_number("About 12,000 troops")
    assert has_number("zwei Soldaten")
    assert has_number("Zwölftausend Soldaten")
    assert has_number("북한군 두 명")
    assert has_number("des milliers de soldats")
    assert not has_number("The cat sat on the mat.")
    assert not has_number("Il a dit que la situation est grave.")


def test_split_sentences_multilingual() -> None:
    text = (
        "The U.S. and Gen. Smith said about 1.5 million were affected. A second sentence "
        "follows!\nHeading line\n국정원은 밝혔다. 북한군은 이동했다.北朝鮮が派遣した。次の文です！"
        "Он сказал: «12 тыс. военных». Am 17. Oktober kamen sie an."
    )
    sents = split_sentences(text)
    assert sents[0] == "The U.S. and Gen. Smith said about 1.5 million were affected."
    assert sents[1] == "A second sentence follows!"
    assert sents[2] == "Heading line"
    assert "국정원은 밝혔다." in sents
    assert "북한군은 이동했다." in sents
    assert "北朝鮮が派遣した。" in sents
    assert "次の文です！" in sents
    assert "Он сказал: «12 тыс. военных»." in sents
    assert "Am 17. Oktober kamen sie an." in sents


def test_split_joins_wrapped_lines() -> None:
    text = "Some\nanalysts say the war will\ngive North Korea an opportunity."
    assert split_sentences(text) == [
        "Some analysts say the war will give North Korea an opportunity."
    ]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("North Korea has sent troops to Russia.", "en"),
        ("국정원은 북한군이 파병됐다고 밝혔다.", "ko"),
        ("北朝鮮がロシアに兵士を派遣した。", "ja"),
        ("КНДР направила в Россию около 11 тысяч военных.", "ru"),
        ("КНДР відправила до Росії близько 11 тисяч військових.", "uk"),
        ("Nordkorea hat nach Angaben des Geheimdienstes Soldaten geschickt.", "de"),
        ("La Corée du Nord a envoyé des soldats en Russie selon le renseignement.", "fr"),
        ("Corea del Norte ha enviado soldados a Rusia según la inteligencia.", "es"),
    ],
)
def test_detect_lang(sentence: str, lang: str) -> None:
    assert detect_lang(sentence) == lang


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        ("речь идет о тысяче военных", "ru", 1000),
        ("примерно о трех тысячах человек", "ru", 3000),
        ("с тысячей бойцов", "ru", 1000),
        ("о полутора тысячах военнослужащих", "ru", 1500),
        ("близько тисячі військових", "uk", 1000),
    ],
)
def test_inflected_number_words(text: str, lang: str, low: int) -> None:
    assert figures(text, lang) == [(low, None)]


def test_prefilter_sees_korean_tens() -> None:
    assert has_number("북한군 수십 명이 숨졌다.")


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        ("десятитысячный контингент", "ru", 10000),
        ("стотысячная группировка", "ru", 100000),
        ("двадцатипятитысячный корпус", "ru", 25000),
        ("полуторатысячный отряд", "ru", 1500),
        ("п’ятнадцятитисячний контингент", "uk", 15000),
        ("стотисячне угруповання", "uk", 100000),
        ("полумиллионная армия", "ru", 0),
        ("тысячный раз", "ru", 0),
    ],
)
def test_compound_adjective_numbers(text: str, lang: str, low: int) -> None:
    # "тысячный" alone is the ordinal, and only real numerals make a stem.
    if low:
        assert has_number(text)  # the prefilter must let the sentence through
    assert [n.low for n in find_numbers(text, lang)] == ([low] if low else [])


def test_at_least_one_is_a_count_a_lone_one_is_not() -> None:
    from troopwatch.claims import extract_claims

    got = extract_claims("At least one North Korean soldier died in Ukrainian custody, Kyiv said.")
    assert [(c.figure_low, c.qualifier, c.category) for c in got] == [(1, "at_least", "killed")]
    assert extract_claims("One North Korean soldier spoke to reporters in Kyiv.") == []


def test_digits_hyphen_hundred_is_one_number() -> None:
    from troopwatch.claims import find_numbers

    assert [(n.low, n.high) for n in find_numbers("roughly 27-hundred wounded", "en")] == [
        (2700, None)
    ]
