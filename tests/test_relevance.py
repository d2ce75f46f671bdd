"""The relevance stage: on-topic means North Korea + troops + Russia/Ukraine, in every language."""

from __future__ import annotations

import asyncio

import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from pipelines.relevance import RelevancePipeline
from tests.press.routes import PressState
from troopwatch.relevance import score_relevance

ON_TOPIC = {
    "en": (
        "North Korea has sent 1,500 special forces to Russia, Seoul says",
        "South Korea's spy agency said on Friday that North Korea had dispatched about 1,500 "
        "special operations troops to Russia's far east, where they are being trained before "
        "being deployed to fight against Ukraine. Pyongyang has denied the reports.",
    ),
    "ko": (
        '국정원 "북한군 1만1천명 쿠르스크 배치"',
        "국가정보원은 13일 북한이 러시아에 파병한 병력 약 1만1천명이 쿠르스크 지역에 배치돼 "
        "우크라이나군과의 전투에 참여하기 시작했다고 밝혔다.",
    ),
    "ru": (
        "Разведка Украины заявила о переброске военных КНДР в Курскую область",
        "По данным Главного управления разведки, около 11 тысяч военнослужащих из Северной "
        "Кореи прибыли в Курскую область, где их готовят к боевым действиям против ВСУ.",
    ),
    "uk": (
        "ГУР: північнокорейські військові вже на Курщині",
        "За даними української розвідки, перші підрозділи армії КНДР прибули до Курської "
        "області Росії. Пхеньян відправив до 12 тисяч солдатів.",
    ),
    "de": (
        "Nordkoreanische Soldaten kämpfen an der Seite Russlands",
        "Nach Angaben des ukrainischen Geheimdienstes sind tausende nordkoreanische Soldaten "
        "in der Region Kursk im Einsatz. Pjöngjang hatte die Entsendung zunächst bestritten.",
    ),
    "fr": (
        "Des soldats nord-coréens déployés en Russie",
        "Selon Séoul, Pyongyang a envoyé environ 10 000 militaires en Russie, dont une partie "
        "combat désormais dans la région de Koursk contre l'armée ukrainienne.",
    ),
    "es": (
        "Corea del Norte envía miles de soldados a Rusia",
        "El servicio de inteligencia surcoreano estima que unos 11.000 soldados norcoreanos "
        "están desplegados en la región rusa de Kursk para combatir contra Ucrania.",
    ),
    "ja": (
        "北朝鮮兵、ロシア西部クルスク州に展開",
        "韓国の情報機関は、ロシアに派遣された北朝鮮兵約1万1000人がクルスク州に展開し、"
        "ウクライナ軍との戦闘に加わり始めたと明らかにした。",
    ),
}

OFF_TOPIC = {
    # North Korea and the military, no war in Europe.
    "en": (
        "North Korea fires ballistic missile into East Sea, South Korean military says",
        "North Korea fired a short-range ballistic missile off its east coast on Thursday, "
        "South Korea's Joint Chiefs of Staff said. Kim Jong Un oversaw the launch, state media "
        "reported, while US and South Korean troops held joint drills near Seoul.",
    ),
    "ko": (
        "북한, 동해상으로 탄도미사일 발사",
        "합동참모본부는 북한이 오늘 오전 평양 일대에서 동해상으로 단거리 탄도미사일 1발을 "
        "발사했다고 밝혔다. 군은 한미 연합훈련 중 감시를 강화하고 있다.",
    ),
    "ja": (
        "北朝鮮が弾道ミサイル発射",
        "防衛省によると、北朝鮮は午前、弾道ミサイル1発を日本海に向けて発射した。"
        "自衛隊の部隊が警戒を続けている。",
    ),
    # The war, no North Korea.
    "ru": (
        "Минобороны оценило потери ВСУ в Курской области",
        "Российские войска продолжают освобождение Курской области, сообщило Минобороны "
        "России. Потери украинских военных за сутки составили около 300 человек.",
    ),
    "uk": (
        "Генштаб: Росія за добу втратила 1200 військових",
        "Загальні бойові втрати російських військ в Україні зросли на 1200 осіб, повідомив "
        "Генштаб ЗСУ. Найзапекліші бої тривають на Покровському напрямку.",
    ),
    "de": (
        "Russland zieht neue Truppen an der Front zusammen",
        "Das russische Militär verlegt nach ukrainischen Angaben weitere Soldaten in die Region "
        "Saporischschja. Präsident Selenskyj forderte mehr Flugabwehr.",
    ),
    "fr": (
        "La Russie recrute 30 000 soldats par mois",
        "Selon les services ukrainiens, Moscou recrute environ 30 000 soldats chaque mois pour "
        "compenser ses pertes sur le front en Ukraine.",
    ),
    "es": (
        "Rusia recluta a unos 30.000 soldados al mes",
        "El Kremlin compensa así las bajas en Ucrania, según la inteligencia británica. "
        "Las tropas rusas avanzan lentamente en el Donbás.",
    ),
}


@pytest.mark.parametrize("lang", sorted(ON_TOPIC))
def test_on_topic_in_every_language(lang):
    title, text = ON_TOPIC[lang]
    result = score_relevance(title, text, lang)
    assert result.is_relevant, result
    assert result.score >= 0.7 and result.terms


@pytest.mark.parametrize("lang", sorted(OFF_TOPIC))
def test_off_topic_in_every_language(lang):
    title, text = OFF_TOPIC[lang]
    result = score_relevance(title, text, lang)
    assert not result.is_relevant, result
    assert result.score < 0.7


def test_inflected_forms_count():
    # Genitive / accusative / dative forms and German compounds are the same words.
    assert score_relevance(
        None, "Солдаты Северной Кореи воюют на стороне России под Курском.", "ru"
    ).is_relevant
    assert score_relevance(
        None, "Військових Північної Кореї помітили на Курщині, заявили в Україні.", "uk"
    ).is_relevant
    assert score_relevance(
        None, "Nordkoreas Elitesoldaten sollen in Russlands Kursk kämpfen.", "de"
    ).is_relevant


def test_the_three_concepts_must_be_close():
    # All three words appear, but far apart and about different things.
    text = (
        "North Korea launched a satellite on Monday. "
        + "Filler sentence about the weather. " * 5
        + "Russia said its troops had repelled an attack in Ukraine."
    )
    assert not score_relevance("Satellite launch", text, "en").is_relevant
    # "The Korean War" is not this war.
    korean_war = (
        "Veterans remembered North Korean soldiers and US troops who fought in the Korean War."
    )
    assert not score_relevance(None, korean_war, "en").is_relevant


def test_unknown_language_uses_every_pattern():
    title, text = ON_TOPIC["ja"]
    assert score_relevance(title, text, None).is_relevant
    assert score_relevance(title, text, "zh-CN").is_relevant


def test_agrees_with_every_fixture_article():
    state = PressState("http://127.0.0.1:1")
    wrong = [
        (a.slug, a.on_topic)
        for a in state.articles
        if score_relevance(a.title, a.body_text, a.lang).is_relevant != a.on_topic
    ]
    assert not wrong


# -- the pipeline stage ------------------------------------------------------------------


def pipeline(**settings) -> RelevancePipeline:
    # Scored in this process (the pool itself: test_pipeline_workers).
    crawler = get_crawler(settings_dict={"TROOPWATCH_CPU_WORKERS": 0, **settings})
    crawler.stats = MemoryStatsCollector(crawler)
    return RelevancePipeline.from_crawler(crawler)


def item(lang: str, table: dict) -> ArticleItem:
    title, text = table[lang]
    return ArticleItem(url=f"https://example.com/{lang}", title=title, text=text, lang=lang)


def test_pipeline_scores_keeps_on_topic_and_drops_off_topic_with_a_count():
    stage = pipeline()
    kept = asyncio.run(stage.process_item(item("ko", ON_TOPIC)))
    assert kept["relevance"] >= 0.7 and "북한군" in kept["relevance_terms"]
    with pytest.raises(DropItem, match="off-topic"):
        asyncio.run(stage.process_item(item("ru", OFF_TOPIC)))
    assert stage.stats.get_value("troopwatch/off_topic") == 1
    assert stage.stats.get_value("troopwatch/relevant") == 1


def test_pipeline_score_only_mode_keeps_everything():
    stage = pipeline(TROOPWATCH_RELEVANCE_ENFORCE=False)
    scored = asyncio.run(stage.process_item(item("es", OFF_TOPIC)))
    assert scored["relevance"] < 0.7
    assert stage.stats.get_value("troopwatch/off_topic") == 1
