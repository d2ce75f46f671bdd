"""Entity knowledge base and tagger: loading, resolution across languages, boundaries."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable without `pip install -e`

from troopwatch.entities import default_kb, entity_fields, load_kb, tag_entities  # noqa: E402
from troopwatch.entities.evaluate import load_items, run_eval, score  # noqa: E402
from troopwatch.entities.kb import LANGS, TYPES, alias_variants, normalize  # noqa: E402
from troopwatch.languages import LANGUAGES  # noqa: E402

CLAIMANTS = [
    "NIS", "JCS", "South Korean government", "Pentagon", "White House", "US State Department",
    "US government", "NATO", "GUR", "SBU", "Ukrainian General Staff", "Ukrainian Ministry of Defence",
    "Ukrainian government", "UK Ministry of Defence", "ISW", "KCNA", "Kremlin",
    "Russian Ministry of Defence", "Volodymyr Zelensky", "Kim Jong Un", "Kyrylo Budanov",
    "Lloyd Austin", "Mark Rutte", "Yoon Suk Yeol", "Vladimir Putin", "Dmitry Peskov",
    "Antony Blinken", "John Kirby", "Sabrina Singh", "Rustem Umerov", "Andrii Sybiha",
    "Lee Seong-kweun", "Park Sun-won", "Oleksandr Syrskyi", "Pete Hegseth", "Marco Rubio",
    "Donald Trump", "Joe Biden",
]  # fmt: skip


@pytest.fixture(scope="module")
def kb():
    return default_kb()


def ids(text: str, lang: str | None = None) -> list[str]:
    return [m.entity_id for m in tag_entities(text, lang=lang)]


# ------------------------------------------------------------------ knowledge base


def test_kb_loads_with_enough_unique_entities(kb):
    assert len(kb.entities) >= 150
    all_ids = [e.id for e in kb.entities]
    assert len(all_ids) == len(set(all_ids))
    assert {e.type for e in kb.entities} == set(TYPES)
    for e in kb.entities:
        assert e.wikidata is None or (e.wikidata.startswith("Q") and e.wikidata[1:].isdigit())
        assert set(e.aliases) <= set(LANGUAGES), e.id  # the eight of LANGS, more where known


def test_claimant_names_present(kb):
    for name in CLAIMANTS:
        e = kb.by_name(name)
        assert e is not None, name
        assert "claimant" in e.roles, name


def test_top_entities_have_many_languages(kb):
    rich = [e for e in kb.entities if len([lang for lang in LANGS if e.aliases.get(lang)]) >= 6]
    assert len(rich) >= 60


def test_no_alias_shared_by_two_entities(kb):
    clashes = {
        k: {x.entity_id for x in v if x.kind == "alias"}
        for k, v in kb.index.items()
        if len({x.entity_id for x in v if x.kind == "alias"}) > 1
    }
    assert not clashes


def test_load_kb_from_single_file(tmp_path):
    f = tmp_path / "people.yaml"
    f.write_text("- {id: x, name: Xavier Test, aliases: {ru: [Ксавье Тест]}}\n", encoding="utf-8")
    kb2 = load_kb(f)
    assert kb2.get("x").type == "person"
    assert kb2.resolve("Ксавье Теста").id == "x"


# ------------------------------------------------------------------ resolve


@pytest.mark.parametrize(
    "phrase,name",
    [
        ("National Intelligence Service", "NIS"),
        ("South Korea's spy agency", "NIS"),
        ("국가정보원", "NIS"),
        ("국정원은", "NIS"),
        ("Национальной службы разведки", "NIS"),
        ("Національна служба розвідки", "NIS"),
        ("des südkoreanischen Geheimdienstes", "NIS"),
        ("le service national de renseignement", "NIS"),
        ("Servicio Nacional de Inteligencia", "NIS"),
        ("国家情報院", "NIS"),
        ("합참", "JCS"),
        ("the Pentagon", "Pentagon"),
        ("US officials", "US government"),
        ("Головне управління розвідки", "GUR"),
        ("HUR", "GUR"),
        ("Путина", "Vladimir Putin"),
        ("Зеленського", "Volodymyr Zelensky"),
        ("Selenskyjs", "Volodymyr Zelensky"),
        ("金正恩総書記", "Kim Jong Un"),
        ("Курской области", "Kursk"),
        ("Курщині", "Kursk"),
        ("쿠르스크에서", "Kursk"),
        ("クルスク州", "Kursk"),
        ("PENTAGON", "Pentagon"),
        ("Pentagon spokesperson Sabrina Singh", "Sabrina Singh"),
    ],
)
def test_resolve(kb, phrase, name):
    e = kb.resolve(phrase)
    assert e is not None and e.name == name


def test_resolve_metonyms_need_claimant_role(kb):
    assert kb.resolve("Seoul").name == "Seoul"
    assert kb.resolve("Seoul", role="claimant").name == "South Korean government"
    assert kb.resolve("Kyiv", role="claimant").name == "Ukrainian government"
    assert kb.resolve("Washington", role="claimant").name == "US government"
    assert kb.resolve("the United States", role="claimant").name == "US government"
    assert kb.resolve("정부").name == "South Korean government"
    assert kb.resolve("Kursk", type="place").name == "Kursk"
    assert kb.resolve("Kursk", role="claimant") is None


def test_resolve_unknown_and_ambiguous(kb):
    assert kb.resolve("") is None
    assert kb.resolve("Kim") is None  # several Kims
    assert kb.resolve("the weather in Lyon") is None


# ------------------------------------------------------------------ tagger


def test_inflected_russian_and_ukrainian():
    assert ids("Путину и Зеленскому сообщили о войсках КНДР в Курской области", "ru") == [
        "vladimir-putin",
        "volodymyr-zelensky",
        "north-korea",
        "kursk",
    ]
    assert ids("Зеленським, на Курщині, у Пхеньяні, з Північною Кореєю", "uk") == [
        "volodymyr-zelensky",
        "kursk",
        "pyongyang",
        "north-korea",
    ]
    assert ids("делегация Пхеньяна и представители Северной Кореи") == ["pyongyang", "north-korea"]


def test_korean_particles_but_not_inside_words():
    assert ids("김정은은 국정원이 밝힌 쿠르스크에서 북한군이") == [
        "kim-jong-un",
        "nis",
        "kursk",
        "kpa",
    ]
    assert ids("한국어 수업과 러시아어 교재") == []  # language names are not the countries
    assert ids("김치를 먹는 친북한 단체") == []


def test_japanese_longest_match_without_boundaries():
    assert ids("北朝鮮軍がクルスク州に展開し、金正恩総書記が視察した") == [
        "kpa",
        "kursk",
        "kim-jong-un",
    ]


def test_german_french_spanish_forms():
    assert ids("Nordkoreas Soldaten, ein Sprecher des Kremls und der Kremlsprecher", "de") == [
        "north-korea",
        "kremlin",
        "kremlin",
    ]
    assert ids("selon l'OTAN et les autorités nord-coréennes", "fr") == ["nato", "kp-government"]
    assert ids("tropas norcoreanas en la región de Kursk", "es") == ["north-korea", "kursk"]


def test_word_boundaries_and_case():
    assert ids("Kimchi genius: let us discuss the union's manifesto") == []
    assert ids("NIS and the US said") == ["nis", "united-states"]
    assert ids("the nis said") == []  # acronyms are case-sensitive
    assert ids("a rubio hair colour", "es") == []  # capitalised names need capitals
    assert ids("Rubio said", "en") == ["marco-rubio"]


def test_longest_match_wins():
    ms = tag_entities("South Korea's National Intelligence Service said")
    assert [(m.entity_id, m.surface) for m in ms] == [
        ("nis", "South Korea's National Intelligence Service")
    ]
    assert ids("the Russian Ministry of Defence") == ["ru-mod"]


def test_short_forms_need_a_full_mention():
    assert ids("Austin said the troops were moving.") == []
    assert ids("Lloyd Austin spoke. Austin said the troops were moving.") == [
        "lloyd-austin",
        "lloyd-austin",
    ]
    # "Kim" stays untagged when two different Kims are named.
    text = "Kim Jong Un and Kim Yo Jong arrived; Kim waved."
    assert ids(text) == ["kim-jong-un", "kim-yo-jong"]


def test_spans_point_into_original_text():
    text = "Officials in  Seoul — and Kim Jong‑un’s aides — met NATO and Vladimir\r\nPutin."
    for m in tag_entities(text):
        assert text[m.start : m.end] == m.surface
    assert ids(text) == ["seoul", "kim-jong-un", "nato", "vladimir-putin"]
    assert [m.surface for m in tag_entities("Kim  Jong Un")] == ["Kim  Jong Un"]
    # Punctuation inside an alias folds like spaces: "U.S. officials", "U.S. Department of …".
    assert ids("U.S. officials and the U.S. Department of Defense") == ["us-government", "pentagon"]


def test_entity_fields_shape():
    ms = tag_entities(
        "Putin met Kim Jong Un in Pyongyang; KN-23 missiles and the Storm Corps; NATO"
    )
    f = entity_fields(ms)
    assert set(f) == {"people", "organisations", "places", "units", "weapons", "entity_ids"}
    assert f["people"] == ["Vladimir Putin", "Kim Jong Un"]
    assert f["places"] == ["Pyongyang"]
    assert f["weapons"] == ["KN-23"]
    assert f["units"] == ["11th Corps (Storm Corps)"]
    assert f["organisations"] == ["NATO"]
    assert f["entity_ids"][:2] == ["Q7747", "Q56226"]
    assert len(f["entity_ids"]) == len(set(f["entity_ids"]))
    assert entity_fields([])["people"] == []


def test_kb_only_without_spacy():
    ms = tag_entities("Vladimir Putin met Xavier Unknownperson in Paris.", lang="en")
    assert all(not m.entity_id.startswith("spacy:") or m.type in TYPES for m in ms)
    assert "vladimir-putin" in [m.entity_id for m in ms]


def test_normalize_keeps_length():
    s = "Ким Чен Ын — «Ёж» İstanbul ＮＡＴＯ’s"
    assert len(normalize(s)) == len(s)
    assert "путина" in alias_variants("Путин", "ru")


def test_german_genitive_inflects_the_head_noun():
    # The head is the noun before a post-modifier; feminine heads take no -s.
    forms = alias_variants("Institut für Kriegsstudien", "de")
    assert "instituts für kriegsstudien" in forms
    assert "institut für kriegsstudiens" not in forms
    assert "ukrainischen armee" in alias_variants("ukrainische Armee", "de")
    assert "ukrainische armees" not in alias_variants("ukrainische Armee", "de")
    assert "südkoreanischen geheimdienstes" in alias_variants("südkoreanischer Geheimdienst", "de")


def test_verbal_nouns_and_ukrainian_neuter_adjectives_decline():
    # "Главное управление разведки" / "Головне управління розвідки" in the genitive.
    assert "главного управления разведки" in alias_variants("Главное управление разведки", "ru")
    assert "головного управління розвідки" in alias_variants("Головне управління розвідки", "uk")
    assert ids("За даними Головного управління розвідки, у Курській області", "uk")[0] == "gur"


def test_a_capitalised_plural_noun_opening_a_phrase_declines():
    # "Сили спеціальних операцій" is no foreign name in -и: "у Силах спеціальних операцій".
    assert "силах спеціальних операцій" in alias_variants("Сили спеціальних операцій", "uk")
    assert all(v.endswith(" кирби") for v in alias_variants("Джон Кирби", "ru"))  # a name


def test_arabic_spelling_variants_are_one_name():
    # Alif with or without hamza, taa marbuta or haa: the same agency.
    assert ids("قالت الاستخبارات العسكرية الاوكرانية", "ar") == ["gur"]
    assert ids("قالت الاستخبارات العسكرية الأوكرانيه", "ar") == ["gur"]
    assert normalize("الأوكرانية") == normalize("الاوكرانيه")


# ------------------------------------------------------------------ evaluation set


def test_eval_set_and_runner():
    items = load_items()
    langs = {it["lang"] for it in items}
    assert langs >= set(LANGS)
    for lang in LANGS:
        assert sum(1 for it in items if it["lang"] == lang) >= 15
    stats = score(items)
    assert stats["ALL"]["p"] >= 0.9 and stats["ALL"]["r"] >= 0.85
    buf = io.StringIO()
    assert run_eval(out=buf) == 0
    assert "ALL" in buf.getvalue()


def test_country_pair_abbreviations():
    assert ids("북러 군사협력과 한미일 공조", "ko") == [
        "north-korea",
        "russia",
        "south-korea",
        "united-states",
        "japan",
    ]
    assert ids("露朝首脳会談", "ja") == ["russia", "north-korea"]
    assert ids("북미 시장 진출", "ko") == []  # 북미 is also "North America": not tagged


def test_acronym_words_inside_phrases_keep_capitals():
    assert ids("US officials said") == ["us-government"]
    assert ids("Us officials said") == []


def test_short_form_context_and_longer_names():
    # "Kim" alone means Kim Jong Un once North Korea is named, but not in "Kim Dong-yub".
    assert ids("North Korea said Kim would attend.") == ["north-korea", "kim-jong-un"]
    assert ids("North Korea expert Kim Dong-yub said") == ["north-korea"]


def test_newspapers_are_not_places():
    assert ids("The Washington Post and the Kyiv Independent reported") == [
        "washington-post",
        "kyiv-independent",
    ]


# -- the compiled KB (what a crawl loads instead of building it) ---------------------------

COMPILED_TEXT = (
    "Kim Jong Un sent troops of the Korean People's Army to Kursk; Генштаб ВСУ и "
    "Северная Корея; 북한군 병력이 쿠르스크에; 北朝鮮軍がクルスクに; Kremlsprecher Peskow."
)


def test_compiled_kb_is_written_once_reused_and_rebuilt_when_the_kb_changes(tmp_path):
    from troopwatch.entities.kb import COMPILED_KB_COPIES, DEFAULT_DIR, load_compiled_kb

    kb_dir, cache = tmp_path / "kb", tmp_path / "cache"
    kb_dir.mkdir()
    for f in DEFAULT_DIR.glob("*.yaml"):
        (kb_dir / f.name).write_bytes(f.read_bytes())
    expected = [m.to_dict() for m in tag_entities(COMPILED_TEXT, None, load_kb(kb_dir))]

    built = load_compiled_kb(kb_dir, cache)
    (written,) = cache.glob("kb-*.pickle")
    inode = written.stat().st_ino  # a rewrite is a rename: another inode
    loaded = load_compiled_kb(kb_dir, cache)  # from the file this time, not rewritten
    assert loaded is not built and written.stat().st_ino == inode
    for kb_ in (built, loaded):
        assert [m.to_dict() for m in tag_entities(COMPILED_TEXT, None, kb_)] == expected

    # A changed KB file is a new KB: rebuilt (the alias is found), the earlier copy kept
    # for a checkout of the earlier version (a branch beside main), not rebuilt by turns.
    people = kb_dir / "people.yaml"
    original = people.read_text(encoding="utf-8")
    added = "\n- id: test-person\n  name: Testperson Zyx\n  aliases:\n    en: [Zyxperson]\n"
    people.write_text(original + added, encoding="utf-8")
    changed = load_compiled_kb(kb_dir, cache)
    assert "test-person" in ids_with(changed, "Zyxperson arrived.")
    (rewritten,) = set(cache.glob("kb-*.pickle")) - {written}
    people.write_text(original, encoding="utf-8")
    load_compiled_kb(kb_dir, cache)
    assert written.stat().st_ino == inode  # the earlier copy, loaded, not rebuilt
    # Only the last COMPILED_KB_COPIES used stay: the copy just loaded outlives one built
    # before it.
    for n in range(COMPILED_KB_COPIES - 1):
        people.write_text(original + added.replace("Zyx", f"Zyx{n}"), encoding="utf-8")
        load_compiled_kb(kb_dir, cache)
    assert len(list(cache.glob("kb-*.pickle"))) == COMPILED_KB_COPIES
    assert not rewritten.exists()
    assert written.exists() and written.stat().st_ino == inode
    people.write_text(original + added, encoding="utf-8")
    load_compiled_kb(kb_dir, cache)
    rewritten = max(cache.glob("kb-*.pickle"), key=lambda f: f.stat().st_mtime_ns)

    # An unreadable copy costs only a rebuild.
    rewritten.write_bytes(b"not a pickle")
    assert "test-person" in ids_with(load_compiled_kb(kb_dir, cache), "Zyxperson arrived.")


def ids_with(kb_, text: str) -> list[str]:
    return [m.entity_id for m in tag_entities(text, "en", kb_)]
