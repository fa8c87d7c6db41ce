"""The page in a real browser (Debian chromium through Playwright): ask, check, copy, report, reload, export, eval."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from assistant.evaluation import DEFAULT_QUESTIONS, load_split
from assistant.ui_content import EXAMPLES

from .test_ui import incoming, library, page_settings, server, upload_server  # noqa: F401  (real server fixtures)

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = PROJECT_ROOT / "test-output" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SIGFOX_CITE = "第 6–7 頁 · 參、行程紀要 › 二、參訪物聯網新創公司 Sigfox"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: run `make setup-test` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield b
        b.close()


def open_page(browser, server, viewport=DESKTOP):  # noqa: F811
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    pg = context.new_page()
    pg.outside = []
    pg.on(
        "request",
        lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else pg.outside.append(r.url),
    )
    goto(pg, server)
    return context, pg


def goto(pg, url: str) -> None:
    pg.goto(url, wait_until="load")
    pg.locator("#question textarea").wait_for(timeout=30_000)
    # The page restores the conversation from the browser's storage on load; wait until it has.
    pg.wait_for_function("() => document.querySelector('#chat .ta-log') !== null", timeout=30_000)


@pytest.fixture
def page(browser, server):  # noqa: F811
    context, pg = open_page(browser, server)
    yield pg
    context.close()
    assert pg.outside == [], f"the page asked for resources outside this machine: {pg.outside[:5]}"


@pytest.fixture
def phone(browser, server):  # noqa: F811
    context, pg = open_page(browser, server, PHONE)
    yield pg
    context.close()


def ask(page, question: str, answers_before: int) -> None:
    """Ask `question` and wait until its answer is shown and the question box is empty again."""
    box = page.locator("#question textarea")
    box.fill(question)
    page.locator("#ask-button").click()
    page.locator("#chat .ta-answer").nth(answers_before).wait_for(timeout=60_000)
    page.wait_for_function("() => document.querySelector('#question textarea').value === ''", timeout=30_000)


def click_until(page, locator, condition: str, timeout: int = 30_000) -> None:
    """Click `locator` and wait for the page's `condition` (a JS expression); click once more if it has not come
    within a few seconds (a page still re-rendering the answer on a busy machine can drop a click)."""
    locator.click()
    try:
        page.wait_for_function(f"() => {condition}", timeout=5_000)
    except Exception:  # noqa: BLE001  (Playwright's TimeoutError): the second click is what is asserted
        locator.click()
        page.wait_for_function(f"() => {condition}", timeout=timeout)


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def test_first_screen_has_a_how_to_generic_examples_one_h1_and_labelled_regions(page):
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("h1").count() == 1
    assert "出國報告問答" in page.locator("h1").inner_text() and "出國報告" in page.title()
    header = page.locator("header#ta-header").inner_text()
    assert "每個回答都逐字引用報告原文" in header and "Every answer quotes the report" in header
    assert page.locator("#report-choice").is_visible()
    page.locator("#upload-panel").wait_for(state="visible")  # a loopback server takes uploads (shown on load)
    assert page.get_by_role("log", name="對話 Conversation").count() == 1
    examples = [page.locator(".ta-example").nth(i).inner_text() for i in range(page.locator(".ta-example").count())]
    test = {q.question for q in load_split(DEFAULT_QUESTIONS, "test").questions}
    assert examples == list(EXAMPLES) and not set(examples) & test  # generic to the genre, never a test question
    assert all(in_viewport(page, page.locator(".ta-example").nth(i)) for i in range(len(examples)))
    assert in_viewport(page, page.locator("#question textarea"))
    shot(page, "01-first-screen", full_page=False)
    # An example is asked on click, not just copied into the box.
    page.locator(".ta-example").first.click()
    page.locator("#chat .ta-answer").first.wait_for(timeout=60_000)
    assert examples[0] in page.locator("#chat .ta-question").first.inner_text()
    shot(page, "02-example-asked", full_page=False)


def test_answer_is_cited_by_page_and_section_with_confidence_and_no_raw_scores(page):
    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    answer = page.locator("#chat .ta-answer").first
    assert "超過 31 個國家提供服務" in answer.locator("blockquote").first.inner_text()
    cite = answer.locator(".ta-cite").first
    assert SIGFOX_CITE in cite.inner_text()
    title = page.locator("h1").inner_text().split(" · ", 1)[1]
    assert cite.get_attribute("title") == title  # the report's title on hover
    assert "信心：" in answer.locator(".ta-level").inner_text()
    visible = answer.inner_text()
    assert "score" not in visible and "corpus/" not in visible  # raw scores only in the folded details line
    answer.locator(".ta-sources-box summary").click()
    labels = [
        answer.locator(".ta-src-label").nth(i).inner_text() for i in range(answer.locator(".ta-src-label").count())
    ]
    assert len(labels) == 5 and len(set(labels)) == 5  # first words tell sources in one section apart
    assert all("頁" in label and "「" in label for label in labels)
    answer.locator(".ta-tech summary").click()
    assert "score" in answer.locator(".ta-tech").inner_text()
    shot(page, "03-page-citation")


def test_english_question_shows_the_quote_and_its_page(page):
    ask(page, "When was MEDEF founded?", 0)
    answer = page.locator("#chat .ta-answer").first
    assert "成立於 1998 年" in answer.locator("blockquote").first.inner_text()
    assert "十、參訪法國企業聯盟（MEDEF）總部" in answer.locator(".ta-cite").first.inner_text()
    assert "第 16" in answer.locator(".ta-cite").first.inner_text()
    shot(page, "04-english-question")


def test_copy_citation_copies_plain_text_with_report_page_and_section(page):
    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    button = page.locator("#chat .ta-copy").first
    button.click()
    page.wait_for_function("() => document.querySelector('#chat .ta-copy').innerText.includes('已複製')")
    copied = page.evaluate("navigator.clipboard.readText()")
    title = page.locator("h1").inner_text().split(" · ", 1)[1]
    assert copied.startswith("「") and "超過 31 個國家" in copied
    assert copied.endswith(f"（{title}，第 6–7 頁，參、行程紀要 › 二、參訪物聯網新創公司 Sigfox）")
    assert "<" not in copied and "&#" not in copied
    # No control or label anywhere carries markup for screen readers either.
    labels = page.evaluate("[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))")
    assert not [label for label in labels if "<" in label or "&#" in label]
    shot(page, "05-copied-citation", full_page=False)


def test_text_shows_as_text_and_page_breaks_inside_a_quote_are_joined(page):
    ask(page, "法國電力集團在 2014 年有多少電力不排碳？", 0)
    quotes = page.locator("#chat .ta-answer").first.locator("blockquote").all_inner_texts()
    assert any("法國電力集團近年來強調低碳化發展" in q for q in quotes), quotes  # "法⏎⏎國" in the file
    ask(page, "What is the question's answer about L' Etape du Tour?", 1)
    chat = page.locator("#chat").inner_text()
    assert "question's" in chat and "L' Etape" in chat
    assert "&#x27;" not in chat and "&#39;" not in chat and "&amp;" not in chat
    shot(page, "06-text-as-text")


def test_markup_in_a_question_is_shown_as_text_and_never_runs(page):
    evil = (
        '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> [click](http://evil.example) Sigfox'
    )
    ask(page, evil, 0)
    chat = page.locator("#chat")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in chat.inner_text()
    assert "[click](http://evil.example)" in chat.inner_text()
    assert chat.locator("a[href='http://evil.example']").count() == 0
    assert chat.locator("img[src='x']").count() == 0
    shot(page, "07-markup-as-text")


def test_source_panel_shows_the_section_scrolled_to_the_highlight(page):
    ask(page, "巴黎綠蔭步道全長幾公里？", 0)
    context = page.locator("#source-context")
    mark = context.locator("mark").first
    mark.wait_for(timeout=30_000)
    assert "全長 4.5 公里" in mark.inner_text()
    box, panel = mark.bounding_box(), context.locator(".ta-context").bounding_box()
    assert panel["y"] <= box["y"] and box["y"] + box["height"] <= panel["y"] + panel["height"]
    assert "十九、參訪巴黎綠蔭步道" in context.locator(".ta-context-head").inner_text()
    assert "第 " in context.locator(".ta-context-head").inner_text()
    # Another source's "show in context" replaces the section.
    answer = page.locator("#chat .ta-answer").first
    answer.locator(".ta-sources-box summary").click()
    items = answer.locator(".ta-sources li")
    other = next(i for i in range(items.count()) if "十九" not in items.nth(i).locator(".ta-src-label").inner_text())
    section = items.nth(other).locator(".ta-src-label b").inner_text().split(" › ")[-1]
    items.nth(other).locator(".ta-show").click()
    page.wait_for_function(
        "s => document.querySelector('#source-context .ta-context-head').innerText.includes(s)", arg=section
    )
    shot(page, "08-source-in-context")


def test_not_found_stays_in_view_and_nearest_passages_are_not_highlighted_as_answers(page):
    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    ask(page, "What did the mayor eat for breakfast in Lyon?", 1)
    answer = page.locator("#chat .ta-answer").nth(1)
    message = answer.locator(".ta-abstain")
    assert "No reliable answer" in message.inner_text()
    assert in_viewport(page, message)
    assert "信心：低" in answer.locator(".ta-level").inner_text()
    summary = answer.locator(".ta-nearest-box summary")
    assert "Nearest passages, not an answer" in summary.inner_text()
    assert answer.locator(".ta-nearest-box").get_attribute("open") is None  # folded
    summary.click()
    assert answer.locator(".ta-nearest mark").count() == 0
    context = page.locator("#source-context")
    assert "不是答案" in context.inner_text()
    assert context.locator("mark:not(.ta-near)").count() == 0  # no yellow answer highlight
    shot(page, "09-not-found")


def test_follow_up_is_answered_in_context_and_new_topic_starts_afresh(page):
    ask(page, "巴黎綠蔭步道全長幾公里？", 0)
    ask(page, "誰設計的？", 1)
    last = page.locator("#chat .ta-answer").nth(1)
    assert any("Patrick BERGER" in quote for quote in last.locator("blockquote").all_inner_texts())
    assert "巴黎綠蔭步道全長幾公里" in last.locator(".ta-notice").first.inner_text()
    ask(page, "EDF 是什麼？", 2)  # names its own subject: not glued to the earlier questions
    assert "脈絡" not in page.locator("#chat .ta-answer").nth(2).inner_text()
    page.locator("#new-topic").click()
    page.locator("#chat .ta-divider").wait_for()
    assert "新問題 New topic" in page.locator("#chat .ta-divider").inner_text()
    ask(page, "由誰接待？", 3)
    assert "脈絡" not in page.locator("#chat .ta-answer").nth(3).inner_text()
    shot(page, "10-follow-up-and-new-topic")


def test_a_question_typed_while_the_last_is_being_answered_is_kept(page):
    held = []
    page.route("**/queue/join*", lambda route: held.append(route))  # hold the answer back while a draft is typed
    page.locator("#question textarea").fill("Sigfox 在多少個國家提供服務？")
    page.locator("#ask-button").click()
    page.wait_for_function("() => document.querySelector('#question textarea').value === ''", timeout=30_000)
    page.locator("#question textarea").fill("EDF 是什麼？")
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(100)
    assert held and page.locator("#chat .ta-answer").count() == 0
    for route in held:
        route.continue_()
    page.unroute("**/queue/join*")
    page.locator("#chat .ta-answer").first.wait_for(timeout=60_000)
    assert "31" in page.locator("#chat .ta-answer").first.inner_text()
    assert page.locator("#question textarea").input_value() == "EDF 是什麼？"


def test_follow_up_notice_shows_at_most_80_characters_of_a_long_paste(page):
    ask(page, "巴黎綠蔭步道" + "全長幾公里" * 1000, 0)
    ask(page, "誰設計的？", 1)
    notice = page.locator("#chat .ta-answer").nth(1).locator(".ta-notice").first.inner_text()
    quoted = notice.split("「", 1)[1].split("」", 1)[0]
    assert len(quoted) <= 80 and quoted.endswith("…")


def test_wrong_answer_is_reported_with_the_right_passage_and_found_in_feedback_export(page, page_settings):  # noqa: F811
    question = "市長哪一天參觀了 Sigfox 的總部？"
    ask(page, question, 0)
    answer = page.locator("#chat .ta-answer").first
    status = "document.querySelector('#chat .ta-fb-status').innerText"
    click_until(page, answer.locator(".ta-fb", has_text="答錯了"), f"{status}.includes('答錯了')")
    answer = page.locator("#chat .ta-answer").first
    assert "mark the right passage" in answer.locator(".ta-fb-status").inner_text()
    if answer.locator(".ta-sources-box").get_attribute("open") is None:
        answer.locator(".ta-sources-box summary").click()
    right_text = answer.locator(".ta-sources li").nth(1).locator(".ta-src-text").inner_text()
    click_until(page, answer.locator(".ta-sources li").nth(1).locator(".ta-right"), f"{status}.includes('source [2]')")
    shot(page, "11-feedback-wrong-answer")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback", "export", "--embeddings", str(page_settings.embeddings_dir)],
        capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    (line,) = [x for x in lines if x["question"] == question]
    assert line["split"] == "dev" and line["answerable"] is True
    flat = "".join(right_text.split())
    assert line["evidence"] and all("".join(e.split()) in flat for e in line["evidence"])
    # The eval tab says feedback is waiting.
    page.get_by_role("tab", name="評估 Eval").click()
    assert "等待匯出" in page.locator("#feedback-waiting").inner_text()


def test_reload_keeps_the_conversation_and_settings_and_clear_empties_them(page, server):  # noqa: F811
    page.get_by_text("設定 Settings").click()
    page.locator("#mode").get_by_label("lexical").check()
    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    page.wait_for_timeout(300)  # the browser writes its storage after the answer arrives
    goto(page, server)
    page.locator("#chat .ta-answer").first.wait_for(timeout=30_000)
    assert "Sigfox 在多少個國家提供服務？" in page.locator("#chat .ta-question").first.inner_text()
    assert "超過 31 個國家" in page.locator("#chat blockquote").first.inner_text()
    page.get_by_text("設定 Settings").click()
    assert page.locator("#mode").get_by_label("lexical").is_checked()
    shot(page, "12-after-reload")
    page.locator("#clear-button").click()
    page.locator("#chat .ta-empty").wait_for()
    page.wait_for_timeout(300)
    goto(page, server)
    assert page.locator("#chat .ta-answer").count() == 0
    assert "還沒有問題" in page.locator("#chat").inner_text()


def test_conversation_exports_as_markdown_and_word_with_quotes_and_page_citations(page, tmp_path):
    from docx import Document

    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    # a click while the answer is still rendering can be dropped on a busy machine: click again if nothing came
    click_until(page, page.locator("#export-button"), "document.querySelectorAll('#export-files a').length >= 2")
    links = page.locator("#export-files a")
    saved = {}
    for i in range(2):
        with page.expect_download() as download:
            links.nth(i).click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        saved[path.suffix] = path
    md = saved[".md"].read_text(encoding="utf-8")
    assert "超過 31 個國家" in md and SIGFOX_CITE in md
    docx = "\n".join(p.text for p in Document(str(saved[".docx"])).paragraphs)
    assert "超過 31 個國家" in docx and SIGFOX_CITE in docx
    shot(page, "13-export")


def test_on_a_phone_the_how_to_leaves_most_of_the_first_screen_to_the_chat(phone):
    header = phone.locator("header#ta-header")
    assert "每個回答都逐字引用報告原文" in header.inner_text()  # shown smaller, not hidden
    box = header.bounding_box()
    assert box is not None and box["y"] + box["height"] < 0.45 * PHONE["height"]  # it filled half the screen
    assert in_viewport(phone, phone.locator(".ta-example").first)


def test_on_a_phone_the_source_panel_is_one_tap_away(phone):
    ask(phone, "巴黎綠蔭步道全長幾公里？", 0)
    shot(phone, "14-phone-answer", full_page=False)
    phone.locator("#chat .ta-quote .ta-show").first.click()
    head = phone.locator("#source-context .ta-context-head")
    phone.wait_for_function(
        "() => { const r = document.querySelector('#source-context .ta-context-head').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    assert "十九、參訪巴黎綠蔭步道" in head.inner_text()
    shot(phone, "15-phone-source-panel", full_page=False)


def test_empty_question_gets_a_message_not_an_error(page):
    ask(page, "   ", 0)
    shown = page.locator("#chat").inner_text()
    assert "問題是空的" in shown and "The question is empty" in shown and "問 Q1" not in shown


def test_eval_tab_shows_progress_and_explains_metrics_in_chinese(page):
    page.get_by_role("tab", name="評估 Eval").click()
    button = page.locator("#run-eval")
    button.click()
    page.wait_for_function("() => document.querySelector('#run-eval').disabled")
    assert "評估中" in page.locator("#eval-status").inner_text()
    shot(page, "16-eval-running", full_page=False)
    page.wait_for_function("() => document.querySelector('#eval-report').innerText.includes('Misses')", timeout=300_000)
    page.wait_for_function("() => !document.querySelector('#run-eval').disabled")
    report = page.locator("#eval-report").inner_text()
    assert "前 5 名命中 hit@5" in report and "前 5 個來源中有正確段落的比例" in report
    assert "hybrid" in report and "第一題還會暖機" in report
    shot(page, "17-eval-tab")


def test_an_uploaded_report_appears_in_the_choice_and_is_quoted_with_its_page(browser, upload_server, incoming):  # noqa: F811
    url, _ = upload_server
    context, pg = open_page(browser, url)
    try:
        pg.get_by_text("加入報告 Add reports").click()
        pg.locator("#upload-files input[type=file]").set_input_files(str(incoming["locked"]))
        pg.wait_for_function("() => document.querySelector('#upload-status').innerText.includes('Not added')")
        assert "locked.pdf: it is an encrypted PDF" in pg.locator("#upload-status").inner_text()
        pg.locator("#upload-files input[type=file]").set_input_files(str(incoming["pdf"]))
        # the refusal goes as the next upload starts, long before that one is indexed
        pg.wait_for_function("() => !document.querySelector('#upload-status').innerText.includes('Not added')")
        assert "已加入" not in pg.locator("#upload-status").inner_text()
        pg.wait_for_function(
            "() => document.querySelector('#upload-status').innerText.includes('已加入')", timeout=180_000
        )
        status = pg.locator("#upload-status").inner_text()
        assert "corpus/port.pdf" in status and "Not added" not in status
        shot(pg, "18-report-uploaded", full_page=False)
        assert "2 份出國報告" in pg.locator("h1").inner_text()
        pg.locator("#report-choice input").click()
        option = pg.get_by_role("option", name="高雄市政府赴荷蘭考察港灣城市治理 出國報告", exact=False)
        option.first.click()
        pg.keyboard.press("Escape")
        ask(pg, "鹿特丹港年吞吐量多少？", 0)
        answer = pg.locator("#chat .ta-answer").first
        assert "年吞吐量約 4.6 億噸" in answer.locator("blockquote").first.inner_text()
        cite = answer.locator(".ta-cite").first.inner_text()
        assert "《高雄市政府赴荷蘭考察港灣城市治理 出國報告》第 " in cite and " 頁 · 參、考察過程" in cite
        shot(pg, "19-answer-from-uploaded-report")
    finally:
        context.close()
