"""The bilingual glossary mined from the report's 中文（Latin）pairs, and English questions using it."""

from __future__ import annotations

import pytest

from assistant.glossary import expand, fold_latin, mine_glossary


@pytest.fixture(scope="module")
def glossary(assistant):
    return mine_glossary(list(assistant.index.documents.values()))


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("airbus", "空中巴士"),
        ("medef", "法國企業聯盟"),
        ("edf", "法國電力"),
        ("electricite de france", "法國電力"),
        ("parc de la villette", "維葉特公園"),
        ("promenade plantee", "巴黎綠蔭步道"),
        ("quartier bercy", "貝西地區"),
        ("dassault system", "達梭系統"),
    ],
)
def test_pairs_are_mined_from_the_report(glossary, alias, name):
    assert glossary[alias] == name


@pytest.mark.parametrize(
    ("question", "expected", "unexpected"),
    [
        ("When was MEDEF founded?", "法國企業聯盟", None),
        ("Who designed the Promenade plantée?", "巴黎綠蔭步道", None),
        ("How large is Parc de Bercy?", "貝西地區", "維葉特公園"),
        ("What did they see at ÉLECTRICITÉ DE FRANCE?", "法國電力", None),
    ],
)
def test_expand_names_the_parties_a_question_mentions(glossary, question, expected, unexpected):
    names = expand(question, glossary)
    assert expected in names
    assert unexpected not in names


def test_question_naming_no_party_expands_to_nothing(glossary):
    assert expand("What is the weather like?", glossary) == []


def test_fold_latin_drops_case_and_accents():
    assert fold_latin("ÉLECTRICITÉ Plantée") == "electricite plantee"


def test_english_question_is_matched_with_the_chinese_name(assistant):
    from dataclasses import replace

    from assistant import Assistant

    question = "Who designed the Promenade plantée?"
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, glossary_expansion=False))
    # BM25 reads the report's own Chinese name for the party the English question names, only through the glossary.
    name = assistant.glossary["promenade plantee"]
    assert name in assistant.reader.lexical_text(question) and name not in without.reader.lexical_text(question)
    answer = assistant.ask(question, top_k=3)
    assert answer.passages[0].section.endswith("十九、參訪巴黎綠蔭步道（Promenade plantée）")
    assert answer.matched_question == question


def test_a_word_in_the_aliases_of_unrelated_names_points_at_none_of_them():
    from assistant.glossary import expand

    glossary = {"electricite de france": "法國電力", "tour de france": "環法自行車賽", "dassault systemes": "達梭系統",
                "dassault system": "法國達梭系統"}  # fmt: skip
    assert expand("What does France export?", glossary) == []  # "france" names two unrelated parties
    assert expand("Who met Dassault?", glossary) == ["達梭系統", "法國達梭系統"]  # one party, two spellings
    assert expand("When was the Tour de France founded?", glossary) == ["環法自行車賽"]  # the whole alias still matches


def test_a_one_word_alias_shared_with_an_unrelated_name_still_matches_as_a_whole_alias():
    from types import SimpleNamespace

    from assistant.glossary import expand, mine_glossary, shared_words

    text = (
        "步道分為勒伊（Reuilly）及比克布斯（Reuilly-Picpus）兩段。局長參訪鹿特丹港務局（Port of Rotterdam Authority）。"
    )
    glossary = mine_glossary([SimpleNamespace(text=text)])
    shared = shared_words(glossary)
    assert "reuilly" in shared  # in the aliases of two names that share no two characters
    assert expand("What is in Reuilly?", glossary, shared) == ["勒伊"]  # the whole alias, not the other name
    assert expand("Who runs the Rotterdam port?", glossary, shared) == ["鹿特丹港務局"]  # a distinctive word


def test_a_word_that_is_an_alias_of_its_own_names_that_name_not_a_longer_alias_holding_it():
    glossary = {"rotterdam": "鹿特丹", "rotterdam metropool": "鹿特丹都會區", "port authority": "港務局"}
    assert expand("Where is Rotterdam?", glossary) == ["鹿特丹"]  # not the metropolitan region's government too
    assert expand("Who runs Rotterdam Metropool?", glossary) == ["鹿特丹", "鹿特丹都會區"]  # the longer alias whole
    assert expand("What is the Metropool?", glossary) == ["鹿特丹都會區"]  # through its other distinctive word


def test_the_words_of_the_aliases_a_question_names_whole_are_found():
    from assistant.glossary import named_alias_words

    glossary = {"port of rotterdam": "鹿特丹港", "port authority": "港務局"}
    assert named_alias_words("When was the Port of Rotterdam built?", glossary) == {"port", "of", "rotterdam"}
    assert named_alias_words("Which port did they visit?", glossary) == frozenset()  # a word, not a name


def test_an_epithet_before_a_one_word_name_is_cut_to_the_dictionarys_word_for_it():
    from assistant.glossary import plain_names

    glossary = {"lisbon": "白城里斯本", "port of lisbon": "里斯本港務局", "porto": "波多"}
    words = {"lisbon": ["里斯本"], "porto": ["波多", "波爾圖"]}
    passages = {"里斯本": 9, "白城里斯本": 1}
    plain = plain_names(glossary, lambda alias: words.get(alias, []), lambda word: passages.get(word, 0))
    assert plain == {"lisbon": "里斯本", "port of lisbon": "里斯本港務局", "porto": "波多"}
    # A word the report does not use alone more often than the name is no shorter name for it.
    assert plain_names(glossary, lambda alias: words.get(alias, []), lambda word: 1)["lisbon"] == "白城里斯本"


def test_a_name_starts_after_its_lead_word_or_title_or_where_it_stands_alone_elsewhere():
    from types import SimpleNamespace

    from assistant.glossary import mine_glossary

    text = (
        "訪團參訪荷蘭皇家港口數據研究院（Port Data Institute）。"  # a lead word bounds a name of 10 characters
        "曾任首位女性市長范德梅爾（Ada van der Meer）。"  # the title before the name
        "年會主辦單位郵輪航線協進會（CLA）。"  # no lead word: cut to 8 characters, 位 left of the words before
        "二、拜會郵輪航線協進會\n"  # where the name stands after another character
    )
    glossary = mine_glossary([SimpleNamespace(text=text)])
    assert glossary["port data institute"] == "荷蘭皇家港口數據研究院"
    assert glossary["ada van der meer"] == "范德梅爾"
    assert glossary["cla"] == "郵輪航線協進會"
    offices = mine_glossary([SimpleNamespace(text="拜訪德弗里斯建築師事務所（De Vries Architecten）。")])
    assert offices["de vries architecten"] == "德弗里斯建築師事務所"  # an office after the title, not a person
