"""What a number counts (data/eval/real/COUNTS_CHECKLIST.md), by class, in many languages.

Every sentence is written for these tests; none is taken from a labelled evaluation set.
A class is one way news copy says whose personnel a figure counts: a people noun or
counter, a force noun sized by the figure ("a force of", "-strong", "численностью",
"قوامها"), the owner (before, after, the formation, a passive agent), and the look-alikes
that must stay out (other sides' forces, national totals, unit numbers, shells).
"""

from __future__ import annotations

import pytest

from troopwatch.claims import extract_claims
from troopwatch.claims.sentences import split_sentences


def figs(text: str) -> list[tuple]:
    return sorted(
        ((c.figure_low, c.figure_high, c.category) for c in extract_claims(text)),
        key=lambda f: (f[0] or 0, f[2]),
    )


# A force noun with a preposition or a word of size before the figure, with no noun after
# it: the figure counts the force's personnel.
@pytest.mark.parametrize(
    "text",
    [
        "Corea del Norte ha enviado un contingente de unos 11.000 a Rusia.",
        "A Coreia do Norte enviou um contingente com cerca de 11.000 para a Rússia.",
        "Pyongyang ha schierato in Russia una forza di circa 11.000.",
        "أرسلت كوريا الشمالية قوة قوامها نحو 11 ألفا إلى روسيا.",
        "Пхеньян перебросил в Россию группировку из 11 тысяч.",
        "Пхеньян перекинув до Росії угруповання з 11 тисяч.",
    ],
)
def test_force_noun_sized_by_the_figure(text: str) -> None:
    assert figs(text) == [(11000, None, "deployed")]


# "a 12,000-strong corps/unit": the formation noun after "-strong" counts no units.
@pytest.mark.parametrize(
    "text, want",
    [
        ("North Korea sent a 12,000-strong corps to Kursk.", [(12000, None, "deployed")]),
        (
            "The 11th Corps, a 12,000-strong unit, was sent to Russia.",
            [(12000, None, "force_size")],
        ),
    ],
)
def test_strong_before_a_formation_noun(text: str, want: list[tuple]) -> None:
    assert figs(text) == want


# People nouns and counters missing from the tables: inflections and compounds.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Nordkorea hat 11.000 Militärs nach Russland geschickt.", (11000, "deployed")),
        ("Rund 300 nordkoreanische Infanteriesoldaten wurden getötet.", (300, "killed")),
        ("Rund 300 nordkoreanische Elitekämpfer wurden getötet.", (300, "killed")),
        ("Pyongyang ha enviado a Rusia unos 11.000 uniformados.", (11000, "deployed")),
        ("Pyongyang has sent 1,000 North Korean marines to Kursk.", (1000, "deployed")),
        ("North Korea has sent 12,000 members of its military to Russia.", (12000, "deployed")),
        (
            "Pyongyang ha enviado a Rusia 11.000 miembros de sus fuerzas armadas.",
            (11000, "deployed"),
        ),
        ("Pyongyang enviou à Rússia 11 mil membros de suas forças armadas.", (11000, "deployed")),
        (
            "Pyongyang ha inviato in Russia 11.000 membri delle sue forze armate.",
            (11000, "deployed"),
        ),
        ("Погибли 300 северокорейских десантников.", (300, "killed")),
        ("Загинули 300 північнокорейських піхотинців.", (300, "killed")),
        ("Unos 300 infantes de marina norcoreanos murieron.", (300, "killed")),
        # Collective numerals in the accusative count people.
        ("Украинские военные взяли в плен пятерых северокорейских военных.", (5, "captured")),
        (
            "Українські військові взяли в полон п'ятьох північнокорейських військових.",
            (5, "captured"),
        ),
        ("يقاتل نحو 11 ألف كوري شمالي في كورسك.", (11000, "deployed")),
        # The accusative of "thousand" with tanween alif is still a thousand.
        ("قتل نحو 12 ألفًا من الجنود الكوريين الشماليين.", (12000, "killed")),
    ],
)
def test_people_nouns_and_inflections(text: str, want: tuple) -> None:
    assert figs(text) == [(want[0], None, want[1])]


# The Korean counter before an instrumental or other particle ("명으로", "명까지").
def test_korean_counter_with_a_particle() -> None:
    text = "북한은 러시아에 1만1000명까지 보낼 수 있다고 국정원이 밝혔다."
    assert figs(text) == [(11000, None, "planned")]


# A verb of composition at the figure gives the deployed formation's size, even when the
# formation's destination is named in a relative clause.
@pytest.mark.parametrize(
    "text",
    [
        "러시아에 파병된 북한 제11군단은 1만1000명으로 구성돼 있다.",
        "Das 11. Korps, das nach Russland entsandt wurde, umfasst 11.000 Soldaten.",
        "Der Sturmkorps, nach Russland verlegt, ist 11.000 Mann stark.",
        "The 11th Corps, deployed to Kursk, is made up of about 11,000 troops.",
        "Le 11e corps, déployé en Russie, compte environ 11 000 hommes.",
        "11-й корпус, переброшенный в Россию, насчитывает около 11 тысяч военных.",
        "ロシアに派遣された第11軍団は約1万1000人で構成される。",
        "被派往俄罗斯的第11军由约1.1万人组成。",
    ],
)
def test_composition_of_the_formation_sent(text: str) -> None:
    assert figs(text) == [(11000, None, "force_size")]


# A German ordinal after an article ends no sentence ("das 11. Korps"), and counts nothing.
def test_german_ordinal_after_an_article() -> None:
    assert split_sentences("Das 11. Korps Nordkoreas ist in Kursk. Es kämpft.") == [
        "Das 11. Korps Nordkoreas ist in Kursk.",
        "Es kämpft.",
    ]
    assert figs("Kämpfer des 11. Korps wurden nach Kursk verlegt.") == []


# The agent of a passive is the side acting on the personnel, not their owner.
@pytest.mark.parametrize(
    "text",
    [
        "两名朝鲜士兵被乌军抓获。",
        "两名朝鲜军人被乌克兰军队俘虏。",
    ],
)
def test_passive_agent_is_no_owner(text: str) -> None:
    assert figs(text) == [(2, None, "captured")]


# "troops now number 12,000" (a grouped figure after "number" is a head count, not a name),
# "يبلغ عدد … N" (the number of X reaches N, verb first).
@pytest.mark.parametrize(
    "text, want",
    [
        ("North Korean troops in Russia now number 12,000, according to Seoul.", 12000),
        ("يبلغ عدد الجنود الكوريين الشماليين في روسيا 11 ألفا.", 11000),
    ],
)
def test_number_as_a_verb_or_a_subject(text: str, want: int) -> None:
    assert figs(text) == [(want, None, "deployed")]


# "منهم": a part of the personnel of the sentence before.
def test_arabic_of_them() -> None:
    text = "أرسلت كوريا الشمالية قوات إلى روسيا. قتل نحو 3 آلاف منهم."
    assert figs(text) == [(3000, None, "killed")]


# Another side's force sized by a figure, next to North Korean troops: no claim.
@pytest.mark.parametrize(
    "text",
    [
        "North Korean troops joined a Russian force numbering 50,000.",
        "A Russian contingent of 12,000 fought beside North Korean troops.",
        "A 12,000-strong Russian unit fought beside North Korean troops.",
        "朝鲜士兵与一支约5万人规模的俄军部队并肩作战。",
    ],
)
def test_other_sides_sized_force(text: str) -> None:
    assert figs(text) == []


# A force noun and a preposition before a figure whose own noun names no person: the
# figure counts that noun ("a force of 3 nations"), not personnel.
@pytest.mark.parametrize(
    "text",
    [
        "Las fuerzas de 2 países, Rusia y Corea del Norte, atacaron Kursk.",
        "Les forces de 2 pays, la Russie et la Corée du Nord, ont attaqué.",
        "North Korean troops joined a force of 3 nations in Kursk.",
        "Nordkorea schickte ein Kontingent von 3 Schiffen nach Russland.",
        "Группировка из 3 бригад КНДР прибыла в Курскую область.",
    ],
)
def test_force_noun_before_a_figure_of_things(text: str) -> None:
    assert figs(text) == []


# A Korean/Japanese subject with its particle before a place is the owner, not "Russia's
# Kursk": the Russian army's figure stays Russian when North Korean troops join later.
@pytest.mark.parametrize(
    "text",
    [
        "러시아군은 쿠르스크에 병력 1만 명을 배치했고 북한군도 합류했다.",
        "ロシア軍はクルスクに兵力1万人を配置し、北朝鮮軍も合流した。",
    ],
)
def test_subject_before_a_place_owns_the_figure(text: str) -> None:
    assert figs(text) == []


# Look-alikes that stay out before and after: other sides, mixed forces, national totals,
# unit numbers, waves, fractions, durations, money, shells, NK troops as captors.
@pytest.mark.parametrize(
    "text",
    [
        "North Korea has sent troops to Russia. Russia has lost 12,000 soldiers in Kursk.",
        "North Korea's army of 1.28 million is one of the largest.",
        "North Korea's special forces number about 200,000.",
        "A third of the North Korean troops in Russia were killed.",
        "North Korea received $20 million for its troops.",
        "North Korea sent 12,000 shells to Russia.",
        "A 50,000-strong force of Russian and North Korean troops was massed.",
        "North Korean troops fought alongside a 12,000-strong Russian corps.",
        "North Korean troops in Russia now number 12 brigades.",
        "The 11th Corps has 12 brigades.",
        "Two Ukrainian soldiers were captured by North Korean troops.",
        "Погибли 300 российских десантников, сообщили северокорейские СМИ.",
        "Unos 300 infantes de marina rusos murieron junto a tropas norcoreanas.",
        "La marina de Corea del Norte cuenta con 60.000 efectivos.",
        "Nordkoreanische Soldaten kämpfen neben einer russischen Truppe von 50.000 Mann.",
        "Nordkoreas Armee zählt 1,2 Millionen Soldaten.",
        "Die nordkoreanischen Soldaten kämpften 90 Tage lang.",
        "Les soldats nord-coréens combattent aux côtés d'une force russe de 50 000 hommes.",
        "Los soldados norcoreanos luchan junto a un contingente ruso de unos 50.000.",
        "El ejército norcoreano cuenta con 1,2 millones de efectivos.",
        "I soldati nordcoreani combattono accanto a una forza russa di circa 50.000.",
        "Os soldados norte-coreanos lutam ao lado de um contingente russo com cerca de 50 mil.",
        "Северокорейские военные воюют вместе с российской группировкой численностью 50 тысяч.",
        "Армия КНДР насчитывает 1,2 миллиона военнослужащих.",
        "Північнокорейські військові воюють разом з російським угрупованням чисельністю 50 тисяч.",
        "북한군은 러시아군 5만명 규모의 병력과 함께 싸우고 있다.",
        "북한은 러시아에 포탄 300만발을 보냈다.",
        "北朝鮮軍は5万人規模のロシア軍部隊と共に戦っている。",
        "朝鲜军队总兵力约128万人。",
        "两名乌克兰士兵被朝鲜军队俘虏。",
        "تقاتل القوات الكورية الشمالية إلى جانب قوة روسية قوامها 50 ألفا.",
        "يبلغ عدد الجنود الروس في كورسك 50 ألفا.",
        "أسرت القوات الكورية الشمالية جنديين أوكرانيين.",
    ],
)
def test_look_alikes_stay_out(text: str) -> None:
    assert figs(text) == []


# A vague quantity is a claim (CLAIMS.md §1, "a small number of"): a quantity noun with a
# size word before the people noun, also when the copy quotes the phrase.
@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said a small number of North Korean soldiers are already in Kursk.",
        "Officials said a “significant number” of North Korean troops had joined the assault.",
        "В Пентагоне подтвердили нахождение «небольшого количества» северокорейских военных.",
        "Значительное количество северокорейских солдат уже находится в Курской области.",
        "Розвідка бачить невелику кількість північнокорейських військових біля кордону.",
        "Laut Pentagon ist eine geringe Anzahl nordkoreanischer Soldaten bereits in Kursk.",
        "Selon Washington, un nombre important de soldats nord-coréens est déjà à Koursk.",
        "Según Kiev, Rusia usa un “número significativo” de soldados norcoreanos en Kursk.",
        "Secondo Seul un numero imprecisato di soldati nordcoreani sarebbe già a Kursk.",
        "Segundo Seul, um grande número de soldados norte-coreanos já está em Kursk.",
        "Si vedono dozzine di soldati nordcoreani che ricevono uniformi russe a Kursk.",
    ],
)
def test_vague_quantity_nouns(text: str) -> None:
    assert [(c.figure_low, c.qualifier) for c in extract_claims(text)] == [(None, "vague")]


# A proportion counts no one (CLAIMS.md §2, fractions): "one in five", "5명 중 1명".
@pytest.mark.parametrize(
    "text",
    [
        "One in five North Korean soldiers sent to Kursk has been wounded, Seoul says.",
        "Uno de cada diez soldados norcoreanos en Kursk ha muerto, según Kiev.",
        "Um em cada dez soldados norte-coreanos em Kursk morreu, segundo Kiev.",
        "Secondo Kiev è morto uno su dieci dei soldati nordcoreani a Kursk.",
        "북한군 병사 10명 중 1명이 전사했다고 우크라이나군이 밝혔다.",
        "北朝鮮兵の10人に1人が戦死したとウクライナ軍が明らかにした。",
        "乌克兰军方称，每十名朝鲜士兵中就有一人阵亡。",
        "قال الجيش الأوكراني إن واحدا من كل عشرة جنود كوريين شماليين قتل في كورسك.",
        # Fractions written as a number and a denominator.
        "Kiev says two-thirds of the North Korean soldiers sent to Kursk have died.",
        "Nach Angaben Kiews sind zwei Drittel der nordkoreanischen Soldaten gefallen.",
        "Selon Kiev, les deux tiers des soldats nord-coréens ont été tués.",
        "Según Kiev, dos tercios de los soldados norcoreanos han muerto.",
        "Secondo Kiev, due terzi dei soldati nordcoreani sono morti.",
        "Segundo Kiev, dois terços dos soldados norte-coreanos morreram.",
        "По данным Киева, две трети северокорейских солдат погибли.",
        "За даними Києва, дві третини північнокорейських солдатів загинули.",
    ],
)
def test_proportions_are_no_figures(text: str) -> None:
    assert figs(text) == []


# Numbers as copy writes them: parts joined by a hyphen, collective numbers (about N),
# "members of the army", the capital's local spellings.
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Seoul says the North has sent a total of 12-thousand troops to Russia.",
            (12000, "exact"),
        ),
        (
            "Seoul says another two-thousand-300 North Korean soldiers were wounded.",
            (2300, "exact"),
        ),
        ("Kiev affirme qu'une trentaine de soldats nord-coréens ont été tués.", (30, "approx")),
        (
            "Kiev afirma que una treintena de soldados norcoreanos murieron en Kursk.",
            (30, "approx"),
        ),
        ("Kiev diz que uma trintena de soldados norte-coreanos morreram em Kursk.", (30, "approx")),
        (
            "Some 9,000 members of the North Korean army are now in Kursk, Seoul said.",
            (9000, "approx"),
        ),
        (
            "Environ 9 000 membres de l'armée nord-coréenne sont à Koursk, selon Séoul.",
            (9000, "approx"),
        ),
        ("Unos 9.000 soldados de Piongyang combaten ya en Kursk, según Seúl.", (9000, "approx")),
    ],
)
def test_numbers_as_copy_writes_them(text: str, want: tuple) -> None:
    assert [(c.figure_low, c.qualifier) for c in extract_claims(text)] == [want]


# Look-alikes: a total that includes North Koreans, the size of each batch, migrant
# workers, a regiment's number, the hundred of a percentage.
@pytest.mark.parametrize(
    "text",
    [
        "ロシア軍はクルスク州に北朝鮮兵を含む4万人の兵力を集結させた。",
        "러시아군은 쿠르스크에 북한군을 포함한 4만 명의 병력을 집결시켰다.",
        "俄军在库尔斯克集结了包括朝鲜士兵在内的4万名兵力。",
        "Seoul says North Korea sends about 3,000 soldiers per rotation to Russia.",
        "قال خبراء إن كوريا الشمالية ترسل قواتها على دفعات، ويبلغ عدد أفراد كل دفعة 5 آلاف جندي.",
        "據報導，北韓計畫派遣3萬名移工前往俄羅斯的無人機工廠。",
        "朝鲜为从俄罗斯归来的士兵举行仪式，318工兵团出席。",
        "Budanov dijo que el 40 por ciento de los proyectiles norcoreanos no funcionan.",
    ],
)
def test_more_look_alikes(text: str) -> None:
    assert figs(text) == []


# Arabic and other copy: the Arabic comma grouping thousands, a hedge with a preposition
# attached, and a figure of 2,000 written without a separator (no year before a noun).
@pytest.mark.parametrize(
    "text, want",
    [
        (
            "قالت الاستخبارات إن بيونغ يانغ أرسلت أكثر من 10،000 جندي إلى كورسك.",
            (10000, "more_than"),
        ),
        (
            "قال البنتاغون إن عدد القوات الكورية الشمالية في كورسك زاد بقرابة ألفي جندي.",
            (2000, "nearly"),
        ),
        ("قالت سيول إن كوريا الشمالية أرسلت بنحو 3 آلاف جندي إلى روسيا.", (3000, "approx")),
        ("قال النائب إنه جرت إعادة 2000 جندي كوري شمالي مصاب إلى بلادهم.", (2000, "exact")),
        ("Secondo Seul, 2000 soldati nordcoreani sono morti a Kursk.", (2000, "exact")),
        ("韩国称，朝鲜向俄罗斯增派了2000名士兵。", (2000, "exact")),
    ],
)
def test_arabic_grouping_hedges_and_round_figures(text: str, want: tuple) -> None:
    assert [(c.figure_low, c.qualifier) for c in extract_claims(text)] == [want]


# Mixed forces named after the noun, and historical dates in running CJK text.
@pytest.mark.parametrize(
    "text",
    [
        "За його словами, сотні військових РФ та КНДР були знищені.",
        "Сотни военных РФ и КНДР были уничтожены в боях.",
        "Fifteen soldiers, Russians and North Koreans, posed together in a field near Kursk.",
        "该部队前身曾于1968年1月发动袭击事件、派遣31名朝鲜官兵跨越非军事区。",
        "北朝鮮は1968年に31人の特殊部隊員を韓国に送り込んだ。",
    ],
)
def test_mixed_owners_after_the_noun_and_cjk_years(text: str) -> None:
    assert extract_claims(text) == []


# Another estimate of the figure the sentence before gave counts what that one counted;
# its claimant is its own sentence's.
@pytest.mark.parametrize(
    "text",
    [
        "Zelensky said 3,000 North Korean soldiers had been killed. South Korea's "
        "government puts the figure at about 1,100.",
        "Selon Zelensky, 3 000 soldats nord-coréens ont été tués. Le gouvernement "
        "sud-coréen, de son côté, estime ce chiffre à environ 1 100.",
        "Selenskyj sagte, 3.000 nordkoreanische Soldaten seien getötet worden. Die "
        "südkoreanische Regierung beziffert diese Zahl auf etwa 1.100.",
        "Зеленский заявил, что погибли 3 тысячи северокорейских военных. Правительство "
        "Южной Кореи оценивает эту цифру в 1100.",
        "Zelenski dijo que 3.000 soldados norcoreanos murieron. El gobierno surcoreano "
        "sitúa esta cifra en unos 1.100.",
    ],
)
def test_another_estimate_of_the_same_figure(text: str) -> None:
    got = [(c.figure_low, c.category) for c in extract_claims(text)]
    assert got == [(3000, "killed"), (1100, "killed")]
    assert extract_claims(text)[1].source == "South Korean government"


def test_a_figure_again_needs_a_figure_before() -> None:
    assert extract_claims("The ministry cut the budget. It puts the figure at 1,100.") == []


# "Kim" alone, as the subject of a verb, is the North Korean leader; "Kim Yong-hyun" is not.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Kim had agreed to dispatch 2,000 combat engineers to Kursk.", [(2000, "planned")]),
        (
            "Après la rencontre, Kim a promis d'envoyer 6 000 ingénieurs militaires à Koursk.",
            [(6000, "planned")],
        ),
        (
            "После переговоров Ким пообещал направить 6 тысяч военных инженеров в Курск.",
            [(6000, "planned")],
        ),
        ("Defence Minister Kim Yong-hyun said 3,000 soldiers were sent to the border.", []),
    ],
)
def test_kim_alone_names_north_korea(text: str, want: list[tuple]) -> None:
    assert [(c.figure_low, c.category) for c in extract_claims(text)] == want


def test_a_handful_with_nothing_said_of_them_is_no_figure() -> None:
    text = "Kim Jong Un appeared at an observation post, flanked by two North Korean officers."
    assert extract_claims(text) == []


# A North Korean weapon's victims are not North Korean personnel; North Korea as the
# subject that sends weapons and troops still owns its troops.
@pytest.mark.parametrize(
    "text, want",
    [
        ("Un misil balístico norcoreano mató a doce personas en Kiev el jueves.", []),
        ("North Korean KN-23 missiles killed four people in Kyiv overnight.", []),
        ("Il missile balistico nordcoreano ha ucciso otto persone a Kiev.", []),
        ("North Korea has sent missiles and 10,000 troops to Russia.", [(10000, "deployed")]),
    ],
)
def test_weapons_owned_by_north_korea(text: str, want: list[tuple]) -> None:
    assert [(c.figure_low, c.category) for c in extract_claims(text)] == want
