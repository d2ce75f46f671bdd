"""Claimant attribution on constructions the per-sentence entity lookup misses."""

from __future__ import annotations

import pytest

from troopwatch.claims import extract_claims
from troopwatch.claims.evaluate import claimant_identity


def sources(text: str) -> list[str]:
    return [c.source for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "According to South Korean and Western intelligence, North Korea has sent "
            "about 12,000 soldiers to Russia.",
            "South Korean and Western intelligence",
        ),
        (
            "Nach Angaben ukrainischer und westlicher Quellen kämpfen rund 9.000 "
            "nordkoreanische Soldaten in Kursk.",
            "Ukrainian and Western sources",
        ),
        (
            "Selon des sources sud-coréennes et ukrainiennes, Pyongyang a envoyé "
            "7 000 soldats en Russie.",
            "South Korean and Ukrainian sources",
        ),
        (
            "Según fuentes estadounidenses y surcoreanas, unos 8.000 soldados norcoreanos "
            "fueron enviados a Rusia.",
            "US and South Korean sources",
        ),
        (
            "美国和韩国情报机构指出，北韩已向俄罗斯派遣约9000名士兵。",
            "US and South Korean intelligence",
        ),
        (
            "米国および韓国の情報機関によると、北朝鮮は約9000人の兵士をロシアに派遣した。",
            "US and South Korean intelligence",
        ),
        (
            "وقالت مصادر أمريكية وكورية جنوبية إن كوريا الشمالية أرسلت نحو 9 آلاف جندي إلى روسيا.",
            "US and South Korean sources",
        ),
        (
            "Nach Angaben der USA und Südkoreas sind etwa 9.000 Soldaten aus Nordkorea "
            "in Russland stationiert.",
            "US and South Korean governments",
        ),
        (
            "Cerca de 700 soldados norte-coreanos morreram lutando pela Rússia, segundo "
            "fontes ocidentais.",
            "Western sources",
        ),
    ],
)
def test_joint_claimants_are_named_by_their_sides(text: str, source: str) -> None:
    assert sources(text) == [source]


def test_two_source_phrases_are_not_merged() -> None:
    # Each phrase has its own noun: no "Ukrainian and Western intelligence".
    got = sources(
        "North Korea could send 20,000 more troops, media reports citing Ukrainian "
        "intelligence officials and Western security sources have said."
    )
    assert got and got[0] != "Ukrainian and Western intelligence"


def test_one_side_of_a_named_agency_keeps_the_agency() -> None:
    got = sources("According to South Korea's NIS, about 3,000 North Korean troops have arrived.")
    assert claimant_identity(got[0]) == claimant_identity("South Korea NIS")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "zufolge" follows its claimant: the country after it only sends the troops.
        ("Berichten zufolge hat Nordkorea 12.000 Soldaten nach Russland entsandt.", "unattributed"),
        # A passive subject is not the speaker.
        (
            "According to officials on Monday, North Korea is expected to send 5,000 more "
            "troops to Russia.",
            "unattributed",
        ),
        (
            "Die USA gehen davon aus, dass Nordkorea 3.000 Soldaten nach Russland verlegt hat.",
            "US government",
        ),
        # A side and a military noun as the subject of saying: the KB's military claimant.
        (
            "As forças militares da Coreia do Sul relatam que a Coreia do Norte enviou "
            "2.000 tropas para a Rússia.",
            "JCS",
        ),
        (
            "Le truppe ucraine hanno rivendicato la cattura di due soldati nordcoreani.",
            "Armed Forces of Ukraine",
        ),
        (
            "Fünftausend weitere Nordkoreaner seien auf dem Weg nach Russland, behauptete "
            "der ukrainische Militärgeheimdienst.",
            "GUR",
        ),
    ],
)
def test_speaker_is_who_says_not_who_sends(text: str, source: str) -> None:
    assert sources(text) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A country's estimates are its government's.
        (
            "According to U.S. estimates, about 9,000 North Korean soldiers are in Russia.",
            "US government",
        ),
        # Arabic attaches "li-" to the source noun.
        (
            "وفقا لمصادر غربية، أرسلت كوريا الشمالية نحو 9 آلاف جندي إلى روسيا.",
            "Western sources",
        ),
        # An official named after the verb; the place before it is no speaker.
        (
            "Centinaia di soldati nordcoreani sono stati uccisi in Ucraina: lo riferisce un "
            "alto funzionario statunitense.",
            "US government",
        ),
        ("乌克兰情报显示，北韩已向俄罗斯派遣约9000名士兵。", "GUR"),
        # The quotation's speaker, named after a long title.
        (
            '"Wir gehen davon aus, dass Nordkorea 2.000 Soldaten nach Russland verlegt hat", '
            "sagte der Sprecher des Nationalen Sicherheitsrates in Washington, John Kirby, "
            "am Mittwoch.",
            "John Kirby",
        ),
        # A name inside the quotation does not say it when its speaker follows.
        (
            "« Le SBU a confirmé que l'armée ukrainienne a capturé deux soldats nord-coréens "
            "à Koursk », indique le NIS dans un communiqué.",
            "NIS",
        ),
    ],
)
def test_attribution_forms(text: str, source: str) -> None:
    assert sources(text) == [source]


def test_arabic_attribution_with_attached_preposition() -> None:
    # "وفقا لـ" writes "li-" onto the agency's name: the agency is still named.
    text = (
        "وفقا لوكالة الاستخبارات الكورية الجنوبية، أرسلت كوريا الشمالية نحو 9 آلاف جندي إلى روسيا."
    )
    assert [claimant_identity(s) for s in sources(text)] == [claimant_identity("South Korea NIS")]


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        # A decision to send, an expectation to be assembled, a future arrival: planned.
        (
            "Der Geheimdienst sagt, Nordkorea habe beschlossen, etwa 9.000 Soldaten nach "
            "Russland zu entsenden.",
            9000,
            "planned",
        ),
        ("北朝鮮は約7000人の兵士をロシアに派遣することにした。", 7000, "planned"),
        (
            "Up to four thousand North Korean troops are expected to be assembled near the "
            "border by Friday.",
            4000,
            "planned",
        ),
        (
            "Environ 8 000 soldats nord-coréens viendront renforcer les troupes russes.",
            8000,
            "planned",
        ),
        # A country that reports a figure is its claimant, not the owner of the personnel.
        (
            "Zelensky said 3,000 North Korean troops were killed. South Korea reported "
            "over 1,000 casualties last week.",
            1000,
            "casualties",
        ),
    ],
)
def test_category_from_modality(text: str, figure: int, category: str) -> None:
    got = {(c.figure_low, c.category) for c in extract_claims(text)}
    assert (figure, category) in got


def test_predicate_in_a_relative_clause_describes_the_noun() -> None:
    # "…, die … geschickt wurden, seien getötet worden": the main verb says what happened.
    got = extract_claims(
        "Mindestens 300 nordkoreanische Soldaten, die von Moskau für den Krieg in der "
        "Ukraine geschickt wurden, seien getötet worden, teilte der Geheimdienst mit."
    )
    assert [(c.figure_low, c.category) for c in got] == [(300, "killed")]


def test_two_figures_two_claimants() -> None:
    got = extract_claims(
        "According to the JCS, about 1,100 North Korean soldiers were killed or wounded, "
        "while Ukrainian President Volodymyr Zelensky said more than 3,000 North Korean "
        "soldiers were killed or wounded."
    )
    ids = [(c.figure_low, claimant_identity(c.source)) for c in got]
    assert ids == [(1100, claimant_identity("JCS")), (3000, claimant_identity("Zelensky"))]


def test_a_lawmaker_in_one_clause_still_relays_the_agency() -> None:
    got = extract_claims(
        "국정원은 북한군 사망자 300여 명, 부상자 2700여 명으로 추정했다고 이성권 의원이 전했다."
    )
    assert {claimant_identity(c.source) for c in got} == {claimant_identity("NIS")}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ukrainian forces captured several North Korean soldiers near Kursk.", "captured"),
        ("Zelensky a indiqué que plusieurs soldats nord-coréens ont été tués.", "killed"),
        ("Українські військові взяли в полон кількох північнокорейських солдатів.", "captured"),
        ("Eine Handvoll nordkoreanischer Soldaten wurde gefangen genommen.", "captured"),
    ],
)
def test_a_vague_few_named_by_a_people_noun(text: str, category: str) -> None:
    got = [(c.figure_low, c.qualifier, c.category) for c in extract_claims(text)]
    assert got == [(None, "vague", category)]


def test_several_without_people_is_no_claim() -> None:
    assert extract_claims("North Korea fired several missiles on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "관리들은 북한에서 파견된 약 1만 명의 병력 중 3,000명이 전투 사상자라고 말했다.",
        "Officials said that of about 10,000 North Korean troops sent, 3,000 were combat "
        "casualties.",
    ],
)
def test_a_casualty_noun_as_predicate(text: str) -> None:
    got = {(c.figure_low, c.category) for c in extract_claims(text)}
    assert (3000, "casualties") in got


@pytest.mark.parametrize(
    "text",
    [
        "The Storm Corps has ten brigades. Its total troop strength is estimated at "
        "between 45,000 and 75,000.",
        "「暴風軍団」は4万5000から7万5000人規模とされる。",
        "폭풍군단은 10개 여단으로 구성돼 있다. 군 당국은 전체 병력 규모가 4만5천∼7만5천명이라고 추정한다.",
    ],
)
def test_size_of_the_storm_corps_is_force_size(text: str) -> None:
    got = [(c.figure_low, c.figure_high, c.category) for c in extract_claims(text)]
    assert got == [(45000, 75000, "force_size")]


def test_storm_corps_sent_to_russia_is_deployed() -> None:
    got = extract_claims("북한은 폭풍군단 병력 약 1만1천 명을 러시아 쿠르스크에 파병했다.")
    assert [(c.figure_low, c.category) for c in got] == [(11000, "deployed")]


@pytest.mark.parametrize(
    "text",
    [
        "Зеленский заявил, что на стороне России уже воюет 4 тысячи солдат из Северной "
        "Кореи, однако их количество возрастет.",
        "Pyongyang ha negato che i suoi soldati potranno essere impiegati in Ucraina, ma "
        "Seul ha affermato che sarebbero già circa quattromila i militari nordcoreani in "
        "Russia.",
    ],
)
def test_already_there_is_no_plan(text: str) -> None:
    got = [(c.figure_low, c.category) for c in extract_claims(text)]
    assert got == [(4000, "deployed")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ранее президент Украины сообщал, что КНДР потеряла около 4000 своих солдат.", "ru"),
        ("Раніше президент України повідомляв, що КНДР втратила близько 4000 солдатів.", "uk"),
    ],
)
def test_imperfective_verbs_of_saying(text: str, lang: str) -> None:
    got = extract_claims(text, lang)
    assert [claimant_identity(c.source) for c in got] == [claimant_identity("Zelensky")]


@pytest.mark.parametrize(
    "text",
    [
        "Nordkoreanische Truppen kämpfen in Kursk. Ein Bataillon besteht in der Regel aus "
        "mehreren Hundert Soldaten.",
        "North Korean troops are fighting in Kursk. A battalion typically has 500 soldiers.",
        "북한군이 쿠르스크에서 싸우고 있다. 대대는 보통 500명 정도로 구성된다.",
    ],
)
def test_generic_unit_sizes_are_no_claims(text: str) -> None:
    assert extract_claims(text) == []


def test_a_hedged_year_like_figure_is_a_count() -> None:
    got = extract_claims(
        "Nordkorea bestätigte, Soldaten nach Russland geschickt zu haben. Rund 2000 von "
        "ihnen wurden getötet."
    )
    assert [(c.figure_low, c.qualifier, c.category) for c in got] == [(2000, "approx", "killed")]


def test_a_year_is_still_no_figure() -> None:
    assert extract_claims("North Korea has sent troops to Russia since 2024, officials said.") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Украинские военные взяли в плен двух солдат армии КНДР в Курской области.", "ru"),
        ("Українські військові взяли в полон двох солдатів армії КНДР на Курщині.", "uk"),
    ],
)
def test_owner_in_a_genitive_after_the_noun(text: str, lang: str) -> None:
    got = [(c.figure_low, c.category) for c in extract_claims(text, lang)]
    assert got == [(2, "captured")]


@pytest.mark.parametrize(
    "text",
    [
        "Nordkorea plant, weitere Truppen nach Russland zu schicken. Es handelt sich um "
        "rund 5.000 Soldaten.",
        "КНДР планирует отправить в Россию новые силы. Речь идет о примерно 5000 военнослужащих.",
    ],
)
def test_a_restatement_keeps_the_plan(text: str) -> None:
    got = [(c.figure_low, c.category) for c in extract_claims(text)]
    assert got == [(5000, "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "우크라이나군이 북한군 몇 명을 생포했다.",
        "ウクライナ軍は北朝鮮兵数人を捕虜にした。",
        "乌军俘虏了数名朝鲜士兵。",
    ],
)
def test_a_few_in_korean_japanese_chinese(text: str) -> None:
    got = [(c.figure_low, c.qualifier, c.category) for c in extract_claims(text)]
    assert got == [(None, "vague", "captured")]


def test_a_few_journalists_are_no_claim() -> None:
    assert extract_claims("数人の記者が北朝鮮を訪れた。") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Secondo il NIS, la Corea del Nord invierà altri 6.000 soldati. Si stima che "
            "finora 11.000 soldati nordcoreani siano stati inviati in Russia.",
            "it",
        ),
        (
            "The NIS said North Korea will send 6,000 more soldiers. It is estimated that "
            "11,000 North Korean soldiers have been sent to Russia so far.",
            "en",
        ),
    ],
)
def test_an_agentless_estimate_does_not_inherit(text: str, lang: str) -> None:
    got = {c.figure_low: c.source for c in extract_claims(text, lang)}
    assert got[11000] == "unattributed"
    assert claimant_identity(got[6000]) == claimant_identity("NIS")


def test_an_estimated_figure_with_no_source_is_unattributed() -> None:
    got = {
        c.figure_low: c.source
        for c in extract_claims(
            "Zelensky said on Monday that 3,000 North Korean soldiers were killed or wounded. "
            "North Korea had sent an estimated 11,000 soldiers to the Kursk region."
        )
    }
    assert got[11000] == "unattributed"
    assert claimant_identity(got[3000]) == claimant_identity("Zelensky")


def test_a_fronted_attribution_does_not_reach_back() -> None:
    got = {
        c.figure_low: c.source
        for c in extract_claims(
            "North Korea has sent about 12,000 soldiers to Russia since last year, and, "
            "according to the NIS, about 1,000 of them have been killed."
        )
    }
    assert got[12000] == "unattributed"
    assert claimant_identity(got[1000]) == claimant_identity("NIS")


# --------------------------------------------------------------------------- outlets


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A broadcaster or paper that is the only source named states a figure of its own.
        (
            "CNN reported on Friday that some 3,000 more North Korean soldiers are in Kursk.",
            "cnn",
        ),
        (
            "Северная Корея потеряла около 700 военных в Курской области. "
            "Об этом сообщает Би-би-си.",
            "bbc",
        ),
        # A news agency named alone relays: no claimant (the older sets' convention).
        (
            "According to Yonhap, North Korea has moved about 2,000 soldiers to Kursk.",
            "unattributed",
        ),
        # An outlet relaying a named speaker: the speaker.
        (
            "Северная Корея направила в Курскую область 4000 солдат. Об этом сообщил "
            "министр обороны Рустем Умеров, пишет Интерфакс.",
            "rustem-umerov",
        ),
    ],
)
def test_an_outlet_named_alone_is_its_own_source(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


# ------------------------------------------------------------- lawmakers relaying the NIS


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The NIS named earlier in the passage, the lawmaker speaking later.
        (
            "Selon les services de renseignement sud-coréens, les pertes sont lourdes. "
            "Le député Lee Seong-kweun a déclaré que 900 soldats nord-coréens avaient été tués.",
            "nis",
        ),
        # A committee lawmaker briefed by "the intelligence services": the NIS briefed him.
        (
            "Lawmaker Park Sun-won said after a briefing by the intelligence services that "
            "2,000 North Korean troops had been wounded.",
            "nis",
        ),
        (
            "وقال المشرع لي سيونغ كوين بعد إحاطة من الاستخبارات إن 400 جندي كوري شمالي "
            "قتلوا في كورسك.",
            "nis",
        ),
        # The intelligence committee is the lawmaker's own: his view stays his.
        (
            "Lee Seong-kweun, a lawmaker on the intelligence committee, said he thought "
            "800 North Korean soldiers had died.",
            "lee-seong-kweun",
        ),
    ],
)
def test_a_lawmaker_relays_the_nis_named_in_the_passage(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


# ------------------------------------------- verbs of saying, announcing and estimating


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Після переговорів Шойгу оголосив, що КНДР вже направила в Курську область "
            "2 тисячі військовослужбовців.",
            "sergei-shoigu",
        ),
        (
            "«Ми вже бачимо понад 400 загиблих солдатів КНДР», - констатував Зеленський.",
            "volodymyr-zelensky",
        ),
        (
            "Der südkoreanische Generalstab gibt dagegen 800 getötete nordkoreanische Soldaten an.",
            "jcs",
        ),
        (
            "Diese Zahl nannte der Sicherheitsdienst der Ukraine: 3 nordkoreanische Soldaten "
            "wurden gefangen genommen.",
            "sbu",
        ),
        (
            "O exército sul-coreano indicou que cerca de 700 soldados norte-coreanos ficaram "
            "feridos em Kursk.",
            "jcs",
        ),
        ("韩国国家情报院周二説,约有2000名朝鲜士兵受伤。", "nis"),
        ("韩国情报部门推测朝鲜已向俄罗斯派遣约3000名士兵。", "nis"),
        ("국정원은 북한군 500명이 추가로 러시아에 파병됐다고 한다.", "nis"),
    ],
)
def test_more_verbs_of_saying_name_their_subject(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


# ------------------------------------------------- Korean and Japanese subjects and topics


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A は-topic outranks a が-subject inside what is said.
        (
            "ゼレンスキー大統領は5日、ロシア軍が占領を続ける地域で北朝鮮兵400人が死亡したと"
            "明らかにした。",
            ["volodymyr-zelensky"],
        ),
        # A country as the topic of a verb of saying speaks for its government.
        (
            "ウクライナは20日、北朝鮮兵4人を新たに拘束したと明らかにした。",
            ["ua-government"],
        ),
        # Three title words between the name and its particle.
        (
            "북한이 공병 2000명을 보냈다고 세르게이 쇼이구 러시아 국가안보회의 서기가 5일 밝혔다.",
            ["sergei-shoigu"],
        ),
        # An acronym in parentheses before the subject particle.
        ("영국 국방정보국(DI)이 북한군 사상자가 4000명을 넘었다고 추산했다.", ["uk-mod"]),
        # 도 ("also") marks the speaker as 은/는 does.
        ("한국 국가정보원도 북한군 200명이 사망한 것으로 보고했다.", ["nis"]),
        # "오는 1월" (the coming January) is no speaker: the claimant runs on.
        (
            "국정원은 북한군 3000명이 러시아에 있다고 밝혔다. 또한 북한이 오는 1월까지 "
            "5000명을 더 보낼 것으로 예상했다.",
            ["nis", "nis"],
        ),
    ],
)
def test_korean_and_japanese_speakers(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


# ------------------------------------ agencies by their Italian, Portuguese, Chinese, Arabic names


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("北约证实约有8000名朝鲜士兵已抵达库尔斯克。", "nato"),
        (
            "Secondo il Servizio di sicurezza dell'Ucraina, 3 soldati nordcoreani sono stati "
            "catturati a Kursk.",
            "sbu",
        ),
        (
            "Segundo o Estado-Maior ucraniano, cerca de 2.000 soldados norte-coreanos foram "
            "mortos em Kursk.",
            "ua-general-staff",
        ),
        # A shadda on the verb of saying ("صرّح") is the same verb.
        (
            "وصرّح المتحدث باسم البنتاغون بأن نحو 8000 جندي كوري شمالي موجودون في كورسك.",
            "pentagon",
        ),
    ],
)
def test_agencies_named_in_the_newer_languages(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


# ------------------------------- the next sentence names the source; a passive's agent


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Rund 2000 nordkoreanische Soldaten sollen verwundet worden sein. Diese "
            "Schätzung nannte der ukrainische Militärgeheimdienst am Montag.",
            "gur",
        ),
        (
            "Sarebbero circa 4000 i soldati nordcoreani feriti a Kursk. È quanto stima il "
            "Pentagono.",
            "pentagon",
        ),
        (
            "Some 1,500 North Korean soldiers have been wounded in Kursk. The latest estimate "
            "came from the Pentagon.",
            "pentagon",
        ),
        (
            "Come riferito dal Pentagono, circa 6000 soldati nordcoreani sono arrivati a Kursk.",
            "pentagon",
        ),
        (
            "Como fue confirmado por la OTAN, unos 3.000 soldados norcoreanos llegaron a Kursk.",
            "nato",
        ),
        # The agent of a noun ("la capture par l'armée") is no source.
        (
            "Le président ukrainien a annoncé samedi la capture par l'armée ukrainienne de "
            "2 soldats nord-coréens.",
            "volodymyr-zelensky",
        ),
    ],
)
def test_pointers_and_passive_agents(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


def test_a_sentence_that_only_points_back_hands_on_the_claimant_before() -> None:
    text = (
        "Wie der ukrainische Militärgeheimdienst mitteilte, sind sie seit Montag in Kursk. "
        "Ausgebildet wurden sie demnach im Osten Russlands. Insgesamt sind 9.000 "
        "nordkoreanische Soldaten dort, heißt es."
    )
    assert [claimant_identity(s) for s in sources(text)] == ["gur"]


@pytest.mark.parametrize(
    ("name", "lang", "entity"),
    [
        # An unnamed official speaks for the government, as "US military official" does.
        ("senior Ukrainian official", "en", "ua-government"),
        ("South Korean official", "en", "south-korean-government"),
        ("Russian official", "en", "russian-government"),
        ("北约", "zh", "nato"),
        ("SNI", "pt", "nis"),
    ],
)
def test_descriptions_resolve_to_their_entity(name: str, lang: str, entity: str) -> None:
    assert claimant_identity(name, lang) == entity


def test_korean_intelligence_authorities_analysing() -> None:
    text = "정보 당국은 북한군 약 2천명이 추가로 파병된 것으로 분석하고 있다."
    assert [claimant_identity(s) for s in sources(text)] == ["nis"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The quotation's speaker, named after it, still relays the NIS he met.
        (
            '"Cerca de 2.500 soldados norte-coreanos foram enviados à Rússia", declarou o '
            "legislador Park Sun-won, após um encontro com o NIS.",
            "nis",
        ),
        # "der Bekanntgabe Selenskyjs": the announcement's owner.
        (
            "Das folgte der Bekanntgabe Selenskyjs, dass ukrainische Truppen drei "
            "nordkoreanische Soldaten gefangen genommen hätten.",
            "volodymyr-zelensky",
        ),
        (
            "В интервью южнокорейский депутат Пак Сун Вон заявил, что в Курской области "
            "находятся около 9000 северокорейских солдат.",
            "park-sun-won",
        ),
        (
            "Un mando militar estadounidense informó que unos 400 soldados norcoreanos "
            "murieron en Kursk.",
            "us-government",
        ),
    ],
)
def test_relays_owners_and_more_names(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # An accusation states the figure.
        (
            "Séoul a accusé Pyongyang d'avoir envoyé 3 000 soldats supplémentaires en Russie.",
            "south-korean-government",
        ),
        ("Київ звинуватив КНДР у відправці ще 2 тисяч військових до Росії.", "ua-government"),
        # German verb-second: the country right after the verb is its subject, though the
        # next noun is capitalised too.
        (
            "Neu ist: Erstmals nannte Nordkorea Zahlen, 120 nordkoreanische Soldaten seien "
            "gefallen.",
            "kp-government",
        ),
        # Intelligence reports by their sides (Arabic).
        (
            "وكانت تقارير استخباراتية أوكرانية وغربية قد أفادت بأن 9000 جندي كوري شمالي "
            "وصلوا إلى كورسك.",
            "ukrainian and western intelligence",
        ),
    ],
)
def test_accusations_inversions_and_reports(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "El anuncio por parte del Pentágono de que 8.000 soldados norcoreanos están en "
            "Kursk sorprendió a los aliados.",
            "pentagon",
        ),
        (
            "La confirmation de la part de l'OTAN que 8 000 soldats nord-coréens sont à Koursk "
            "a surpris les alliés.",
            "nato",
        ),
    ],
)
def test_a_statement_noun_by_its_agent(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


def test_a_pointer_names_the_source_of_a_run_of_figures() -> None:
    text = (
        "В Курской области погибли или были ранены около 3000 военных КНДР. Из них около "
        "800 погибших. Об этом сообщает Би-би-си."
    )
    assert [claimant_identity(s) for s in sources(text)] == ["bbc", "bbc"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "La Corée du Sud a affirmé que 4 000 soldats nord-coréens étaient à Koursk, en "
            "citant ses services de renseignement.",
            "nis",
        ),
        (
            "Ukraine said 3,000 North Korean soldiers had been wounded, citing its "
            "intelligence services.",
            "gur",
        ),
    ],
)
def test_a_government_relaying_its_own_intelligence(text: str, source: str) -> None:
    assert [claimant_identity(s) for s in sources(text)] == [source]


def test_a_quoted_name_after_an_arabic_verb_is_its_subject() -> None:
    text = (
        'وكشف النائب "باك سون وون" بعد إحاطة من المخابرات أن نحو 700 جندي كوري شمالي '
        "قتلوا في كورسك."
    )
    assert [claimant_identity(s) for s in sources(text)] == ["nis"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A surname with a title is the person named before; a lawmaker so named relays
        # the NIS the passage names.
        (
            "박선원 의원은 국정원이 비공개 간담회에서 이같이 보고했다고 밝혔다. 박 의원은 "
            "“북한군 사망자는 약 400명에 이른다”고 말했다.",
            ["nis"],
        ),
        (
            "유용원 의원과 면담한 우크라이나 측은 현지 상황을 설명했다. 유 의원은 “북한군 "
            "3천명이 이미 전선에 도착했다”고 말했다.",
            ["yu-yong-weon"],
        ),
    ],
)
def test_a_titled_surname_is_the_person_named_before(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The figure stated in a relative clause ("the 1,100 the JCS reported") is its
        # subject's, not the sentence's first speaker's.
        (
            "젤렌스키 대통령이 밝힌 수치는 합동참모본부(JCS)가 밝힌 북한군 사상자 1100명보다 "
            "3배 많다.",
            ["jcs"],
        ),
        (
            "국정원은 “북한이 기념식에서 공개한 전사자는 300명이지만 실제 사망자는 2000명으로 "
            "추산된다”고 밝혔다.",
            ["kp-government", "nis"],
        ),
        (
            "国家情報院によると、北朝鮮が公開した戦死者は300人ほどだが、実際には2000人が戦死した"
            "と推定される。",
            ["kp-government", "nis"],
        ),
        (
            "泽连斯基表示，韩国国家情报院公布的朝鲜士兵阵亡人数约为300人。",
            ["nis"],
        ),
    ],
)
def test_a_relative_clause_of_saying_names_its_figure_s_claimant(
    text: str, source: list[str]
) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Papers and broadcasters the KB knows, by the names each language cites them with;
        # written flush against Japanese or Chinese text, after their country.
        (
            "Північна Корея може направити до 50 тисяч військових. Про це повідомляє Daily Star.",
            ["daily-star"],
        ),
        (
            "Unos 4.000 soldados norcoreanos han muerto en Kursk, según ha informado la revista "
            "estadounidense 'Newsweek'.",
            ["newsweek"],
        ),
        ("アメリカCNNテレビは、北朝鮮兵1万人が追加で派遣されると報じた。", ["cnn"]),
        # A domestic broadcaster may be the article's own publisher: no claimant.
        ("北朝鮮兵1万人が追加で派遣されたと朝日新聞が報じた。", ["unattributed"]),
        ("报道引述美国杂志《新闻周刊》的说法，约1.2万名朝鲜士兵已抵达俄罗斯。", ["newsweek"]),
        (
            "Северная Корея потеряла 200 солдат. Об этом сообщают СМИ со ссылкой на "
            "центральное телевидение КНДР.",
            ["kctv"],
        ),
        (
            "Laut dem Portal Global Defense Corporation sind 500 nordkoreanische Soldaten "
            "getötet worden.",
            ["global-defense-corp"],
        ),
    ],
)
def test_outlets_cited_in_their_languages(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Descriptions that name one person in the language's press: "the head of the
        # Ukrainian executive", Ukrainian "глава держави"; the Spanish imperfect of narration.
        (
            "«No vamos a ceder», denunciaba el jefe del Ejecutivo ucraniano, que advirtió que "
            "unos 12.000 soldados norcoreanos ya están en Kursk.",
            ["volodymyr-zelensky"],
        ),
        (
            "Близько 11 тисяч північнокорейських солдатів перебувають у Курській області, "
            "сказав глава держави.",
            ["volodymyr-zelensky"],
        ),
        (
            "Le chef de l'État ukrainien a affirmé que 3 000 soldats nord-coréens avaient été "
            "tués.",
            ["volodymyr-zelensky"],
        ),
        (
            "Il leader ucraino ha detto che 4.000 soldati nordcoreani sono stati feriti.",
            ["volodymyr-zelensky"],
        ),
        # A straight quote opening a sentence opens a quotation: its figures are said by
        # the speaker named where it closes, sentences later.
        (
            '"Близько 11 тисяч північнокорейських солдатів уже в Курській області. Частина '
            'з них вже брала участь у боях", - сказав Зеленський.',
            ["volodymyr-zelensky"],
        ),
    ],
)
def test_descriptions_and_quotations_opened_before(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # An aside between the speaker and its verb names nobody.
        (
            "Zelensky ha detto che 3.000 soldati nordcoreani sono stati uccisi. Seul dal canto "
            "suo ha stimato che siano 1.100 i soldati nordcoreani feriti.",
            ["volodymyr-zelensky", "south-korean-government"],
        ),
        (
            "Zelenski afirmó que 3.000 soldados norcoreanos murieron. Seúl por su parte "
            "calculó que 1.100 soldados norcoreanos resultaron heridos.",
            ["volodymyr-zelensky", "south-korean-government"],
        ),
        (
            "Зеленский заявил о 3000 убитых северокорейских солдат. Сеул в свою очередь "
            "оценил число раненых в 1100 человек.",
            ["volodymyr-zelensky", "south-korean-government"],
        ),
        # "X has data/information on …": X states what its data show.
        (
            "Міністерство оборони США має дані про перекидання до Росії близько 8 тисяч "
            "військових КНДР.",
            ["pentagon"],
        ),
        (
            "Das Pentagon hat Erkenntnisse, wonach rund 8.000 nordkoreanische Soldaten in "
            "Kursk sind.",
            ["pentagon"],
        ),
        (
            "El Pentágono tiene información de que unos 8.000 soldados norcoreanos están en Kursk.",
            ["pentagon"],
        ),
    ],
)
def test_asides_and_having_information(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Two claimants in one sentence, no comma: "while" opens the second one's clause.
        (
            "Zelensky said 3,000 North Korean soldiers had been killed while the NIS estimated "
            "that 1,100 North Korean soldiers were killed.",
            ["volodymyr-zelensky", "nis"],
        ),
        # A が-subject of a clause describing a noun does not speak; the speaker is the
        # topic of the sentence before, read by Japanese rules though it has no number.
        (
            "国家情報院の金院長は17日、国会で報告した。ウクライナ軍が占領したクルスク州に、"
            "北朝鮮が工兵2000人を派遣する予定だと明らかにした。",
            ["nis"],
        ),
    ],
)
def test_figure_by_figure_and_relative_clause_subjects(text: str, source: list[str]) -> None:
    assert [claimant_identity(s) for s in sources(text)] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A country and its allies, named as such in every language.
        (
            "According to Ukraine and its allies, North Korea has sent about 12,000 soldiers "
            "to Russia.",
            "Ukraine and allies",
        ),
        (
            "우크라이나와 동맹국들의 평가에 따르면 북한은 약 1만명의 병력을 러시아에 보냈다.",
            "Ukraine and allies",
        ),
        (
            "ووفقا لكييف وحلفائها الغربيين، أرسلت كوريا الشمالية نحو 8 آلاف جندي إلى روسيا.",
            "Ukraine and Western allies",
        ),
        (
            "أرسلت كوريا الشمالية نحو 8 آلاف جندي إلى روسيا، وفقا للولايات المتحدة وحلفائها.",
            "US and allies",
        ),
        (
            "Segundo Kiev e seus aliados ocidentais, cerca de 8 mil soldados norte-coreanos "
            "foram enviados à Rússia.",
            "Ukraine and Western allies",
        ),
    ],
)
def test_a_country_and_its_allies(text: str, source: str) -> None:
    assert sources(text) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # An unnamed lawmaker is named by his side; briefed by the intelligence service, he
        # relays the NIS.
        (
            "كشف نائب برلماني كوري جنوبي عن مقتل نحو 500 جندي من كوريا الشمالية.",
            "South Korean lawmaker",
        ),
        (
            "Un député sud-coréen a affirmé que 500 soldats nord-coréens avaient été tués.",
            "South Korean lawmaker",
        ),
        (
            "Corea del Norte envió unos 4.000 soldados a Rusia, según un diputado surcoreano, "
            "tras una sesión informativa de los servicios de inteligencia.",
            "NIS",
        ),
        (
            "Около 4000 северокорейских солдат находятся в России, сообщил южнокорейский "
            "депутат после брифинга Национальной разведывательной службы.",
            "NIS",
        ),
        # The second half of a hyphenated outlet's name is no place speaking.
        (
            "Северная Корея отправила около 9 тысяч солдат, рассказал министр обороны "
            "Рустем Умеров, сообщает Интерфакс-Украина.",
            "Rustem Umerov",
        ),
    ],
)
def test_unnamed_lawmakers_and_hyphenated_outlets(text: str, source: str) -> None:
    assert sources(text) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # South Korea's military intelligence, by its names in Chinese, Korean and English.
        (
            "國防情報本部表示，北韓已向俄羅斯派出約1萬5000名兵力。",
            "South Korean Defense Intelligence Agency",
        ),
        (
            "국방정보본부는 북한이 러시아에 약 1만5000명을 파병했다고 밝혔다.",
            "South Korean Defense Intelligence Agency",
        ),
        # An appositive relative clause between a name and its verb.
        (
            "“About 3,000 North Korean soldiers have been deployed to Russia,” Kang, who sits "
            "on the defence committee, told reporters.",
            "Kang",
        ),
        # "Western powers" are the Western governments; a present plural verb before them.
        (
            "Western powers say about 10,000 North Korean soldiers have been sent to Russia.",
            "Western governments",
        ),
        (
            "Cerca de 10 mil soldados norte-coreanos foram enviados à Rússia, afirmam "
            "potências ocidentais.",
            "Western governments",
        ),
    ],
)
def test_military_intelligence_appositives_and_powers(text: str, source: str) -> None:
    assert sources(text) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A pointer whose source stands in a relative clause: "The information, which came
        # from X, …" names the source of the figures before it.
        (
            "North Korea is preparing to send about 3,000 more soldiers to Russia. The "
            "information, which came from Ukrainian military intelligence, suggests the ties "
            "are deepening.",
            "GUR",
        ),
        (
            "A Coreia do Norte prepara o envio de cerca de 3 mil soldados para a Rússia. A "
            "informação, que partiu de uma fonte de inteligência militar ucraniana, sugere "
            "laços mais profundos.",
            "GUR",
        ),
    ],
)
def test_a_pointer_with_its_source_in_a_relative_clause(text: str, source: str) -> None:
    assert sources(text) == [source]


def test_a_katakana_surname_with_an_honorific_before_niyoruto() -> None:
    # "ライダー氏によると": the one claimant of the KB whose Japanese name ends so.
    text = (
        "ライダー氏によると、ロシアに派遣された北朝鮮兵は約1万1千人で、主に歩兵として戦っている。"
    )
    assert [claimant_identity(s) for s in sources(text)] == ["pat-ryder"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A sentence announcing the news names the source of the figures after it, a
        # capital speaking for its government.
        (
            "The announcement was made by the Kremlin on Tuesday. North Korea will send 6,000 "
            "military builders to Kursk.",
            "Kremlin",
        ),
        (
            "L'annonce a été faite par Moscou mardi. Pyongyang doit envoyer 6 000 soldats "
            "nord-coréens à Koursk.",
            "Russian government",
        ),
    ],
)
def test_an_announcement_names_the_source_of_what_follows(text: str, source: str) -> None:
    assert sources(text) == [source]


# ------------------------------------------- claimant names in the forms news copy uses
# (a coverage audit: each language's transliterations, inflections, titles and acronyms;
# data/eval/real/CLAIMANT_CHECKLIST.md)


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        # Chinese transliterations of people and the names of ministries and outlets.
        ("据鲁比奥称，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "marco-rubio"),
        ("赫格塞斯表示，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "pete-hegseth"),
        ("根据佩斯科夫的估计，约3000名朝鲜士兵已经阵亡。", "zh", "dmitry-peskov"),
        ("据韩国总统尹锡悦称，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "yoon-suk-yeol"),
        ("五角大厦表示，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "pentagon"),
        ("乌克兰外交部表示，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "ua-mfa"),
        ("据乌克兰国防部情报总局称，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "gur"),
        ("韩国国家情报院院长李钟奭表示，约3000名朝鲜士兵在库尔斯克阵亡。", "zh", "lee-jong-seok"),
        # Arabic transliterations; "li-" before the article drops its alif (للبنتاغون).
        ("قال بيسكوف إن نحو 3 آلاف جندي كوري شمالي قتلوا في كورسك.", "ar", "dmitry-peskov"),
        ("وفقا للبنتاغون، قتل نحو 3 آلاف جندي كوري شمالي في كورسك.", "ar", "pentagon"),
        ("وفقا للكرملين، قتل نحو 3 آلاف جندي كوري شمالي في كورسك.", "ar", "kremlin"),
        ("وقال الاتحاد الأوروبي إن نحو 3 آلاف جندي كوري شمالي قتلوا في كورسك.", "ar", "eu"),
        (
            "وبحسب الخارجية الأمريكية، قتل نحو 3 آلاف جندي كوري شمالي في كورسك.",
            "ar",
            "us-state-department",
        ),
        # Verbal nouns and Ukrainian neuter adjectives decline.
        (
            "По данным Главного управления разведки Минобороны Украины, в Курской области "
            "погибли около 3000 северокорейских военных.",
            "ru",
            "gur",
        ),
        (
            "За даними Головного управління розвідки, у Курській області загинули близько "
            "3000 північнокорейських військових.",
            "uk",
            "gur",
        ),
        # German verb-final clauses and genitive names.
        (
            "Wie Selenskyj mitteilte, sind rund 3.000 nordkoreanische Soldaten in Kursk "
            "getötet worden.",
            "de",
            "volodymyr-zelensky",
        ),
        (
            "Nach Angaben des Vereinigten Generalstabs Südkoreas sind rund 3.000 "
            "nordkoreanische Soldaten in Kursk getötet worden.",
            "de",
            "jcs",
        ),
        (
            "Nach Angaben des ukrainischen Geheimdienstes SBU sind rund 3.000 nordkoreanische "
            "Soldaten in Kursk getötet worden.",
            "de",
            "sbu",
        ),
        # Romance languages: plural, "di Kiev"/"da Ucrânia" and description forms.
        (
            "Selon les renseignements militaires ukrainiens, environ 3 000 soldats "
            "nord-coréens ont été tués à Koursk.",
            "fr",
            "gur",
        ),
        (
            "Selon l'état-major interarmées de Corée du Sud, environ 3 000 soldats "
            "nord-coréens ont été tués à Koursk.",
            "fr",
            "jcs",
        ),
        (
            "Secondo il servizio di intelligence sudcoreano, circa 3.000 soldati nordcoreani "
            "sono stati uccisi a Kursk.",
            "it",
            "nis",
        ),
        (
            "Secondo lo Stato maggiore di Kiev, circa 3.000 soldati nordcoreani sono stati "
            "uccisi a Kursk.",
            "it",
            "ua-general-staff",
        ),
        (
            "Segundo a agência de espionagem sul-coreana, cerca de 3.000 soldados "
            "norte-coreanos foram mortos em Kursk.",
            "pt",
            "nis",
        ),
        (
            "Segundo o Estado-Maior da Ucrânia, cerca de 3.000 soldados norte-coreanos foram "
            "mortos em Kursk.",
            "pt",
            "ua-general-staff",
        ),
        # The party's Central Military Commission; an outlet the KB did not know.
        (
            "The Central Military Commission of the Workers' Party said about 3,000 North "
            "Korean soldiers have been killed in Kursk.",
            "en",
            "wpk",
        ),
        (
            "Per Meduza, about 3,000 North Korean soldiers have been killed in Kursk.",
            "en",
            "meduza",
        ),
        # A name followed by its acronym in brackets after a postposed verb.
        (
            "Unos 3.000 soldados norcoreanos murieron en Kursk, informó el Instituto para el "
            "Estudio de la Guerra (ISW).",
            "es",
            "isw",
        ),
        # Attribution constructions: Ukrainian masculine past in -в, Arabic "as X put it",
        # German postposed "so X", Russian "как отметил X".
        (
            "Як заявив Зеленський, у Курській області загинули близько 3000 "
            "північнокорейських військових.",
            "uk",
            "volodymyr-zelensky",
        ),
        (
            "قتل نحو 3 آلاف جندي كوري شمالي في كورسك، على حد قول البنتاغون.",
            "ar",
            "pentagon",
        ),
        (
            "Rund 3.000 nordkoreanische Soldaten sind in Kursk getötet worden, so das Pentagon.",
            "de",
            "pentagon",
        ),
        (
            "Как отметил Буданов, в Курской области погибли около 3000 северокорейских военных.",
            "ru",
            "kyrylo-budanov",
        ),
        # Arabic sides: "li-" + article ("للاستخبارات") and the spelling "أميركية".
        (
            "وفقا للاستخبارات الأمريكية، قتل نحو 3 آلاف جندي كوري شمالي في كورسك.",
            "ar",
            "us-government",
        ),
        (
            "بحسب المخابرات الأميركية، قتل نحو 3 آلاف جندي كوري شمالي في كورسك.",
            "ar",
            "us-government",
        ),
        (
            "According to Japan's defence ministry, about 3,000 North Korean soldiers have "
            "been killed in Kursk.",
            "en",
            "japan-government",
        ),
        # The owner of a document states what it shows.
        (
            "Figures released by the Pentagon show about 3,000 North Korean soldiers have "
            "been killed.",
            "en",
            "pentagon",
        ),
        (
            "An NIS assessment found about 3,000 North Korean soldiers have been killed.",
            "en",
            "nis",
        ),
        ("وأظهرت بيانات البنتاغون أن نحو 3 آلاف جندي كوري شمالي قتلوا.", "ar", "pentagon"),
        (
            "Stando alle stime del Pentagono, circa 3.000 soldati nordcoreani sono stati uccisi.",
            "it",
            "pentagon",
        ),
        # Arabic copy writes alif with or without hamza: الاوكرانية is الأوكرانية.
        (
            "وقالت الاستخبارات العسكرية الاوكرانية إن نحو 3 آلاف جندي كوري شمالي قتلوا.",
            "ar",
            "gur",
        ),
        ("وقالت وزارة الدفاع الامريكية إن نحو 3 آلاف جندي كوري شمالي قتلوا.", "ar", "pentagon"),
        # A Japanese name in corner brackets is no quotation.
        (
            "アメリカのシンクタンク「戦争研究所」は、クルスクで北朝鮮兵約3000人が死亡したと"
            "明らかにした。",
            "ja",
            "isw",
        ),
        (
            "Segundo os EUA, cerca de 3.000 soldados norte-coreanos foram mortos.",
            "pt",
            "us-government",
        ),
        (
            "O serviço de espionagem de Seul disse que cerca de 3.000 soldados norte-coreanos "
            "foram mortos.",
            "pt",
            "nis",
        ),
        (
            "По данным Минобороны РК, в Курской области погибли около 3000 северокорейских "
            "военных.",
            "ru",
            "kr-mnd",
        ),
        (
            "По данным украинских властей, в Курской области погибли около 3000 "
            "северокорейских военных.",
            "ru",
            "ua-government",
        ),
        # "The media" name no source.
        (
            "По данным СМИ, в Курской области погибли около 3000 северокорейских военных.",
            "ru",
            "unattributed",
        ),
        # "X in Seoul", "X de Séoul": the agency, not the government of the city named.
        (
            "Der Generalstab in Seoul erklärte, rund 3.000 nordkoreanische Soldaten seien in "
            "Kursk getötet worden.",
            "de",
            "jcs",
        ),
        (
            "Selon les services secrets de Séoul, environ 3 000 soldats nord-coréens ont été "
            "tués à Koursk.",
            "fr",
            "nis",
        ),
        # Korean: a country's "side" (측) speaks for its government.
        (
            "정부 측은 북한군 약 3000명이 쿠르스크에서 사망했다고 추산했다.",
            "ko",
            "south-korean-government",
        ),
    ],
)
def test_claimant_forms_across_languages(text: str, lang: str, source: str) -> None:
    assert [claimant_identity(s, lang) for s in sources(text)] == [source]


def test_a_name_inside_quoted_words_still_does_not_speak() -> None:
    got = sources(
        "「国家情報院は北朝鮮兵約3000人が死亡したとみている」とゼレンスキー大統領は述べた。"
    )
    assert [claimant_identity(s) for s in got] == ["volodymyr-zelensky"]


def test_a_document_verb_without_an_owner_names_nobody() -> None:
    assert sources("Satellite images show about 3,000 North Korean soldiers in Kursk.") == [
        "unattributed"
    ]


def test_the_democratic_party_is_no_rate() -> None:
    # "주당" (per week) ends "민주당": a lawmaker of the Democratic Party keeps the figure.
    got = extract_claims(
        "박선원 더불어민주당 의원은 북한군 약 3000명이 쿠르스크에서 사망했다고 밝혔다."
    )
    assert [(c.figure_low, claimant_identity(c.source)) for c in got] == [(3000, "park-sun-won")]
    # A weekly rate is still no head count.
    assert extract_claims("북한군 사상자는 주당 300명에 달한다.") == []


# Verbs of saying as copy uses them: a present tense of an impersonal "in the Pentagon
# they confirm", "speaking of" a figure, disclosing, confirming in Chinese, and a speaker
# named after the verb before a hyphenated day ("nesta segunda-feira").
@pytest.mark.parametrize(
    "text",
    [
        "A Coreia do Norte enviou 9.000 soldados à Rússia, informou o Pentágono nesta segunda-feira.",
        "Na semana passada, o Pentágono falou em 9.000 soldados norte-coreanos na Rússia.",
        "У Пентагоні підтверджують перебування 9000 військових КНДР у Курській області.",
        "В Пентагоне подтверждают присутствие 9000 военных КНДР в Курской области.",
        "Le Pentagone a dévoilé jeudi que 9 000 soldats nord-coréens sont en Russie.",
        "五角大楼确认，已有9000名朝鲜士兵被派往俄罗斯。",
    ],
)
def test_verbs_of_saying_as_copy_uses_them(text: str) -> None:
    assert sources(text) == ["Pentagon"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A title, a comma, then the person, after an inverted verb of saying.
        (
            "Rund 4.000 nordkoreanische Soldaten seien inzwischen in Kursk eingesetzt, "
            "erklärte am Dienstag der Sprecher des Pentagons, Pat Ryder.",
            "Pat Ryder",
        ),
        (
            "Près de 3 000 soldats nord-coréens ont été blessés en Russie, a déclaré "
            "mercredi le ministre ukrainien de la Défense, Roustem Oumerov.",
            "Rustem Umerov",
        ),
        # The speaker right after the verb, then a time or a place phrase.
        (
            '"Unos 2.000 soldados norcoreanos ya están en Kursk", afirmó Budanov durante '
            "una entrevista con una cadena estadounidense.",
            "Kyrylo Budanov",
        ),
        (
            "Circa 1.500 militari nordcoreani sono stati feriti, ha detto Zelensky nel "
            "suo discorso serale alla nazione.",
            "Volodymyr Zelensky",
        ),
        # A speaker the knowledge base does not know, in any language.
        (
            "«Pyongyang a envoyé environ 8 000 soldats dans l'est de la Russie», a "
            "expliqué Jennings.",
            "Jennings",
        ),
        (
            '"Nordkorea hat bereits 7.000 Soldaten nach Russland geschickt", sagte Hallström.',
            "Hallström",
        ),
    ],
)
def test_an_inverted_speaker_after_the_figure(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The pointer comes two sentences after the figure: the sentence between says
        # more about the same troops and names nobody.
        (
            "Близько 9 тисяч військових КНДР перебувають у Курській області. Їхня кількість "
            "постійно зростає. Про це повідомив головнокомандувач ЗСУ Олександр Сирський.",
            "Oleksandr Syrskyi",
        ),
        (
            "Около 2 тысяч северокорейских военных получили ранения. Часть из них уже "
            "вернулась на фронт. Об этом заявил глава ГУР Кирилл Буданов.",
            "Kyrylo Budanov",
        ),
    ],
)
def test_a_pointer_reaches_back_over_a_sentence_without_figures(text: str, source: str) -> None:
    got = sources(text)
    assert got and all(claimant_identity(s) == claimant_identity(source) for s in got), got


def test_he_said_further_keeps_the_claimant_past_a_wire_credit() -> None:
    # The wire that reported the sentence before relays; "he" is still the minister.
    text = (
        "Nach Angaben des ukrainischen Verteidigungsministers Rustem Umjerow sind bereits "
        "3.000 nordkoreanische Soldaten in Kursk. Das sagte er am Montag in Kiew, wie die "
        "Nachrichtenagentur AFP meldete. Etwa "
        "500 der nordkoreanischen Soldaten seien verwundet worden, sagte er weiter."
    )
    got = sources(text)
    assert len(got) == 2 and {claimant_identity(s) for s in got} == {
        claimant_identity("Rustem Umerov")
    }, got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Russian sources said Pyongyang would send another 4,000 construction troops.",
            "Russian sources",
        ),
        (
            "Según medios rusos, Corea del Norte enviará otros 3.000 soldados a Kursk.",
            "Russian media",
        ),
        (
            "Laut russischen Medien sollen weitere 2.000 nordkoreanische Soldaten nach "
            "Kursk verlegt werden.",
            "Russian media",
        ),
        (
            "Российские СМИ сообщили, что КНДР направит еще 3 тысячи военных строителей.",
            "Russian media",
        ),
        (
            "Fontes russas afirmaram que a Coreia do Norte enviará mais 2 mil sapadores.",
            "Russian sources",
        ),
        # A side phrase that is no source does not hide the one that is.
        (
            "Cerca de 3.000 soldados norte-coreanos lutam ao lado do Exército russo, "
            "segundo fontes ucranianas.",
            "Ukrainian sources",
        ),
    ],
)
def test_russian_sides_and_media_as_claimants(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A pointer naming a person refines a country's own figures ("nach ukrainischen
        # Angaben … Das teilte Präsident Selenskyj mit").
        (
            "Nach ukrainischen Angaben wurden rund 200 nordkoreanische Soldaten verwundet. "
            "Das teilte der ukrainische Präsident Selenskyj am Abend mit.",
            "Volodymyr Zelensky",
        ),
        # Verb before subject after a fronted topic (Russian, Ukrainian).
        (
            "О потерях КНДР в 3 тысячи военных сообщил в эфире телемарафона глава ГУР "
            "Кирилл Буданов.",
            "Kyrylo Budanov",
        ),
        (
            "Про 500 загиблих військових КНДР в інтерв'ю CNN заявив міністр оборони Рустем Умєров.",
            "Rustem Umerov",
        ),
        # The name right after the verb speaks, not an institution named later.
        (
            '"Pyongyang ya envió unos 4.000 soldados", afirmó Zelenski ante la '
            "Organización del Tratado del Atlántico Norte (OTAN).",
            "Volodymyr Zelensky",
        ),
        # "They will …, X said": the speaker of the next sentence about the same troops.
        (
            "Nordkorea schickt weitere 3.000 Soldaten nach Russland. Sie sollen in Kursk "
            "eingesetzt werden, sagte der ukrainische Präsident Selenskyj.",
            "Volodymyr Zelensky",
        ),
        (
            "КНДР направит в Россию еще 2 тысячи военных строителей. Они займутся "
            "восстановлением Курской области, сообщил министр обороны Андрей Белоусов.",
            "Andrei Belousov",
        ),
    ],
)
def test_speakers_named_around_the_figure(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # One figure, two speakers: the figure's own clause names its claimant.
        (
            "According to the Pentagon, North Korean troops are in Russia, while "
            "Ukraine's defence minister Rustem Umerov said about 5,000 of them were "
            "already in Kursk.",
            "Rustem Umerov",
        ),
        (
            "Segundo o Kremlin, não há tropas norte-coreanas na Ucrânia, enquanto o "
            "Pentágono estimou em cerca de 8 mil o número de soldados enviados por Pyongyang.",
            "Pentagon",
        ),
        # A separable verb with its subject right after it.
        (
            "Nach einem Treffen in Pjöngjang am 4. Juni gab Schoigu die Entsendung von "
            "3.000 nordkoreanischen Bausoldaten nach Kursk bekannt.",
            "Sergei Shoigu",
        ),
        (
            "Le ministre ukrainien de la Défense Roustem Oumerov met en garde contre "
            "l'arrivée de 5 000 soldats nord-coréens supplémentaires.",
            "Rustem Umerov",
        ),
        # An object pronoun for what was said, then the verb and its subject.
        (
            "Circa 300 soldati nordcoreani sono stati uccisi a Kursk: lo rivela il "
            "ministro della Difesa ucraino Rustem Umerov.",
            "Rustem Umerov",
        ),
    ],
)
def test_the_speaker_of_the_figure_clause(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A relative clause's verb of saying: its antecedent states the figure.
        (
            "Kyiv's toll is far above the one given by South Korea's Joint Chiefs of Staff, "
            "which put North Korean casualties at about 1,000.",
            "JCS",
        ),
        (
            "Le bilan est plus lourd que celui de l'état-major interarmées de Séoul, qui "
            "évoque 900 soldats nord-coréens blessés ou tués.",
            "JCS",
        ),
        (
            "La cifra supera la del Estado Mayor de Corea del Sur, que el martes reportó "
            "unos 900 militares norcoreanos muertos o heridos.",
            "JCS",
        ),
        # Authorities named by their sides keep the word.
        (
            "Selon les autorités sud-coréennes et ukrainiennes, quelque 9 000 soldats "
            "nord-coréens sont déployés en Russie.",
            "South Korean and Ukrainian authorities",
        ),
    ],
)
def test_relative_clause_speakers_and_authorities(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A country opening the sentence as the subject of a verb of saying.
        (
            "Die Ukraine hat am Sonntag die Gefangennahme von drei nordkoreanischen "
            "Soldaten bei Sudscha gemeldet.",
            "Ukrainian government",
        ),
        (
            "Russland hatte im Mai angekündigt, dass Nordkorea weitere 2.000 Soldaten "
            "nach Kursk schicken werde.",
            "Russian government",
        ),
        # "geht davon aus", "legt nahe": verbs of estimating.
        (
            "Der Geheimdienst NIS geht inzwischen davon aus, dass rund 2.000 nordkoreanische "
            "Soldaten verwundet wurden.",
            "NIS",
        ),
    ],
)
def test_german_subjects_and_verbs_of_estimating(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Pointers that name the statement: "Такое заявление сделал X".
        (
            "Около 9 тысяч северокорейских солдат находятся в Курской области. Такое "
            "заявление сделал глава ГУР Кирилл Буданов.",
            "Kyrylo Budanov",
        ),
        (
            "Близько 9 тисяч північнокорейських солдатів перебувають у Курській області. "
            "Таку заяву зробив очільник ГУР Кирило Буданов.",
            "Kyrylo Budanov",
        ),
        # Acknowledging and showing state the figure.
        (
            "Em gesto raro, a Coreia do Norte reconhece a morte de 12 soldados em missão "
            "na Rússia.",
            "North Korean government",
        ),
        (
            "Il presidente ucraino Volodymyr Zelensky ha pubblicato un video che mostra tre "
            "soldati nordcoreani catturati a Kursk.",
            "Volodymyr Zelensky",
        ),
        # Intelligence named in the genitive plural.
        (
            "По оценкам разведок Южной Кореи и Запада, около 9 тысяч северокорейских "
            "солдат были направлены в Россию.",
            "South Korean and Western intelligence",
        ),
    ],
)
def test_pointers_acknowledgements_and_intelligence_plurals(text: str, source: str) -> None:
    got = sources(text)
    assert got and claimant_identity(got[0]) == claimant_identity(source), got


def test_an_agentless_clause_after_a_semicolon_is_unattributed() -> None:
    text = (
        "El Kremlin reconoció la presencia de tropas norcoreanas en Kursk; se estima que "
        "Pyongyang envió unos 9.000 soldados."
    )
    assert sources(text) == ["unattributed"]
