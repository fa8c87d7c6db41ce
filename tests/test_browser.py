"""The page in a real browser (Debian chromium through Playwright): ask, read sources, follow up, eval."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

from .test_ui import server  # noqa: F401  (the real server fixture)

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


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: run `make setup-test` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    outside = []
    pg.on(
        "request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else outside.append(r.url)
    )
    pg.goto(server, wait_until="load")
    pg.locator("#question textarea").wait_for(timeout=30_000)
    yield pg
    context.close()
    assert outside == [], f"the page asked for resources outside this machine: {outside[:5]}"


def ask(page, question: str, answers_before: int) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask-button").click()
    page.locator("#chat .ta-answer, #chat .ta-notice").nth(answers_before).wait_for(timeout=60_000)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_chinese_question_shows_the_quote_and_its_section(page):
    ask(page, "Sigfox 在多少個國家提供服務？", 0)
    chat = page.locator("#chat")
    assert "超過 31 個國家提供服務" in chat.locator("blockquote").first.inner_text()
    assert "參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in chat.locator(".ta-cite").first.inner_text()
    chat.locator("summary").first.click()
    assert chat.locator(".ta-sources li").count() == 5
    assert "超過 31 個國家" in chat.locator(".ta-sources mark").first.inner_text()
    shot(page, "01-chinese-question")


def test_english_question_shows_the_quote_and_its_section(page):
    ask(page, "When was MEDEF founded?", 0)
    chat = page.locator("#chat")
    assert "成立於 1998 年" in chat.locator("blockquote").first.inner_text()
    assert "十、參訪法國企業聯盟（MEDEF）總部" in chat.locator(".ta-cite").first.inner_text()
    shot(page, "02-english-question")


def test_source_in_context_shows_the_whole_section_with_the_quote_marked(page):
    ask(page, "巴黎綠蔭步道全長幾公里？", 0)
    context = page.locator("#source-context")
    context.locator("mark").first.wait_for(timeout=30_000)
    assert "全長 4.5 公里" in context.locator("mark").first.inner_text()
    assert "十九、參訪巴黎綠蔭步道" in context.inner_text()
    # Choose another source: its section replaces the first one.
    options = page.locator("#source-pick label")
    labels = [options.nth(i).inner_text() for i in range(options.count())]
    other = next(i for i, label in enumerate(labels) if "十九" not in label)
    options.nth(other).click()
    section = labels[other].split("] ", 1)[1].split(" › ")[-1]
    page.wait_for_function(
        "s => document.querySelector('#source-context').innerText.includes(s)", arg=section, timeout=30_000
    )
    assert context.locator("mark").count() >= 1
    shot(page, "03-source-in-context")


def test_follow_up_is_answered_in_the_context_of_the_conversation(page):
    ask(page, "巴黎綠蔭步道全長幾公里？", 0)
    ask(page, "誰設計的？", 1)
    last = page.locator("#chat .ta-answer").nth(1)
    assert "Patrick BERGER" in last.locator("blockquote").first.inner_text()
    assert "巴黎綠蔭步道全長幾公里" in last.locator(".ta-notice").first.inner_text()
    shot(page, "04-follow-up")


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
    shot(page, "05-markup-as-text")


def test_empty_question_gets_a_message_not_an_error(page):
    ask(page, "   ", 0)
    assert "empty" in page.locator("#chat .ta-notice").first.inner_text()


def test_eval_tab_runs_the_known_questions(page):
    page.get_by_role("tab", name="評估 Eval").click()
    page.locator("#run-eval").click()
    page.wait_for_function("() => document.querySelector('#eval-report').innerText.includes('Misses')", timeout=300_000)
    report = page.locator("#eval-report").inner_text()
    assert "hybrid" in report and "hit@5" in report
    shot(page, "06-eval-tab")
