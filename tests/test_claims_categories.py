"""Categories and figures by class of phrasing (issue 11), each class in several languages.

Every sentence is written for these tests; none is taken from a labelled evaluation set.
A class is one kind of phrasing (a verb per figure with one shared noun, a military
modifier after a workers noun, a duration joined to its number, …), checked in each
language where it exists.
"""

from __future__ import annotations

import pytest

from troopwatch.claims import extract_claims


def figs(text: str) -> list[tuple]:
    return sorted(
        ((c.figure_low, c.figure_high, c.category) for c in extract_claims(text)),
        key=lambda f: (f[0] or 0, f[2]),
    )


# Two verbs, one figure each, one noun after the second figure: each figure is its verb's.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Ukrainian drone units killed 45 and wounded 60 North Korean soldiers near Sudzha.",
            [(45, None, "killed"), (60, None, "wounded")],
        ),
        (
            "Kyiv said its paratroopers killed 120 and captured 3 North Korean soldiers last week.",
            [(3, None, "captured"), (120, None, "killed")],
        ),
    ],
)
def test_one_verb_per_figure_with_a_shared_noun(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# The North Korean adjective after the noun is part of the noun phrase: the verb after it
# belongs to that figure, not to the next one ("N جندي كوري شمالي قتلوا وأصيب M آخرون").
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "قال مسؤول إن نحو 250 جنديا كوريا شماليا قتلوا وأصيب 1800 آخرون في المعارك.",
            [(250, None, "killed"), (1800, None, "wounded")],
        ),
        (
            "Según Kiev, unos 250 soldados norcoreanos murieron y otros 1.800 resultaron heridos.",
            [(250, None, "killed"), (1800, None, "wounded")],
        ),
    ],
)
def test_nationality_after_the_noun_puts_no_distance(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Workers described as military after the noun are military personnel (CLAIMS.md §2 drops
# only civilian workers); coordinated objects of a plan are both planned.
@pytest.mark.parametrize(
    "text",
    [
        "Según Moscú, Corea del Norte enviará 800 zapadores y 4.000 trabajadores de "
        "construcción militar a la región de Kursk.",
        "Secondo Mosca, la Corea del Nord invierà 800 genieri e 4.000 operai edili militari "
        "nella regione di Kursk.",
        "Segundo Moscou, a Coreia do Norte enviará 800 sapadores e 4.000 trabalhadores da "
        "construção militar para a região de Kursk.",
    ],
)
def test_military_workers_named_after_the_noun(text: str) -> None:
    assert figs(text) == [(800, None, "planned"), (4000, None, "planned")]


def test_civilian_workers_stay_out() -> None:
    text = "Según Moscú, Corea del Norte enviará 4.000 trabajadores de fábricas a Rusia."
    assert figs(text) == []


# A number joined to a unit of time is a duration, not a head count.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Sieben nordkoreanische Soldaten sind während des 90-tägigen Einsatzes ums Leben "
            "gekommen.",
            [(7, None, "killed")],
        ),
        (
            "Seven North Korean soldiers died during the 90-day mission in Kursk.",
            [(7, None, "killed")],
        ),
    ],
)
def test_duration_joined_to_its_number(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Collective numerals count people (Ukrainian/Russian дев'ятеро, семеро …).
@pytest.mark.parametrize(
    "text, want",
    [
        ("Під час розмінування в Курській області загинуло семеро північнокорейських солдатів.", 7),
        ("При разминировании в Курской области погибли шестеро северокорейских военных.", 6),
    ],
)
def test_collective_numerals(text: str, want: int) -> None:
    assert figs(text) == [(want, None, "killed")]


# Words of dying that state media use ("牺牲") and perfect participles ("haviam morrido").
@pytest.mark.parametrize(
    "text, want",
    [
        ("朝鲜官方媒体称,共有12名朝鲜士兵在排雷任务中牺牲。", [(12, None, "killed")]),
        (
            "Segundo Kiev, cerca de 150 soldados norte-coreanos haviam morrido em janeiro.",
            [(150, None, "killed")],
        ),
    ],
)
def test_killed_words(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A part of a figure written with the partitive article ("dei", "dos"): the casualty verb
# is the part's, the sending participle describes the whole.
@pytest.mark.parametrize(
    "text",
    [
        "Secondo Seul, oltre 800 dei circa 11mila soldati nordcoreani inviati in Russia "
        "sarebbero stati uccisi o feriti.",
        "Segundo Seul, mais de 800 dos cerca de 11 mil soldados norte-coreanos enviados à "
        "Rússia foram mortos ou feridos.",
    ],
)
def test_partitive_article_part_of_a_whole(text: str) -> None:
    assert figs(text) == [(800, None, "casualties"), (11000, None, "deployed")]


# A future or modal right before the figure, with no verb of its own: a plan (CLAIMS.md §3
# "may soon have as many as"); a perfect verb after it in a verb-final clause keeps it done.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Kyiv warned that Russia may soon have as many as 15,000 North Korean soldiers.",
            [(15000, None, "planned")],
        ),
        (
            "По данным Киева, скоро в Курской области будет 8 тыс. северокорейских солдат.",
            [(8000, None, "planned")],
        ),
        (
            "Laut Seoul soll Nordkorea etwa 9.000 Soldaten nach Russland geschickt haben.",
            [(9000, None, "deployed")],
        ),
    ],
)
def test_modal_before_the_figure(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# "The number of X on Russian soil … could rise to N": the country after "on the soil of"
# is where they are, not whose they are.
@pytest.mark.parametrize(
    "text",
    [
        "Seúl cree que la cantidad de soldados norcoreanos en territorio ruso podría aumentar "
        "a 14.000.",
        "Seul acredita que a quantidade de soldados norte-coreanos em território russo poderá "
        "subir a 14.000.",
    ],
)
def test_number_of_personnel_rising_to(text: str) -> None:
    assert figs(text) == [(14000, None, "planned")]


# Orders, decisions, forecasts and intentions to send, in each language's own form: planned.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Kim Jong Un has ordered the dispatch of 4,000 North Korean sappers to Kursk.", 4000),
        ("Moscou a dit que Pyongyang allait envoyer 4 000 soldats nord-coréens en Russie.", 4000),
        (
            "Seul ha confermato la decisione di inviare 4.000 soldati nordcoreani in Russia.",
            4000,
        ),
        ("Seul prevê um total de 4.000 soldados norte-coreanos na Rússia até março.", 4000),
        ("북한은 북한군 공병 4000명을 러시아에 추가로 투입하겠다고 밝혔다.", 4000),
        # Getting ready to send, with a reflexive verb.
        ("Pyongyang se prepara para desplegar otros 4.000 soldados norcoreanos.", 4000),
        ("Corea del Norte está preparándose para enviar 4.000 soldados a Rusia.", 4000),
        ("Pyongyang prepara-se para enviar mais 4.000 soldados norte-coreanos.", 4000),
        ("A Coreia do Norte está a preparar o envio de 4.000 soldados para Kursk.", 4000),
        # An agreement, a decision or a preparation named as a noun.
        (
            "Москва и Пхеньян достигли договоренности о направлении 4000 северокорейских военных.",
            4000,
        ),
        (
            "Між Москвою та КНДР є домовленість про направлення ще 4000 північнокорейських військових.",
            4000,
        ),
        (
            "Schoigu verkündete die Entscheidung, 4.000 nordkoreanische Soldaten nach Kursk zu schicken.",
            4000,
        ),
        ("Seul: Pyongyang sta preparando l'invio di 4.000 soldati nordcoreani in Russia.", 4000),
        ("Kiev met en garde contre l'arrivée imminente de 4 000 soldats nord-coréens.", 4000),
        # Being got ready, expected, heading there, the future of any verb.
        (
            "Zelensky said 4,000 North Korean soldiers are being prepared to join the fighting.",
            4000,
        ),
        ("Segundo Kiev, mais 4.000 soldados norte-coreanos são esperados em Kursk.", 4000),
        ("I primi 4.000 soldati nordcoreani andranno al fronte di Kursk, secondo Kiev.", 4000),
        ("Перші 4000 північнокорейських військових вирушать до Курської області.", 4000),
        ("ウクライナ軍によると、北朝鮮兵4000人がクルスク州に向かう。", 4000),
        ("泽连斯基说，朝鲜正在准备4000名士兵。", 4000),
        ("Bis zu 4.000 nordkoreanische Soldaten sollen es nach Angaben Seouls werden.", 4000),
        ("Según Kiev, Corea del Norte puede traer 4.000 soldados más a Kursk.", 4000),
    ],
)
def test_orders_and_intentions_are_plans(text: str, want: int) -> None:
    assert figs(text) == [(want, None, "planned")]


# A verb of purpose ("pour participer", "per combattere") says what they are for; figures
# coordinated after a plan share it even when the first noun has modifiers.
def test_purpose_verb_yields_to_a_plan() -> None:
    text = (
        "Moscou a annoncé l'arrivée prochaine de 3 000 ouvriers militaires et de 700 sapeurs "
        "nord-coréens pour participer à la reconstruction."
    )
    assert figs(text) == [(700, None, "planned"), (3000, None, "planned")]


# The whole army or a whole service is no claim (CLAIMS.md §2), whatever verb it has: no
# contingent sent is larger than the largest formation.
@pytest.mark.parametrize(
    "text",
    [
        "El ejército norcoreano es enorme. Está formado por 1,1 millones de efectivos.",
        "L'esercito nordcoreano conta 1,1 milioni di soldati e oltre 6 milioni tra riservisti.",
        "朝鲜拥有120万现役军人。",
    ],
)
def test_national_totals_are_no_claims(text: str) -> None:
    assert figs(text) == []


# Unit numbers after the unit noun, measures and areas are no head counts.
@pytest.mark.parametrize(
    "text",
    [
        "أشاد كيم بضباط وجنود الفوج 317 من سلاح المهندسين في الجيش الكوري الشمالي.",
        "Kim praised the officers and soldiers of North Korean Regiment 317 for their service.",
        "북한군 병력은 82mm 박격포로 무장했다.",
        "北朝鮮部隊は3万1,500ヘクタールの土地で地雷を除去したという。",
    ],
)
def test_identifiers_and_measures(text: str) -> None:
    assert figs(text) == []


# Korean, Japanese, Chinese: killed, wounded and casualties listed with one figure each.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "국방부는 북한군 피해가 사망 200여 명, 부상 1500여 명으로 사상자 수는 약 1700명에 "
            "이른다고 밝혔다.",
            [(200, None, "killed"), (1500, None, "wounded"), (1700, None, "casualties")],
        ),
        (
            "据报道,援俄朝军已有200多人死亡,1500人受伤,伤亡人数超过1700人。",
            [(200, None, "killed"), (1500, None, "wounded"), (1700, None, "casualties")],
        ),
        (
            "韓国軍によると、北朝鮮兵は戦闘で1700人以上の死傷者が出たという。",
            [(1700, None, "casualties")],
        ),
    ],
)
def test_cjk_casualty_lists(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# "Already" in the figure's clause: there already, whatever plan the sentence also names;
# Chinese 将 after 已 marks the object, not the future.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "北朝鮮は派兵を決定し、すでに工兵の2000人がロシア入りしているという。",
            [(2000, None, "deployed")],
        ),
        (
            "Secondo Seul, sono circa 2000 i soldati nordcoreani già in Russia.",
            [(2000, None, "deployed")],
        ),
        ("据报道,朝鲜已将8000名士兵派往俄罗斯。", [(8000, None, "deployed")]),
        (
            "平壤正计划派遣4000名士兵至俄罗斯，其中700人已抵达。",
            [(700, None, "deployed"), (4000, None, "planned")],
        ),
    ],
)
def test_already_there(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Casualty words that are a purpose's object ("to replace the dead") do not count these.
@pytest.mark.parametrize(
    "text",
    [
        "Seul stima che Pyongyang abbia inviato 2.500 soldati per rimpiazzare i caduti.",
        "Seoul said Pyongyang sent 2,500 North Korean soldiers to replace the dead.",
    ],
)
def test_casualties_as_purpose_object(text: str) -> None:
    assert figs(text) == [(2500, None, "deployed")]


# Capture and casualty verbs with the capturing side as subject.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Украина захватила трех раненых северокорейских солдат.", [(3, None, "captured")]),
        (
            "قالت أوكرانيا إن قواتها قتلت أو أصابت نحو 40 جندياً كورياً شمالياً.",
            [(40, None, "casualties")],
        ),
    ],
)
def test_active_capture_and_casualty_verbs(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Russian and North Korean soldiers coordinated in Chinese, Korean, Japanese: a mixed force.
@pytest.mark.parametrize(
    "text",
    [
        "泽连斯基说,有数百名俄罗斯和朝鲜士兵遭到消灭。",
        "젤렌스키는 러시아와 북한 병사 수백 명이 사망했다고 말했다.",
        "ゼレンスキー氏は、ロシアと北朝鮮の兵士数百人が死亡したと述べた。",
    ],
)
def test_mixed_force_coordinated_in_cjk(text: str) -> None:
    assert figs(text) == []


def test_german_kraefte_count_personnel() -> None:
    text = "Nordkorea will 3.000 Kräfte der Pioniertruppen nach Kursk entsenden."
    assert figs(text) == [(3000, None, "planned")]


# "The number of X … was/exceeded N": the figure is the predicate of a number-of phrase.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Segundo Kiev, o número de soldados norte-coreanos mortos ou feridos na região de "
            "Kursk já ultrapassou os 2.500.",
            [(2500, None, "casualties")],
        ),
        (
            "قال المسؤول إن عدد الضحايا في صفوف القوات الكورية الشمالية تجاوز 3 آلاف، بينهم "
            "نحو 200 قتيل.",
            [(200, None, "killed"), (3000, None, "casualties")],
        ),
    ],
)
def test_number_of_as_predicate(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Arabic deaths counted as cases, and dual verbs of two soldiers.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "قدرت سيول عدد الضحايا الكوريين الشماليين ب 4 آلاف، بما في ذلك 500 حالة وفاة.",
            [(500, None, "killed"), (4000, None, "casualties")],
        ),
        ("قالت كييف إن جنديين كوريين شماليين أسرا في كورسك.", [(2, None, "captured")]),
    ],
)
def test_arabic_death_cases_and_duals(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# An estimate of what is there ("…に上るとの見方") is no plan; a forecast ("見通し") is.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "国家情報院は、死傷した北朝鮮兵がおよそ2500人に上るとの見方を示した。",
            [(2500, None, "casualties")],
        ),
        (
            "国家情報院は、派遣される北朝鮮兵が年末までに2万人に上る見通しだと明らかにした。",
            [(20000, None, "planned")],
        ),
    ],
)
def test_japanese_estimate_is_no_plan(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Soon-to-arrive adverbs before a verb-final sending verb; coordinated Chinese objects of a
# plan (以及) share it.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "国防当局は、北朝鮮の工兵800人が間もなくクルスクに到着すると発表した。",
            [(800, None, "planned")],
        ),
        ("국방부는 북한군 공병 800명이 곧 쿠르스크에 도착한다고 밝혔다.", [(800, None, "planned")]),
        (
            "俄方宣布,将部署800名朝鲜工兵以及约3000名朝鲜工人,参与重建工作。",
            [(800, None, "planned"), (3000, None, "planned")],
        ),
    ],
)
def test_soon_and_coordinated_plans_cjk(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


def test_korean_immediately_is_not_soon() -> None:
    text = "북한군 공병 800명이 곧바로 쿠르스크에 도착했다."
    assert figs(text) == [(800, None, "deployed")]


# "Between" ranges with an article before each end.
@pytest.mark.parametrize(
    "text",
    [
        "Secondo Seul, tra i 9mila e gli 11mila soldati nordcoreani sono stati schierati a Kursk.",
        "Selon Séoul, entre les 9 000 et les 11 000 soldats nord-coréens ont été déployés à Koursk.",
    ],
)
def test_between_range_with_articles(text: str) -> None:
    assert figs(text) == [(9000, 11000, "deployed")]


# "N others" counts more of the noun before it, however far in its sentence; a hedge before
# the figure is no preposition of the noun before it ("last month and at least 2,700").
@pytest.mark.parametrize(
    "text",
    [
        "Seoul said 250 North Korean soldiers were killed in heavy fighting near Kursk last "
        "month and at least 1,900 others were wounded.",
        "Selon Séoul, 250 soldats nord-coréens ont été tués lors des combats près de Koursk, et "
        "au moins 1900 autres ont été blessés.",
    ],
)
def test_others_take_the_noun_before(text: str) -> None:
    assert figs(text) == [(250, None, "killed"), (1900, None, "wounded")]


def test_others_before_a_noun_is_no_pronoun() -> None:
    text = "North Korea sent 3,000 North Korean troops and 1,000 other soldiers to Kursk."
    assert figs(text) == [(1000, None, "deployed"), (3000, None, "deployed")]


# Workers listed with troops as the objects of one dispatch are part of it; workers called
# civilian stay out (CLAIMS.md §2), whatever they are listed with.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "North Korea will send 1,000 sappers and 5,000 construction workers to Kursk.",
            [(1000, None, "planned"), (5000, None, "planned")],
        ),
        (
            "Nordkorea wird 1.000 Pioniere und 5.000 Bauarbeiter nach Kursk schicken.",
            [(1000, None, "planned"), (5000, None, "planned")],
        ),
        (
            "Corea del Norte enviará mil zapadores y cinco mil trabajadores de la construcción.",
            [(1000, None, "planned"), (5000, None, "planned")],
        ),
        (
            "La Corée du Nord enverra 1 000 militaires du génie et 5 000 travailleurs du "
            "bâtiment dans la région de Koursk.",
            [(1000, None, "planned"), (5000, None, "planned")],
        ),
        (
            "Pyongyang sent 15,000 civilian workers and 1,000 soldiers to Russia.",
            [(1000, None, "deployed")],
        ),
    ],
)
def test_workers_listed_with_troops_in_one_dispatch(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# The future tense of the verb whose subject is the figure makes it a plan (French,
# Spanish, Italian, Portuguese inflect it on any verb), with no verb of sending at all.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Selon Moscou, 3 000 soldats nord-coréens se chargeront du déminage de la région.",
            [(3000, None, "planned")],
        ),
        (
            "Según Moscú, 3.000 soldados norcoreanos se encargarán del desminado de la región.",
            [(3000, None, "planned")],
        ),
        (
            "Secondo Mosca, 3.000 soldati nordcoreani si occuperanno dello sminamento.",
            [(3000, None, "planned")],
        ),
        (
            "Segundo Moscou, 3.000 soldados norte-coreanos cuidarão da desminagem da região.",
            [(3000, None, "planned")],
        ),
        # A perfect or reported past stays deployed.
        (
            "Selon Kiev, 3 000 soldats nord-coréens se sont chargés du déminage de la région.",
            [(3000, None, "deployed")],
        ),
    ],
)
def test_future_tense_of_the_figures_verb_is_a_plan(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# "en plus de" (in addition to) is no "more than": the figure is exact.
def test_in_addition_to_is_no_hedge() -> None:
    claims = extract_claims(
        "La Corée du Nord enverra 5 000 ouvriers militaires, en plus de 1 000 sapeurs."
    )
    assert [(c.figure_low, c.qualifier) for c in claims] == [(5000, "exact"), (1000, "exact")]


# North Korea named after the last of two coordinated noun phrases owns both.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Moscow's security council announced the arrival of 2,000 military builders and 500 "
            "sappers from North Korea.",
            [(500, None, "deployed"), (2000, None, "deployed")],
        ),
        (
            "Der russische Sicherheitsrat kündigte die Ankunft von 2.000 Bausoldaten und 500 "
            "Pionieren aus Nordkorea an.",
            [(500, None, "deployed"), (2000, None, "deployed")],
        ),
    ],
)
def test_a_trailing_nationality_owns_both_coordinated_nouns(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# German reported speech: "würden … eingesetzt" is "are deployed" in the subjunctive of
# indirect speech; with an infinitive or "eingesetzt werden" it stays "would deploy".
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Nach Angaben aus Seoul würden 3.000 nordkoreanische Soldaten an der Front eingesetzt.",
            [(3000, None, "deployed")],
        ),
        (
            "Weitere 800 nordkoreanische Pioniere würden zur Minenräumung verlegt, hieß es.",
            [(800, None, "deployed")],
        ),
        (
            "Weitere 800 nordkoreanische Pioniere würden nach Kursk verlegt werden.",
            [(800, None, "planned")],
        ),
        ("Nordkorea würde weitere 800 Pioniere nach Russland schicken.", [(800, None, "planned")]),
    ],
)
def test_german_reported_passive_is_no_plan(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Korean: the present adnominal of an active sending verb names a dispatch not yet done.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "북한이 공병 2000명을 러시아에 파견하는 것은 재건에 초점을 맞춘 것으로 보인다.",
            [(2000, None, "planned")],
        ),
        (
            "북한군 3000명을 추가로 보내는 결정이 내려졌다고 정부는 밝혔다.",
            [(3000, None, "planned")],
        ),
        ("북한이 공병 2000명을 러시아에 파견한 것으로 확인됐다.", [(2000, None, "deployed")]),
    ],
)
def test_korean_present_adnominal_sending_is_a_plan(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A country adjective of a place noun names a place, not the owner of the figure after it;
# and a figure with no verb of its own takes the nearest verb with its modality (a plan).
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Corea del Norte ha decidido enviar 800 zapadores para desminar el territorio ruso, "
            "así como dos mil trabajadores de construcción militar.",
            [(800, None, "planned"), (2000, None, "planned")],
        ),
        (
            "La Corée du Nord a décidé d'envoyer 800 sapeurs pour déminer le territoire russe, "
            "ainsi que deux mille soldats du génie.",
            [(800, None, "planned"), (2000, None, "planned")],
        ),
    ],
)
def test_place_adjective_is_no_owner_and_far_verb_keeps_its_plan(
    text: str, want: list[tuple]
) -> None:
    assert figs(text) == want


# A decision to send is a plan in French too ("a décidé d'envoyer", "la décision de").
def test_french_decision_to_send_is_a_plan() -> None:
    assert figs("La Corée du Nord a décidé d'envoyer 3 000 soldats en Russie.") == [
        (3000, None, "planned")
    ]


# "The North" in Romance languages names North Korea (capitalised: never a direction).
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Secondo Seul il Nord ha inviato circa 2.000 soldati in Russia.",
            [(2000, None, "deployed")],
        ),
        (
            "Selon Séoul, le Nord a envoyé environ 2 000 soldats en Russie.",
            [(2000, None, "deployed")],
        ),
        (
            "Según Seúl, el Norte ha enviado unos 2.000 soldados a Rusia.",
            [(2000, None, "deployed")],
        ),
        (
            "Segundo Seul, o Norte enviou cerca de 2.000 soldados à Rússia.",
            [(2000, None, "deployed")],
        ),
        ("Nel nord della Russia sono arrivati 2.000 soldati.", []),
    ],
)
def test_the_north_in_romance_languages(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A force planned at a size is a plan: "une force nord-coréenne prévue de 10 000 hommes".
def test_french_force_planned_at_a_size() -> None:
    got = figs(
        "Séoul confirme que 1 500 soldats nord-coréens sont arrivés, sur une force "
        "nord-coréenne prévue de 8 000 hommes."
    )
    assert got == [(1500, None, "deployed"), (8000, None, "planned")]


# Kim Jong Un by his title alone names North Korea in Korean; another side's attack
# ("우크라이나의 공격", "the Ukrainian offensive") owns no personnel and is no predicate.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "김 위원장은 공병 800명과 우크라이나의 공격으로 파괴된 시설을 복구할 군사 건설 인력 "
            "3000명을 파견하기로 했다.",
            [(800, None, "planned"), (3000, None, "planned")],
        ),
        ("김 위원장은 병력 2000명을 러시아에 추가로 파병했다.", [(2000, None, "deployed")]),
        (
            "North Korea decided to send 800 sappers and, to rebuild what Ukraine's offensive "
            "destroyed, 3,000 military builders.",
            [(800, None, "planned"), (3000, None, "planned")],
        ),
    ],
)
def test_kim_by_title_and_another_sides_attack(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Rounds and ranks are no head counts: "1차 수송" (the first transport), "두 번째".
def test_korean_rounds_are_no_figures() -> None:
    assert figs("북한군 1차 수송 병력은 2000여명으로 파악됐다.") == [(2000, None, "deployed")]


# North Korea stays the topic through one sentence without a number or another side;
# a sentence naming another side ends it.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "North Korea has sent 3,000 troops to Russia. They are mostly special forces. "
            "Officials said about 500 of them were wounded.",
            [(500, None, "wounded"), (3000, None, "deployed")],
        ),
        (
            "North Korea has sent 3,000 troops to Russia. Russia's army is much larger. "
            "Officials said about 500 of them were wounded.",
            [(3000, None, "deployed")],
        ),
    ],
)
def test_topic_carried_over_a_sentence_without_figures(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A dispatch in the simple present is announced, not done, when the next sentence says in
# the future what they will do; "since" a date, or no such sentence, keeps it deployed.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Nordkorea schickt 3000 Pioniere nach Russland. Sie sollen dort Minen räumen.",
            [(3000, None, "planned")],
        ),
        (
            "La Corée du Nord envoie 3 000 sapeurs en Russie. Ils devraient déminer la région.",
            [(3000, None, "planned")],
        ),
        (
            "North Korea sends 3,000 sappers to Russia. They will clear mines in Kursk.",
            [(3000, None, "planned")],
        ),
        (
            "Corea del Norte envía 3.000 zapadores a Rusia. Los zapadores van a desminar Kursk.",
            [(3000, None, "planned")],
        ),
        (
            "Nordkorea schickt seit September 3000 Pioniere nach Russland. Sie sollen dort "
            "Minen räumen.",
            [(3000, None, "deployed")],
        ),
        ("Nordkorea schickt 3000 Pioniere nach Russland.", [(3000, None, "deployed")]),
        (
            "North Korea sends 3,000 sappers to Russia. Russia will pay for the operation.",
            [(3000, None, "deployed")],
        ),
    ],
)
def test_present_dispatch_with_a_future_after_is_a_plan(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Scope in Chinese/Japanese/Spanish: another army's ship or plane owns no personnel
# (俄罗斯军舰); a North Korean noun right after the counter is the figure's own, so a part
# named after 其中 is no mixed force; "Pionyang" names North Korea in Spanish.
@pytest.mark.parametrize(
    "text, want",
    [
        ("首批2000名朝鲜军人搭乘俄罗斯军舰抵达了俄罗斯。", [(2000, None, "deployed")]),
        ("北朝鮮兵2000人がロシア軍艦でロシアに到着した。", [(2000, None, "deployed")]),
        (
            "美方表示,目前有9000名朝鲜人民军被派驻俄罗斯,其中约5000人已在库尔斯克州,但朝军是否参战尚不清楚。",
            [(5000, None, "deployed"), (9000, None, "deployed")],
        ),
        (
            "Según Seúl, Pionyang ha enviado ya unos 2.000 soldados a Rusia.",
            [(2000, None, "deployed")],
        ),
    ],
)
def test_cjk_scope_ships_counters_and_pyongyang(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# The deployed formation as the subject of a figure with no verb of its own is its size
# (CLAIMS.md §3 force_size); a verb of sending or losing keeps its own category.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "The Storm Corps is estimated at 40,000 to 80,000 troops.",
            [(40000, 80000, "force_size")],
        ),
        ("The Storm Corps sent 10,000 troops to Kursk.", [(10000, None, "deployed")]),
        ("Der Sturmkorps hat 4.000 Soldaten verloren.", [(4000, None, "casualties")]),
    ],
)
def test_formation_as_subject_is_its_size(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# An earlier estimate given for contrast with no noun of its own counts the personnel the
# sentence names (CLAIMS.md §6: its own claim), in every language with such an estimate.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "North Korea has sent about 9,000 troops to Russia, officials said, up from an "
            "earlier estimate of 2,000 from last month.",
            [(2000, None, "deployed"), (9000, None, "deployed")],
        ),
        (
            "Seul ha confermato l'invio di truppe nordcoreane in Russia, ma il numero era stato "
            "stimato in 2.500.",
            [(2500, None, "deployed")],
        ),
        (
            "Tropas norte-coreanas foram enviadas à Rússia, e Kiev estimou seus números em 2.500.",
            [(2500, None, "deployed")],
        ),
        # No personnel named: an estimate of something else stays out.
        ("North Korea's trade with Russia was estimated at 2,500 last year.", []),
    ],
)
def test_contrast_estimate_without_a_noun(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# German: "weitere" as a pronoun before its verb counts more of the noun before it; as an
# adjective ("weitere Pioniere") it is not; compound loss nouns ("Kriegsverluste") are losses.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Mindestens 200 nordkoreanische Soldaten seien getötet worden und etwa 1.500 weitere "
            "wurden verwundet.",
            [(200, None, "killed"), (1500, None, "wounded")],
        ),
        (
            "Von den 9.000 aus Nordkorea geschickten Soldaten hätten 2.500 Kriegsverluste erlitten.",
            [(2500, None, "casualties"), (9000, None, "deployed")],
        ),
        (
            "Nordkoreanische Truppen hätten laut Kiew bisher 2.500 Kriegsverluste erlitten.",
            [(2500, None, "casualties")],
        ),
    ],
)
def test_german_weitere_and_compound_losses(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A definite article before a figure already claimed in the text points back to it: one
# claim (CLAIMS.md §6), not a second one with another category.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Kyiv said it captured two North Korean soldiers in Kursk. The two soldiers had "
            "been sent to Russia for training, officials said.",
            [(2, None, "captured")],
        ),
        (
            "L'Ucraina ha catturato due soldati nordcoreani. I due soldati erano stati inviati "
            "in Russia per un addestramento.",
            [(2, None, "captured")],
        ),
        # First mention with an article is a claim.
        (
            "The 3,000 North Korean troops sent to Kursk have been fighting since December.",
            [(3000, None, "deployed")],
        ),
    ],
)
def test_definite_article_points_back_to_a_claimed_figure(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A deadline right after a figure with no noun ("10,000 by December", "entro dicembre",
# "d'ici décembre") leaves it a figure of the personnel named: a plan with a date.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "About 2,000 North Korean troops are already in Russia, with a forecast of 8,000 by "
            "December.",
            [(2000, None, "deployed"), (8000, None, "planned")],
        ),
        (
            "Sono circa 2000 i militari nordcoreani già in Russia, con la previsione di 8000 "
            "entro dicembre.",
            [(2000, None, "deployed"), (8000, None, "planned")],
        ),
    ],
)
def test_deadline_after_a_figure_without_noun(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# North Korea's own news agency reporting its soldiers names North Korea (Arabic, as
# 조선중앙통신 does in Korean).
def test_kcna_in_arabic_names_north_korea() -> None:
    text = "وأفادت وكالة الأنباء المركزية الكورية أن سبعة من أفراد الوحدة لقوا حتفهم في كورسك."
    assert figs(text) == [(7, None, "killed")]


# Korean/Japanese name the part before the whole: the whole that includes the dead is the
# casualties ("死者500人を含む計約3000人", "사망자 500명을 포함한 3000명").
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "派遣された北朝鮮兵の死傷者は「死者500人を含む計約3000人」に上るという。",
            [(500, None, "killed"), (3000, None, "casualties")],
        ),
        (
            "파병된 북한군의 피해는 사망자 500명을 포함한 3000명에 달한다고 국정원은 밝혔다.",
            [(500, None, "killed"), (3000, None, "casualties")],
        ),
    ],
)
def test_whole_including_the_dead_is_casualties(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# The attacker as the subject of its attack ("ウクライナ軍が越境攻撃した", "우크라이나군이 …"
# → "が/가" before the attack word) owns no personnel either.
def test_attacker_subject_in_japanese() -> None:
    text = (
        "北朝鮮は、ウクライナ軍が越境攻撃したクルスク州の地雷除去のために800人、"
        "復興に3000人の工兵らを派遣する方針だ。"
    )
    assert figs(text) == [(800, None, "planned"), (3000, None, "planned")]


# A passage that opens on a figure and names North Korea in its second sentence: the
# opening figure is North Korea's too, unless it names another side's personnel.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            '"We believe 2,500 more soldiers were sent to Russia," the lawmaker said. He '
            "added that North Korea plans to send more troops by December.",
            [(2500, None, "deployed")],
        ),
        (
            '"We believe 2,500 more Russian soldiers were sent to Kursk," the lawmaker said. He '
            "added that North Korea plans to send more troops by December.",
            [],
        ),
    ],
)
def test_passage_names_north_korea_after_its_opening_figure(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Italian conditional perfect: after an announcement or promise it is the future in the
# past (a plan); on its own it is reportative (reportedly sent).
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Mosca ha annunciato che la Corea del Nord avrebbe inviato 3.000 genieri a Kursk.",
            [(3000, None, "planned")],
        ),
        (
            "Secondo Kiev, la Corea del Nord avrebbe inviato 3.000 soldati a Kursk.",
            [(3000, None, "deployed")],
        ),
    ],
)
def test_italian_conditional_perfect_after_an_announcement(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# German extended attributes between the number and its noun, and fighting "on a side":
# the side fought for is helped, not the owner of the personnel.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Laut Kiew seien mindestens 40 auf russischer Seite kämpfende nordkoreanische "
            "Soldaten getötet worden.",
            [(40, None, "killed")],
        ),
        (
            "Kyiv said at least 40 North Korean soldiers fighting on the Russian side were killed.",
            [(40, None, "killed")],
        ),
    ],
)
def test_extended_attribute_and_fighting_on_a_side(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# --- Coverage audit of category predicates by class of phrasing (data/eval/real/
# CATEGORY_CHECKLIST.md). Every sentence was written for these tests.


# A sending verb governed by readiness, an offer, a threat or a consideration is a plan
# (CLAIMS.md §3: "any figure not yet on the ground"): ready/prêt/dispuesto/bereit/готов/
# مستعد, offered/proposé/ofrecido/angeboten/запропонувала/عرضت, threatened, considering/
# envisage/valutando/рассматривает/考虑/تدرس.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Pyongyang is ready to dispatch 10,000 soldiers to Kursk.", 10000),
        ("North Korea has threatened to send 20,000 more soldiers to the front.", 20000),
        ("Nordkorea ist bereit, 10.000 Soldaten nach Kursk zu entsenden.", 10000),
        ("Nordkorea hat angeboten, 30.000 Soldaten nach Russland zu schicken.", 30000),
        ("Pyongyang est prêt à envoyer 10 000 soldats à Koursk.", 10000),
        ("La Corée du Nord a proposé d'envoyer 30 000 soldats en Russie.", 30000),
        ("La Corée du Nord envisage d'envoyer 15 000 soldats de plus.", 15000),
        ("Pyongyang está dispuesto a enviar 10.000 soldados a Kursk.", 10000),
        ("Corea del Norte ha ofrecido enviar 30.000 soldados a Rusia.", 30000),
        ("Corea del Norte está considerando enviar 15.000 soldados más.", 15000),
        ("La Corea del Nord ha offerto di inviare 30.000 soldati in Russia.", 30000),
        ("La Corea del Nord sta valutando di inviare altri 15.000 soldati.", 15000),
        ("Pyongyang está pronta para enviar 10.000 soldados para Kursk.", 10000),
        ("A Coreia do Norte ofereceu-se para enviar 30.000 soldados para a Rússia.", 30000),
        ("A Coreia do Norte está considerando enviar mais 15.000 soldados.", 15000),
        ("КНДР рассматривает возможность отправить ещё 15 тысяч солдат.", 15000),
        ("КНДР запропонувала направити 30 тисяч військових до Росії.", 30000),
        ("КНДР розглядає можливість відправити ще 15 тисяч солдатів.", 15000),
        ("朝鲜正在考虑再派遣1.5万名士兵。", 15000),
        ("كوريا الشمالية مستعدة لإرسال 10 آلاف جندي إلى كورسك.", 10000),
        ("عرضت كوريا الشمالية إرسال 30 ألف جندي إلى روسيا.", 30000),
        ("تدرس كوريا الشمالية إرسال 15 ألف جندي إضافي.", 15000),
    ],
)
def test_readiness_offers_threats_and_considerations_are_plans(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "planned")]


# A request for personnel names troops not yet sent: requested/angefordert/demandé/pedido/
# chiesto/pediu/запросила/요청/要請/要求/طلبت.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Russia has requested 10,000 additional North Korean soldiers.", 10000),
        ("Russland hat 10.000 zusätzliche nordkoreanische Soldaten angefordert.", 10000),
        ("La Russie a demandé 10 000 soldats nord-coréens supplémentaires.", 10000),
        ("Rusia ha pedido 10.000 soldados norcoreanos adicionales.", 10000),
        ("La Russia ha chiesto 10.000 soldati nordcoreani in più.", 10000),
        ("A Rússia pediu 10.000 soldados norte-coreanos adicionais.", 10000),
        ("Россия запросила 10 тысяч дополнительных северокорейских солдат.", 10000),
        ("Росія запросила 10 тисяч додаткових північнокорейських солдатів.", 10000),
        ("러시아는 북한군 1만 명의 추가 파병을 요청했다.", 10000),
        ("ロシアは北朝鮮兵1万人の追加派遣を要請した。", 10000),
        ("俄罗斯要求朝鲜增派1万名士兵。", 10000),
        ("طلبت روسيا 10 آلاف جندي كوري شمالي إضافي.", 10000),
    ],
)
def test_requests_for_personnel_are_plans(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "planned")]


# A dispatch named as a noun with an expectation after it ("a dispatch of 3,000 is
# expected", "wird erwartet", "est attendu", "è atteso"), a planned deployment, a
# forecast of the dispatch ("prevê o envio") or a decision to send (قررت) is a plan.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("A planned deployment of 6,000 North Korean troops is due in the autumn.", 6000),
        ("An additional dispatch of 3,000 North Korean soldiers is expected.", 3000),
        ("Eine weitere Entsendung von 3.000 nordkoreanischen Soldaten wird erwartet.", 3000),
        ("Un déploiement supplémentaire de 3 000 soldats nord-coréens est attendu.", 3000),
        ("È atteso un ulteriore dispiegamento di 3.000 soldati nordcoreani.", 3000),
        ("A Coreia do Norte prevê o envio de 6.000 soldados para Kursk.", 6000),
        ("قررت كوريا الشمالية إرسال 6000 جندي إضافي إلى روسيا.", 6000),
    ],
)
def test_expected_and_planned_dispatches_are_plans(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "planned")]


# Killed in military usage (eliminated/eliminiert/éliminé/eliminaron), bodies, fallen in
# battle (tombés au combat, cayeron en combate), and Arabic deaths with a pronoun suffix
# (لقوا مصرعهم) or passing away (توفي).
@pytest.mark.parametrize(
    "text, figure",
    [
        ("The bodies of 20 North Korean soldiers were found near Kursk.", 20),
        ("Ukrainische Truppen haben 50 nordkoreanische Soldaten eliminiert.", 50),
        ("Les forces ukrainiennes ont éliminé 50 soldats nord-coréens.", 50),
        ("Las fuerzas ucranianas eliminaron a 50 soldados norcoreanos.", 50),
        ("Le forze ucraine hanno eliminato 50 soldati nordcoreani.", 50),
        ("As forças ucranianas eliminaram 50 soldados norte-coreanos.", 50),
        ("لقي نحو 300 جندي كوري شمالي مصرعهم.", 300),
        ("توفي نحو 300 جندي كوري شمالي.", 300),
        ("About 300 North Korean soldiers fell in battle near Kursk.", 300),
        ("Environ 300 soldats nord-coréens sont tombés au combat.", 300),
        ("Unos 300 soldados norcoreanos cayeron en combate.", 300),
    ],
)
def test_eliminated_bodies_and_fallen_are_killed(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "killed")]


# Personnel in hospital are the wounded: hospitalised/hospitalisiert/ricoverati/
# госпитализированы/입원/入院/住院/إلى المستشفيات.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("About 1,000 North Korean troops have been hospitalised in Moscow.", 1000),
        ("Rund 1.000 nordkoreanische Soldaten werden in Moskauer Krankenhäusern behandelt.", 1000),
        ("Environ 1 000 soldats nord-coréens ont été hospitalisés à Moscou.", 1000),
        ("Unos 1.000 soldados norcoreanos fueron hospitalizados en Moscú.", 1000),
        ("Circa 1.000 soldati nordcoreani sono stati ricoverati a Mosca.", 1000),
        ("Cerca de 1.000 soldados norte-coreanos foram hospitalizados em Moscou.", 1000),
        ("Около 1000 северокорейских военных госпитализированы в Москве.", 1000),
        ("Близько 1000 північнокорейських військових госпіталізовано в Москві.", 1000),
        ("북한군 1000명이 모스크바 병원에 입원했다.", 1000),
        ("北朝鮮兵約1000人がモスクワの病院に入院した。", 1000),
        ("约1000名朝鲜士兵在莫斯科住院治疗。", 1000),
        ("نقل نحو 1000 جندي كوري شمالي إلى المستشفيات في موسكو.", 1000),
    ],
)
def test_hospitalised_are_wounded(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "wounded")]


# Surrendered (se sont rendus, si sono arresi, se renderam, haben sich ergeben, استسلم) and in
# the other side's captivity (in Ukrainian captivity, Kriegsgefangenschaft) are captured.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Two North Korean soldiers are in Ukrainian captivity.", 2),
        ("Zwei nordkoreanische Soldaten befinden sich in ukrainischer Kriegsgefangenschaft.", 2),
        ("Zwei nordkoreanische Soldaten haben sich ergeben.", 2),
        ("Deux soldats nord-coréens se sont rendus.", 2),
        ("Due soldati nordcoreani si sono arresi.", 2),
        ("Dois soldados norte-coreanos se renderam.", 2),
        ("استسلم جنديان كوريان شماليان.", 2),
    ],
)
def test_surrender_and_captivity_are_captured(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "captured")]


# "Has lost 4,000 soldiers" (perdu, perdido, perso, perdeu) and a genitive figure of losses
# (4000명의 손실, 4000人の損失) are casualties (CLAIMS.md §3: losses).
@pytest.mark.parametrize(
    "text, figure",
    [
        ("La Corée du Nord a perdu 4 000 soldats à Koursk.", 4000),
        ("Corea del Norte ha perdido 4.000 soldados en Kursk.", 4000),
        ("La Corea del Nord ha perso 4.000 soldati a Kursk.", 4000),
        ("A Coreia do Norte perdeu 4.000 soldados em Kursk.", 4000),
        ("북한군 4000명의 손실이 발생했다.", 4000),
        ("北朝鮮軍は約4000人の損失を出した。", 4000),
    ],
)
def test_lost_personnel_are_casualties(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "casualties")]


# The formation's composition (totalling, conta com, composto por, يضم, يتألف من) is its size.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("The 11th Corps, totalling about 40,000 soldiers, is an elite unit.", 40000),
        ("O 11.º Corpo conta com cerca de 40.000 soldados.", 40000),
        ("O 11.º Corpo é composto por cerca de 40.000 soldados.", 40000),
        ("يضم الفيلق الحادي عشر الكوري الشمالي نحو 40 ألف جندي.", 40000),
        ("يتألف الفيلق الحادي عشر الكوري الشمالي من نحو 40 ألف جندي.", 40000),
    ],
)
def test_formation_composition_is_force_size(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "force_size")]


# "werden … ausgebildet" is the present passive (are being trained), not a future.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Etwa 11.000 nordkoreanische Soldaten werden in Russland ausgebildet.", 11000),
    ],
)
def test_german_present_passive_is_no_future(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "deployed")]


# The same new words with other armies' personnel, or with shells, tanks and money, claim
# nothing (CLAIMS.md §2).
@pytest.mark.parametrize(
    "text",
    [
        "Russia will send 5,000 more soldiers to Kursk.",
        "Ukraine said 300 Russian soldiers were killed near Kursk.",
        "North Korea could send 5,000 shells to Russia.",
        "Russland wird weitere 5.000 Soldaten nach Kursk schicken.",
        "Rund 300 russische Soldaten wurden getötet.",
        "La Russie enverra 5 000 soldats supplémentaires à Koursk.",
        "Environ 300 soldats russes ont été tués.",
        "Rusia enviará 5.000 soldados más a Kursk.",
        "Unos 300 soldados rusos murieron.",
        "La Russia invierà altri 5.000 soldati a Kursk.",
        "Circa 300 soldati russi sono stati uccisi.",
        "A Rússia vai enviar mais 5.000 soldados para Kursk.",
        "Cerca de 300 soldados russos foram mortos.",
        "Россия направит ещё 5 тысяч военных в Курскую область.",
        "Около 300 российских военных погибли.",
        "Росія направить ще 5 тисяч військових до Курської області.",
        "Близько 300 російських військових загинули.",
        "러시아군 300명이 사망했다.",
        "ロシア兵約300人が死亡した。",
        "约300名俄罗斯士兵死亡。",
        "قتل نحو 300 جندي روسي.",
        "About 300 Russian soldiers have been hospitalised in Kursk.",
        "Russia has requested 10,000 artillery shells from North Korea.",
        "Ukraine is ready to send 5,000 troops to Kursk.",
        "Russia lost 300 tanks near Kursk.",
        "North Korea offered to send 5 million shells to Russia.",
        "Rund 300 russische Soldaten werden in Krankenhäusern behandelt.",
        "Russland hat 10.000 Granaten aus Nordkorea angefordert.",
        "Rund 300 ukrainische Soldaten sind in russischer Kriegsgefangenschaft.",
        "Environ 300 soldats russes ont été hospitalisés.",
        "La Russie a demandé 10 000 obus à la Corée du Nord.",
        "La Russie a perdu 300 chars à Koursk.",
        "Unos 300 soldados rusos fueron hospitalizados.",
        "Rusia ha pedido 10.000 proyectiles a Corea del Norte.",
        "Rusia ha perdido 300 tanques en Kursk.",
        "Circa 300 soldati russi sono stati ricoverati.",
        "La Russia ha perso 300 carri armati a Kursk.",
        "Cerca de 300 soldados russos foram hospitalizados.",
        "A Rússia perdeu 300 tanques em Kursk.",
        "Около 300 российских военных госпитализированы.",
        "Россия запросила 10 тысяч снарядов у КНДР.",
        "Близько 300 російських військових госпіталізовано.",
        "러시아군 300명이 병원에 입원했다.",
        "ロシア兵約300人が入院した。",
        "约300名俄罗斯士兵住院治疗。",
        "نقل نحو 300 جندي روسي إلى المستشفيات.",
        "استسلم نحو 300 جندي أوكراني.",
    ],
)
def test_new_category_words_claim_nothing_outside_scope(text: str) -> None:
    assert figs(text) == []


# Promises, pledges, commitments, agreements, intentions and expectations govern the sending
# verb after them (promis, prometió, si è impegnata, пообещала, погодилася, 承诺, تعهدت,
# يتوقع أن ترسل; Ukrainian "мають прибути": are to arrive).
@pytest.mark.parametrize(
    "text, figure",
    [
        ("North Korea vowed to send 6,000 more troops to Russia.", 6000),
        ("Another 6,000 North Korean troops are expected in Russia by autumn.", 6000),
        ("Nordkorea droht, 20.000 Soldaten zu entsenden.", 20000),
        ("La Corée du Nord a promis d'envoyer 6 000 soldats à Koursk.", 6000),
        ("Corea del Norte se comprometió a enviar 6.000 soldados.", 6000),
        ("Corea del Norte prometió enviar 6.000 soldados más.", 6000),
        ("La Corea del Nord si è impegnata a inviare 6.000 soldati.", 6000),
        ("La Corea del Nord ha promesso di inviare 6.000 soldati.", 6000),
        ("La Corea del Nord è pronta ad inviare altri 6.000 soldati.", 6000),
        ("A Coreia do Norte comprometeu-se a enviar 6.000 soldados.", 6000),
        ("A Coreia do Norte prometeu enviar 6.000 soldados.", 6000),
        ("A Coreia do Norte tenciona enviar mais 6.000 soldados.", 6000),
        ("КНДР пообещала отправить 6 тысяч военных.", 6000),
        ("КНДР пообіцяла відправити 6 тисяч військових.", 6000),
        ("КНДР погодилася направити 6 тисяч військових до Росії.", 6000),
        ("До Росії мають прибути ще 6 тисяч північнокорейських військових.", 6000),
        ("朝鲜承诺向俄罗斯派遣6000名士兵。", 6000),
        ("朝鲜同意向俄罗斯派遣6000名士兵。", 6000),
        ("وافقت كوريا الشمالية على إرسال 6000 جندي إلى روسيا.", 6000),
        ("تعهدت كوريا الشمالية بإرسال 6000 جندي إلى روسيا.", 6000),
        ("يتوقع أن ترسل كوريا الشمالية 6000 جندي إضافي.", 6000),
    ],
)
def test_promises_commitments_and_agreements_are_plans(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "planned")]


# Bodies, shot down (abattus), and died of wounds (скончались от ран, померли від поранень:
# killed, not killed-and-wounded).
@pytest.mark.parametrize(
    "text, figure",
    [
        ("The bodies of 30 North Korean soldiers were recovered.", 30),
        ("Die Leichen von 20 nordkoreanischen Soldaten wurden gefunden.", 20),
        ("Environ 300 soldats nord-coréens ont été abattus.", 300),
        ("Около 300 северокорейских военных скончались от ран.", 300),
        ("Близько 300 північнокорейських військових померли від поранень.", 300),
    ],
)
def test_bodies_shot_down_and_died_of_wounds_are_killed(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "killed")]


# Seized, taken captive, detained, held prisoner, in the other side's captivity (в украинском
# плену, в українському полоні).
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Ukrainian forces seized two North Korean soldiers.", 2),
        ("Two North Korean soldiers were taken captive.", 2),
        ("Ukrainische Truppen haben zwei nordkoreanische Soldaten festgesetzt.", 2),
        ("Deux soldats nord-coréens sont détenus par l'Ukraine.", 2),
        ("Dos soldados norcoreanos están detenidos en Ucrania.", 2),
        ("Due soldati nordcoreani sono prigionieri in Ucraina.", 2),
        ("Dois soldados norte-coreanos estão presos na Ucrânia.", 2),
        ("Два северокорейских военных находятся в украинском плену.", 2),
        ("Два північнокорейські військові перебувають в українському полоні.", 2),
    ],
)
def test_held_by_the_other_side_is_captured(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "captured")]


# Injuries suffered (Verletzungen, ferimentos) and serious wounds (중상, 重傷) are wounded.
@pytest.mark.parametrize(
    "text, figure",
    [
        ("Etwa 2.700 nordkoreanische Soldaten erlitten Verletzungen.", 2700),
        ("Cerca de 2.700 soldados norte-coreanos sofreram ferimentos.", 2700),
        ("북한군 2700명이 중상을 입었다.", 2700),
        ("北朝鮮兵約2700人が重傷を負った。", 2700),
    ],
)
def test_injuries_suffered_are_wounded(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "wounded")]


# Promises of shells, other armies' prisoners and wounded claim nothing (CLAIMS.md §2).
@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces seized 300 North Korean shells near Kursk.",
        "Two Russian soldiers were taken captive by Ukraine.",
        "North Korea pledged to send 5 million shells to Russia.",
        "Zwei russische Soldaten erlitten Verletzungen.",
        "La Corée du Nord a promis d'envoyer 5 millions d'obus.",
        "Corea del Norte prometió enviar 5 millones de proyectiles.",
        "Due soldati russi sono prigionieri in Ucraina.",
        "Dois soldados russos estão presos na Ucrânia.",
        "Два российских военных находятся в украинском плену.",
        "Два російські військові перебувають в українському полоні.",
        "КНДР пообіцяла відправити 5 мільйонів снарядів.",
        "러시아군 2700명이 중상을 입었다.",
        "朝鲜承诺向俄罗斯提供500万发炮弹。",
        "تعهدت كوريا الشمالية بإرسال 5 ملايين قذيفة إلى روسيا.",
    ],
)
def test_promises_and_captivity_outside_scope(text: str) -> None:
    assert figs(text) == []


# An intention named as a noun governs the sending verb (l'intention d', la intención de,
# intenzione di, a intenção de), as "intends to" does.
@pytest.mark.parametrize(
    "text",
    [
        "La Corée du Nord a l'intention d'envoyer 6 000 soldats.",
        "Corea del Norte tiene la intención de enviar 6.000 soldados.",
        "La Corea del Nord ha intenzione di inviare 6.000 soldati.",
        "A Coreia do Norte tem a intenção de enviar 6.000 soldados.",
    ],
)
def test_intention_as_a_noun_is_a_plan(text: str) -> None:
    assert figs(text) == [(6000, None, "planned")]


def test_korean_died_or_were_wounded_in_the_past_tense() -> None:
    assert figs("북한군 4000명이 죽거나 다쳤다.") == [(4000, None, "casualties")]


# Died of wounds is killed, not killed-and-wounded (the wound word does not make it
# casualties); with Russian personnel it is nothing.
@pytest.mark.parametrize(
    "text, want",
    [
        ("About 300 North Korean soldiers died of their wounds.", [(300, None, "killed")]),
        (
            "Rund 300 nordkoreanische Soldaten sind ihren Verletzungen erlegen.",
            [(300, None, "killed")],
        ),
        (
            "Environ 300 soldats nord-coréens sont morts de leurs blessures.",
            [(300, None, "killed")],
        ),
        (
            "Unos 300 soldados norcoreanos murieron a causa de sus heridas.",
            [(300, None, "killed")],
        ),
        ("Circa 300 soldati nordcoreani sono morti per le ferite.", [(300, None, "killed")]),
        (
            "Cerca de 300 soldados norte-coreanos morreram devido aos ferimentos.",
            [(300, None, "killed")],
        ),
        ("Около 300 российских военных скончались от ран.", []),
        ("Environ 300 soldats russes sont morts de leurs blessures.", []),
    ],
)
def test_died_of_wounds_is_killed(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# The formation's size with a verb of counting after "to" or a modal, "fort de" (masculine),
# and "having N" before the formation in Chinese; "number 5" still names a unit.
@pytest.mark.parametrize(
    "text, want",
    [
        ("The Storm Corps is estimated to number 40,000 soldiers.", [(40000, None, "force_size")]),
        (
            "Le corps Tempête, fort de 40 000 hommes, est une unité d'élite.",
            [(40000, None, "force_size")],
        ),
        ("拥有约4万名士兵的暴风军团是朝鲜的精锐部队。", [(40000, None, "force_size")]),
        (
            "North Korean troops could number 100,000 by the end of the year.",
            [(100000, None, "planned")],
        ),
        (
            "Unit number 5 was sent to Kursk with 300 North Korean soldiers.",
            [(300, None, "deployed")],
        ),
    ],
)
def test_formation_size_verbs_and_adjectives(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# A possibility is a plan: a possible/potential dispatch, not ruling one out ("does not rule
# out", "schließt … nicht aus", "n'exclut pas", "no descarta", "не исключают", "가능성을
# 배제하지 않았다", "لا تستبعد"), likely, "susceptible de", a wave "expected to follow", and the
# subjunctive of sending after "es probable que" / "è probabile che" / "é provável que".
@pytest.mark.parametrize(
    "text, figure",
    [
        ("The NIS does not rule out an additional dispatch of 5,000 North Korean troops.", 5000),
        ("A second wave of 6,000 North Korean soldiers is expected to follow.", 6000),
        ("Reports suggest 6,000 more North Korean troops may follow.", 6000),
        ("The possible dispatch of 6,000 North Korean soldiers worries Kyiv.", 6000),
        (
            "Der NIS schließt eine weitere Entsendung von 5.000 nordkoreanischen Soldaten nicht aus.",
            5000,
        ),
        ("Eine mögliche Entsendung von 6.000 nordkoreanischen Soldaten beunruhigt Kiew.", 6000),
        ("Le NIS n'exclut pas un envoi supplémentaire de 5 000 soldats nord-coréens.", 5000),
        ("Un éventuel envoi de 6 000 soldats nord-coréens inquiète Kiev.", 6000),
        ("La Corée du Nord est susceptible d'envoyer 6 000 soldats supplémentaires.", 6000),
        ("El NIS no descarta un envío adicional de 5.000 soldados norcoreanos.", 5000),
        ("Un posible envío de 6.000 soldados norcoreanos preocupa a Kiev.", 6000),
        ("Es probable que Corea del Norte envíe 6.000 soldados más.", 6000),
        ("Il NIS non esclude un ulteriore invio di 5.000 soldati nordcoreani.", 5000),
        ("Un possibile invio di 6.000 soldati nordcoreani preoccupa Kiev.", 6000),
        ("È probabile che la Corea del Nord invii altri 6.000 soldati.", 6000),
        ("O NIS não descarta um envio adicional de 5.000 soldados norte-coreanos.", 5000),
        ("Um possível envio de 6.000 soldados norte-coreanos preocupa Kiev.", 6000),
        ("É provável que a Coreia do Norte envie mais 6.000 soldados.", 6000),
        ("В НИС не исключают дополнительной отправки 5 тысяч северокорейских военных.", 5000),
        ("Возможная отправка 6 тысяч северокорейских военных беспокоит Киев.", 6000),
        ("У НІС не виключають додаткової відправки 5 тисяч північнокорейських військових.", 5000),
        ("Можлива відправка 6 тисяч північнокорейських військових турбує Київ.", 6000),
        ("국정원은 북한군 5000명의 추가 파병 가능성을 배제하지 않았다.", 5000),
        ("لا تستبعد الاستخبارات إرسال 5000 جندي كوري شمالي إضافي.", 5000),
        ("من المحتمل أن ترسل كوريا الشمالية 6000 جندي إضافي.", 6000),
    ],
)
def test_possibilities_are_plans(text: str, figure: int) -> None:
    assert figs(text) == [(figure, None, "planned")]


# A possibility of presence is no plan: the personnel are said to be there.
@pytest.mark.parametrize(
    "text",
    [
        "It is possible that 11,000 North Korean troops are already in Kursk.",
        "Kyiv did not rule out that 11,000 North Korean soldiers are fighting in Kursk.",
        "The likely presence of 11,000 North Korean troops in Kursk worries Kyiv.",
        "Möglicherweise sind 11.000 nordkoreanische Soldaten in Kursk.",
        "Es posible que haya 11.000 soldados norcoreanos en Kursk.",
        "Возможно, в Курской области находятся 11 тысяч северокорейских военных.",
        "Можливо, в Курській області перебувають 11 тисяч північнокорейських військових.",
    ],
)
def test_possible_presence_is_deployed(text: str) -> None:
    assert figs(text) == [(11000, None, "deployed")]


# Guards for the plan words above: an expectation of something else ("fighting is
# expected where …"), and a request already granted ("requested and received", "demandé et
# obtenu", "запросила и получила": "and" ends a request's reach in every language).
@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting is expected where 11,000 North Korean troops are deployed.",
        "Heftige Kämpfe werden erwartet, wo 11.000 nordkoreanische Soldaten stationiert sind.",
        "De violents combats sont attendus là où 11 000 soldats nord-coréens sont déployés.",
        "Sono attesi duri combattimenti dove sono schierati 11.000 soldati nordcoreani.",
        "Russia requested and received 11,000 North Korean troops last year.",
        "The 11,000 North Korean troops that Russia requested have arrived in Kursk.",
        "Russland hat 11.000 nordkoreanische Soldaten angefordert und erhalten.",
        "La Russie a demandé et obtenu 11 000 soldats nord-coréens.",
        "Rusia pidió y recibió 11.000 soldados norcoreanos.",
        "Россия запросила и получила 11 тысяч северокорейских военных.",
    ],
)
def test_expectations_and_granted_requests_are_no_plans(text: str) -> None:
    assert figs(text) == [(11000, None, "deployed")]


# Considering governs a sending word, not a figure: "Kiev considera que 11.000 soldados
# están en Kursk", "Киев рассматривает 11 тысяч … как угрозу" are no plans.
@pytest.mark.parametrize(
    "text",
    [
        "Kiev considera que 11.000 soldados norcoreanos están en Kursk.",
        "Kiev considera a los 11.000 soldados norcoreanos en Kursk una amenaza.",
        "Kiev considera che 11.000 soldati nordcoreani siano a Kursk.",
        "Kiev considera que 11.000 soldados norte-coreanos estão em Kursk.",
        "Киев рассматривает 11 тысяч северокорейских военных в Курской области как угрозу.",
        "Київ розглядає 11 тисяч північнокорейських військових у Курській області як загрозу.",
        "Pyongyang is ready to defend Russia with 11,000 troops already in Kursk.",
        "North Korea offered Russia 11,000 troops last year; they are now in Kursk.",
    ],
)
def test_considering_a_present_force_is_no_plan(text: str) -> None:
    assert figs(text) == [(11000, None, "deployed")]


# Bodies in Korean, Japanese and Chinese (시신, 遺体, 尸体) are the dead; 사로잡혔다 (caught
# alive) is captured.
@pytest.mark.parametrize(
    "text, want",
    [
        ("북한군 시신 20구가 발견됐다.", [(20, None, "killed")]),
        ("北朝鮮兵の遺体20体が見つかった。", [(20, None, "killed")]),
        ("乌军发现了20名朝鲜士兵的尸体。", [(20, None, "killed")]),
        ("북한군 2명이 우크라이나군에 사로잡혔다.", [(2, None, "captured")]),
    ],
)
def test_cjk_bodies_and_caught_alive(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Japanese non-past sending with とみられる is an expectation (a plan); the past and the
# progressive with とみられる are what is believed done.
@pytest.mark.parametrize(
    "text, want",
    [
        ("北朝鮮は兵士6000人を追加派遣するとみられる。", [(6000, None, "planned")]),
        ("北朝鮮は兵士3000人を追加で派遣したとみられる。", [(3000, None, "deployed")]),
        ("北朝鮮兵約1万人がすでに前線に投入されているとみられる。", [(10000, None, "deployed")]),
    ],
)
def test_japanese_expected_to_send(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Active verbs of killing and wounding with the North Korean personnel as their object
# (töteten, mataron, mataram, убили, вбили, قتلت; hirieron, feriram, أصابت, 打伤); with
# North Koreans as the subject and other armies' soldiers as object: nothing.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Ukrainische Truppen töteten 50 nordkoreanische Soldaten.", [(50, None, "killed")]),
        ("Las fuerzas ucranianas mataron a 50 soldados norcoreanos.", [(50, None, "killed")]),
        ("As forças ucranianas mataram 50 soldados norte-coreanos.", [(50, None, "killed")]),
        ("ВСУ убили 50 северокорейских военных.", [(50, None, "killed")]),
        ("ЗСУ вбили 50 північнокорейських військових.", [(50, None, "killed")]),
        ("قتلت القوات الأوكرانية 50 جنديا كوريا شماليا.", [(50, None, "killed")]),
        ("Los drones ucranianos hirieron a 50 soldados norcoreanos.", [(50, None, "wounded")]),
        ("Os drones ucranianos feriram 50 soldados norte-coreanos.", [(50, None, "wounded")]),
        ("أصابت المسيرات الأوكرانية 50 جنديا كوريا شماليا.", [(50, None, "wounded")]),
        ("乌克兰无人机打伤了50名朝鲜士兵。", [(50, None, "wounded")]),
        ("Las fuerzas norcoreanas mataron a 50 soldados ucranianos.", []),
        ("Северокорейские военные убили 50 украинских солдат.", []),
        ("Ukrainische Truppen töteten 50 russische Soldaten.", []),
    ],
)
def test_active_killing_and_wounding_verbs(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# An earlier estimate given for contrast is its own claim, of the same category
# (CLAIMS.md §6), however the language says the comparison.
@pytest.mark.parametrize(
    "text",
    [
        "Seoul now says about 2,000 North Korean soldiers were killed, up from 600 in April.",
        "Rund 2000 nordkoreanische Soldaten sind gefallen, nach zuvor geschätzten 600.",
        "Environ 2 000 soldats nord-coréens ont été tués, contre 600 selon Séoul en avril.",
        "Unos 2.000 soldados norcoreanos han muerto, frente a los 600 estimados en abril.",
        "Circa 2.000 soldati nordcoreani sono stati uccisi, rispetto ai 600 stimati in aprile.",
        "Cerca de 2.000 soldados norte-coreanos foram mortos, contra os 600 estimados em abril.",
        "국정원은 북한군 전사자가 기존 600명에서 약 2000명으로 늘었다고 밝혔다.",
        "国家情報院は北朝鮮兵の死者が従来の600人から約2000人に増えたと明らかにした。",
        "韩国国家情报院称，朝鲜士兵死亡人数从此前的600人增至约2000人。",
    ],
)
def test_earlier_estimate_for_contrast(text: str) -> None:
    assert figs(text) == [(600, None, "killed"), (2000, None, "killed")]


def test_a_destination_is_no_change_of_figure() -> None:
    # 至 says where the 1,000 went; the 300 killed is no earlier estimate of them.
    assert figs("朝鲜派遣1000人至俄罗斯，其中300人阵亡。") == [
        (300, None, "killed"),
        (1000, None, "deployed"),
    ]


def test_against_the_other_side_is_no_comparison() -> None:
    text = (
        "По оценкам Сеула, не менее 600 северокорейских солдат погибли в войне России "
        "против Украины, а тысячи получили ранения."
    )
    assert figs(text) == [(None, None, "wounded"), (600, None, "killed")]


# Taiwan's and Hong Kong's press writes traditional characters: the same words, the same
# reading as the mainland's simplified ones.
@pytest.mark.parametrize(
    "traditional, simplified",
    [
        ("平壤計畫再向俄羅斯增派6000名北韓士兵。", "平壤计划再向俄罗斯增派6000名朝鲜士兵。"),
        (
            "國情院表示，北韓士兵約300人陣亡、2700人受傷。",
            "国情院表示，朝鲜士兵约300人阵亡、2700人受伤。",
        ),
        ("烏克蘭軍隊俘虜了兩名北韓士兵。", "乌克兰军队俘虏了两名朝鲜士兵。"),
    ],
)
def test_traditional_chinese_reads_as_simplified(traditional: str, simplified: str) -> None:
    assert figs(traditional) == figs(simplified) != []


# Agreed or about to send: a plan (CLAIMS.md §3), whatever the words between.
@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un ha accettato di inviare altri 3.000 soldati nordcoreani in Russia.",
        "La Corea del Nord stava per trasferire 3.000 soldati in Russia.",
        "Є домовленість між Росією та КНДР щодо направлення 3 тисяч військовослужбовців КНДР.",
        "Была достигнута договоренность между Москвой и Пхеньяном о направлении 3 тысяч "
        "военных КНДР.",
        "Kim aceptó enviar 3.000 soldados norcoreanos más a Rusia.",
        "Corea del Norte está a punto de enviar 3.000 soldados a Rusia.",
        "Kim concordou em enviar mais 3.000 soldados norte-coreanos para a Rússia.",
        "Kim a accepté d'envoyer 3 000 soldats nord-coréens supplémentaires.",
        "Pyongyang était sur le point d'envoyer 3 000 soldats nord-coréens.",
    ],
)
def test_agreed_or_about_to_send_is_planned(text: str) -> None:
    assert figs(text) == [(3000, None, "planned")]


# Losses "in combat": the fighting says where the losses were, not that troops were sent.
@pytest.mark.parametrize(
    "text",
    [
        "Las bajas norcoreanas en combate ascienden a unos 4.000.",
        "Les pertes nord-coréennes au combat s'élèvent à environ 4 000 hommes.",
        "Потери КНДР в боях составляют около 4 тысяч человек.",
        "Die Verluste Nordkoreas im Kampf belaufen sich auf rund 4.000 Soldaten.",
        "As tropas norte-coreanas registraram baixa de 4.000 homens, disse o deputado.",
    ],
)
def test_losses_in_combat_are_casualties(text: str) -> None:
    assert figs(text) == [(4000, None, "casualties")]


# Lost their lives is killed; came out wounded is wounded; a captured participle before
# the noun is a capture; a capture that did not happen ("before being captured") is none.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Понад 6000 військових з Північної Кореї втратили життя в боях.",
            [(6000, None, "killed")],
        ),
        (
            "Более 6000 военных из Северной Кореи потеряли жизнь в Курской области.",
            [(6000, None, "killed")],
        ),
        (
            "Mehr als 6.000 nordkoreanische Soldaten haben in Kursk ihr Leben verloren.",
            [(6000, None, "killed")],
        ),
        (
            "Selenskyj zeigte ein Video mit zwei gefangen genommenen Soldaten aus Nordkorea.",
            [(2, None, "captured")],
        ),
        (
            "Unos 300 soldados norcoreanos murieron y otros 2.700 resultaron heridos, afirmó "
            "un diputado, que añadió que tienen órdenes de suicidarse antes de ser capturados.",
            [(300, None, "killed"), (2700, None, "wounded")],
        ),
    ],
)
def test_loss_words_by_kind(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# "The death of N" is killed, also after a loss word; eliminating them is killing them.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "As tropas norte-coreanas registraram baixas, com a morte de cerca de 600 soldados.",
            [(600, None, "killed")],
        ),
        (
            "Las tropas norcoreanas sufrieron pérdidas, con la muerte de unos 600 soldados.",
            [(600, None, "killed")],
        ),
        (
            "Le truppe nordcoreane hanno subito perdite, con la morte di circa 600 soldati.",
            [(600, None, "killed")],
        ),
        (
            "Die nordkoreanischen Truppen erlitten Verluste, mit dem Tod von rund 600 Soldaten.",
            [(600, None, "killed")],
        ),
        (
            "As forças ucranianas conseguiram eliminar três soldados norte-coreanos em Kursk.",
            [(3, None, "killed")],
        ),
    ],
)
def test_the_death_of_n(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


def test_forces_named_by_their_side_speak() -> None:
    from troopwatch.claims.evaluate import claimant_identity

    text = (
        "As forças ucranianas informaram que eliminaram três soldados norte-coreanos em "
        "Kursk, enquanto a Rússia tenta esconder a presença de combatentes estrangeiros."
    )
    got = extract_claims(text)
    assert got and claimant_identity(got[0].source) == claimant_identity("Ukrainian military")


@pytest.mark.parametrize(
    "text, want",
    [
        # "overall" counts everyone there; it is no formation's size.
        (
            "He added that overall there could be 10,000 to 11,000 North Korean troops "
            "inside of Russia.",
            [(10000, 11000, "deployed")],
        ),
        # Joined to the ranks is deployed, whatever a later clause decides.
        (
            "La incorporación de 9.000 soldados norcoreanos al ejército ruso provocó la "
            "respuesta de Washington, que decidió enviar más misiles a Ucrania.",
            [(9000, None, "deployed")],
        ),
    ],
)
def test_overall_and_joined_ranks_are_deployed(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Zelensky warned that the presence of North Korean troops in Russia could "
            "escalate to 50,000.",
            [(50000, None, "planned")],
        ),
        (
            "Kim, infine, ha anche accettato di inviare altri 3.000 soldati nordcoreani in Russia.",
            [(3000, None, "planned")],
        ),
        # The German verb bracket: the modal and its infinitive far apart.
        (
            "Wie ein Abgeordneter sagte, will Pjöngjang nach Informationen des "
            "südkoreanischen Geheimdienstes nun weitere 3.000 Soldaten nach Russland entsenden.",
            [(3000, None, "planned")],
        ),
    ],
)
def test_plans_far_from_their_modal(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# "Of the N …, many were killed": N is the whole that was there; the losses are its part.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Of the 12,000 North Korean soldiers sent to Kursk, many have been killed or wounded.",
            [(12000, None, "deployed")],
        ),
        (
            "De los 11.000 soldados norcoreanos enviados, muchos han muerto.",
            [(11000, None, "deployed")],
        ),
        (
            "Von ursprünglich 9.000 nordkoreanischen Soldaten sollen viele gefallen sein.",
            [(9000, None, "deployed")],
        ),
        ("Из 11 тысяч северокорейских военных многие погибли.", [(11000, None, "deployed")]),
        # Not a whole: "many of them" describes the figure's own people.
        (
            "Some 3,000 North Korean soldiers, many of them teenagers, were killed.",
            [(3000, None, "killed")],
        ),
    ],
)
def test_a_whole_before_a_vague_part(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# Dying now, or giving one's life, is killed in every language.
@pytest.mark.parametrize(
    "text",
    [
        "About 600 North Korean soldiers gave their lives in Kursk.",
        "Environ 600 soldats nord-coréens meurent dans les assauts.",
        "Unos 600 soldados norcoreanos mueren en los asaltos.",
        "Cerca de 600 soldados norte-coreanos morrem nos ataques.",
        "Circa 600 soldati nordcoreani muoiono negli assalti.",
        "Rund 600 nordkoreanische Soldaten sterben bei den Angriffen.",
        "Около 600 северокорейских солдат гибнут в штурмах.",
        "Близько 600 північнокорейських солдатів гинуть під час штурмів.",
        "Фильм посвящен 600 северокорейским солдатам, отдавшим жизни в Курской области.",
    ],
)
def test_dying_now_is_killed(text: str) -> None:
    assert figs(text) == [(600, None, "killed")]


def test_the_german_article_is_no_death() -> None:
    text = "Die ersten 1.500 nordkoreanischen Soldaten sollen bereits nach Russland gebracht worden sein."
    assert figs(text) == [(1500, None, "deployed")]


def test_the_number_of_troops_could_be() -> None:
    text = "The total number of North Korean forces in Russia could be around 11 to 12,000."
    assert figs(text) == [(11000, 12000, "deployed")]


# A dispatch announced is one to come, in every language.
@pytest.mark.parametrize(
    "text",
    [
        "Shoigu anunciou o envio de mil sapadores norte-coreanos para a Rússia.",
        "La Russie avait annoncé l'envoi de 1 000 démineurs nord-coréens.",
        "La Russia aveva annunciato l'invio di 1.000 sminatori nordcoreani.",
        "Rusia anunció el envío de 1.000 zapadores norcoreanos.",
        "Шойгу заявил об отправке 1000 северокорейских саперов.",
        "Шойгу заявив про відправлення 1000 північнокорейських саперів.",
        "Schoigu kündigte die Entsendung von 1.000 nordkoreanischen Pionieren an.",
    ],
)
def test_an_announced_dispatch_is_planned(text: str) -> None:
    assert figs(text) == [(1000, None, "planned")]


# The total that losses are counted against is the whole that was there.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Cerca de 600 soldados norte-coreanos foram mortos, de um total de 14.000, "
            "disseram parlamentares.",
            [(600, None, "killed"), (14000, None, "deployed")],
        ),
        (
            "Las bajas norcoreanas, sobre un total de 11.000 tropas, son masivas.",
            [(11000, None, "deployed")],
        ),
    ],
)
def test_the_total_losses_are_counted_against(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


def test_an_earlier_estimate_with_its_own_loss_noun() -> None:
    text = (
        "El NIS reveló que al menos 2.000 soldados norcoreanos han muerto, una cifra que "
        "triplica la estimación anterior de 700 bajas."
    )
    assert figs(text) == [(700, None, "casualties"), (2000, None, "killed")]


def test_a_sending_after_a_loss_and_a_figure_is_kept() -> None:
    text = "About 1,000 North Korean soldiers are dead and 3,000 deployed to the front."
    assert figs(text) == [(1000, None, "killed"), (3000, None, "deployed")]
