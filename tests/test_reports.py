"""Several reports in one corpus: their cover metadata, and questions limited to chosen reports."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant import Assistant
from assistant.cli import main
from assistant.engine import QuestionError
from assistant.ingest import parse_document
from assistant.reports import report_info

from .documents import PORT_REPORT

PORT = "corpus/port-report.txt"
REPORT = "corpus/report.txt"


@pytest.fixture
def two_reports(small_report):
    shutil.copy(PORT_REPORT, small_report.corpus_dir / "port-report.txt")
    return small_report


@pytest.fixture
def both(two_reports, embedder) -> Assistant:
    return Assistant.load(two_reports, embedder=embedder)


def sources(answer) -> set[str]:
    return {q.source for q in answer.quotes} | {p.source for p in answer.passages}


def test_each_report_lists_its_cover_fields(both):
    info = {r.source: r.fields for r in both.reports()}
    assert info[PORT] == {
        "服務機關": "高雄市政府海洋局",
        "姓名職稱": "王大明局長等",
        "派赴國家": "荷蘭",
        "出國期間": "108年3月4日至9日",
        "報告日期": "108年5月2日",
    }
    assert info[REPORT]["派赴國家"] == "法國" and list(info[REPORT]) == list(info[PORT])


def test_each_report_carries_its_cover_title(both):
    titles = {r.source: r.title for r in both.reports()}
    assert titles[PORT] == "高雄市政府赴荷蘭考察港灣城市治理 出國報告"
    assert titles[REPORT] and "：" not in titles[REPORT]


def test_a_report_without_a_cover_has_no_title():
    document = parse_document("corpus/x.txt", "壹、目的\n\n了解某事。\n")
    assert report_info(document, ("服務機關",)).title == ""


@pytest.mark.parametrize(("chosen", "expected"), [(["port-report.txt"], PORT), ([REPORT], REPORT)])
def test_question_limited_to_a_report_quotes_and_lists_only_that_report(both, chosen, expected):
    for question in ("這次出國的目的是什麼？", "誰率團？", "參訪了哪些單位？"):
        for mode in ("hybrid", "dense", "lexical"):
            answer = both.ask(question, top_k=10, mode=mode, reports=chosen)
            assert sources(answer) == {expected}, (question, mode)


def test_question_without_a_report_choice_searches_every_report(both):
    answer = both.ask("這次出國的目的是什麼？", top_k=20, reports=None)
    assert sources(answer) == {PORT, REPORT}


def test_follow_up_limited_to_a_report_stays_in_it(both):
    answer = both.ask("那天下午呢？", context="3/5 去了哪裡？", top_k=10, reports=[PORT])
    assert sources(answer) == {PORT}


def test_unknown_report_is_refused_with_the_known_names(both):
    with pytest.raises(QuestionError, match=r"report 'nowhere.pdf' matches no report \(reports: corpus/port"):
        both.ask("誰率團？", reports=["nowhere.pdf"])


def test_cli_ask_report_flag_and_reports_listing(two_reports, capsys):
    flags = ["--corpus", str(two_reports.corpus_dir), "--embeddings", str(two_reports.embeddings_dir)]
    flags += ["--model", two_reports.model]
    assert main(["ask", "鹿特丹港務局由誰接待？", "--json", "--report", "port-report.txt", *flags]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["source"] for a in data["answer"]} | {p["source"] for p in data["passages"]} == {PORT}
    assert main(["reports", "--json", *flags]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["source"] for r in listed] == [PORT, REPORT] and listed[0]["fields"]["派赴國家"] == "荷蘭"
    assert listed[0]["title"] == "高雄市政府赴荷蘭考察港灣城市治理 出國報告"
    assert main(["ask", "誰率團？", "--report", "nowhere.pdf", *flags]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


def test_a_name_only_another_report_writes_makes_the_chosen_report_abstain_saying_so(both):
    answer = both.ask("How many countries does Sigfox serve?", reports=["port-report.txt"])
    assert answer.abstained and answer.quotes == []
    assert any("Sigfox" in notice for notice in answer.notices)
    assert not both.ask("How many countries does Sigfox serve?", reports=["report.txt"]).abstained


def test_a_cover_question_over_several_reports_quotes_the_field_of_each(both):
    from assistant.engine import EACH_REPORT_NOTICE

    answer = both.ask("Who led the delegation?")
    assert sorted(q.source for q in answer.quotes) == sorted(both.sources)  # one quote from each report
    assert all(q.quote.startswith("姓名職稱：") for q in answer.quotes)
    assert EACH_REPORT_NOTICE in answer.notices
    chosen = both.ask("這次出國期間是哪幾天？", reports=["port-report.txt"])
    assert [q.source for q in chosen.quotes] == [PORT] and chosen.quotes[0].quote.startswith("出國期間")
    assert EACH_REPORT_NOTICE not in chosen.notices


def test_a_cover_question_over_more_reports_than_it_quotes_says_how_many_it_quoted(two_reports, embedder):
    from assistant.engine import FIRST_REPORTS_NOTICE

    one = Assistant.load(two_reports.with_overrides(cover_answer_reports=1), embedder=embedder)
    answer = one.ask("報告日期是哪一天？")
    assert len(answer.quotes) == 1 and answer.quotes[0].quote.startswith("報告日期：")
    assert FIRST_REPORTS_NOTICE.format(n=1, total=2) in answer.notices


def test_the_next_day_after_an_answer_is_read_off_that_answers_report(both):
    from assistant.chat import Conversation

    chat = Conversation(both)
    first = chat.ask("鹿特丹港一年吞吐多少貨物？")
    assert first.quotes[0].source == PORT
    answer = chat.ask("隔天呢？")  # from the report the previous answer quoted, whichever ranks first now
    assert {q.source for q in answer.quotes} == {PORT} and answer.quotes[0].quote.startswith("3/6 (三)")


def test_a_record_answer_says_other_reports_have_their_own_only_when_one_found_does(both):
    from assistant.engine import OTHER_REPORTS_NOTICE

    only_one = both.ask("3/5 下午排了什麼？")  # a day only the port report's itinerary has
    assert only_one.quotes[0].source == PORT and OTHER_REPORTS_NOTICE not in only_one.notices
    assert OTHER_REPORTS_NOTICE in both.ask("出國人員有哪些人？").notices  # every report lists its members


def test_a_member_answer_says_other_reports_have_their_own_even_when_no_passage_of_theirs_was_found(
    tmp_settings, embedder
):
    from assistant.engine import OTHER_REPORTS_NOTICE

    from .conftest import copy_report

    copy_report(tmp_settings)  # the whole report: the passages found for the question are all its own
    shutil.copy(PORT_REPORT, tmp_settings.corpus_dir / "port-report.txt")
    answer = Assistant.load(tmp_settings, embedder=embedder).ask("隨行的有誰？")
    assert answer.quotes[0].source == "corpus/report.txt" and OTHER_REPORTS_NOTICE in answer.notices
