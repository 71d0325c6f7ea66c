"""HR's review page over real HTTP on 127.0.0.1: off without a hash, sign-in, CSRF, lock-out, cookies, escaping.

Each page test runs on both log backends: the SQLite file and PostgreSQL (make_site, tests/admin_site.py).
"""

from __future__ import annotations

import asyncio
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import aiohttp
import pytest
from click.testing import CliRunner

from admin_site import CSRF, HASH, PASSWORD, make_site  # noqa: F401  (make_site: a fixture)
from bot.admin_auth import BadHash, check_hash, hash_password, verify_password
from bot.analytics import LogRow, QuestionLog
from bot.cli import cli
from bot.knowledge import load_knowledge
from bot.service import Question
from handlers import admin as admin_handler

ATTACK = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">給料'
ADMIN_PATHS = ("/admin", "/admin/", "/admin/login", "/admin/inbox", "/admin/dashboard", "/admin/changes",
               "/admin/changes/1", "/admin/static/admin.css", "/admin/new-entry")


@pytest.mark.parametrize("log_location", ["sqlite"], indirect=True)  # no table is touched: one backend is enough
async def test_without_a_password_hash_every_admin_path_is_404(make_site: Callable[..., object]) -> None:
    site = await make_site(admin_password_hash="")  # type: ignore[operator]
    for path in ADMIN_PATHS:
        assert (await site.get(path))[0] == 404, path
    assert (await site.post("/admin/login", {"password": PASSWORD, "csrf_token": "x"}))[0] == 404


async def test_sign_in_sets_a_strict_http_only_cookie_and_sign_out_ends_the_session(
        make_site: Callable[..., object]) -> None:
    site = await make_site()  # type: ignore[operator]
    assert (await site.get("/admin/inbox"))[2].headers["Location"] == "/admin/login"
    status, _, response = await site.sign_in()
    assert status == 303 and response.headers["Location"] == "/admin/inbox"
    cookie = next(h for h in response.headers.getall("Set-Cookie") if h.startswith("minato_admin="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/admin" in cookie
    assert "Secure" not in cookie  # plain http from a client that is no trusted proxy
    status, html, response = await site.get("/admin/inbox")
    assert status == 200 and "default-src 'none'" in response.headers["Content-Security-Policy"]
    token = CSRF.search(html).group(1)  # type: ignore[union-attr]
    assert (await site.post("/admin/logout", {"csrf_token": token}))[0] == 303
    assert (await site.get("/admin/inbox"))[0] == 303  # the old cookie is no session any more


async def test_the_cookie_is_secure_behind_a_trusted_https_proxy_only(make_site: Callable[..., object]) -> None:
    import ipaddress

    site = await make_site(trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),))  # type: ignore[operator]
    _, _, response = await site.sign_in(headers={"X-Forwarded-Proto": "https"})
    assert all("Secure" in h for h in response.headers.getall("Set-Cookie") if h.startswith("minato_admin="))
    untrusted = await make_site()  # type: ignore[operator]
    _, _, response = await untrusted.sign_in(headers={"X-Forwarded-Proto": "https"})
    assert not any("Secure" in h for h in response.headers.getall("Set-Cookie"))


async def test_a_post_without_the_csrf_token_is_403(make_site: Callable[..., object]) -> None:
    site = await make_site()  # type: ignore[operator]
    await site.csrf("/admin/login")  # the login cookie is set, the field is left out
    assert (await site.post("/admin/login", {"password": PASSWORD}))[0] == 403
    assert (await site.post("/admin/login", {"password": PASSWORD, "csrf_token": "forged"}))[0] == 403
    assert (await site.sign_in())[0] == 303
    for path in ("/admin/act", "/admin/logout", "/admin/new-entry", "/admin/changes/1/undo"):
        status, _, _ = await site.post(path, {"action": "dismiss", "question": "x"})
        assert status == 403, path
    assert (await site.get("/admin/inbox"))[0] == 200  # still signed in: nothing happened


async def test_the_sixth_wrong_password_in_a_minute_is_429_without_checking(
        make_site: Callable[..., object], monkeypatch: pytest.MonkeyPatch) -> None:
    site = await make_site()  # type: ignore[operator]
    checked: list[str] = []
    monkeypatch.setattr(admin_handler, "verify_password", lambda p, h: checked.append(p) or verify_password(p, h))
    assert (await site.sign_in())[0] == 303  # a right password is not counted against the address
    for attempt in range(5):
        assert (await site.sign_in(f"wrong {attempt}"))[0] == 401
    status, _, response = await site.sign_in()  # even the right password: it is not looked at
    assert status == 429 and int(response.headers["Retry-After"]) >= 1
    assert len(checked) == 6
    site.clock.now += 61
    assert (await site.sign_in())[0] == 303 and len(checked) == 7


async def test_the_lock_out_is_shared_by_server_processes_on_one_log(make_site: Callable[..., object]) -> None:
    first, second = await make_site(), await make_site()  # type: ignore[operator]  # two servers, one database
    for attempt in range(5):
        assert (await first.sign_in(f"wrong {attempt}"))[0] == 401
    assert (await second.sign_in())[0] == 429


async def test_tries_at_once_on_two_servers_get_no_more_password_checks_than_the_limit(
        make_site: Callable[..., object], monkeypatch: pytest.MonkeyPatch) -> None:
    # Eight wrong passwords sent together, half to each server: each try is counted before its password is
    # checked, so only five are checked and three are refused, whatever the order the servers take them in.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(16))  # room for every try at once
    servers = [await make_site(), await make_site()]  # type: ignore[operator]
    events: asyncio.Queue[str] = asyncio.Queue()
    release, loop = threading.Event(), asyncio.get_running_loop()

    def held_check(password: str, stored: str) -> bool:  # holds each checked try until every try has been seen
        loop.call_soon_threadsafe(events.put_nowait, "checked")
        release.wait(60)
        return verify_password(password, stored)

    monkeypatch.setattr(admin_handler, "verify_password", held_check)
    tokens = [await site.csrf("/admin/login") for site in servers]
    tries = [asyncio.create_task(servers[n % 2].post("/admin/login", {"csrf_token": tokens[n % 2],
                                                                      "password": f"wrong {n}"})) for n in range(8)]
    for task in tries:
        task.add_done_callback(lambda _: events.put_nowait("answered"))
    try:
        seen = [await asyncio.wait_for(events.get(), 60) for _ in tries]  # a check held, or a try answered
    finally:
        release.set()
    statuses = sorted([(await task)[0] for task in tries])
    assert sorted(seen) == ["answered"] * 3 + ["checked"] * 5
    assert statuses == [401] * 5 + [429] * 3


async def test_html_in_logged_questions_is_text_on_every_admin_page(make_site: Callable[..., object]) -> None:
    site = await make_site(logged=True)  # type: ignore[operator]
    for _ in range(2):
        site.answerer.answer(Question(ATTACK, channel="web", user_id="u1"))
    rated = site.answerer.answer(Question("<i>職員住宅</i>はありますか？", channel="web", user_id="u2"))
    assert rated.entry_id == "housing-staff" and site.answerer.feedback(rated.log_id, helpful=False)
    other_writer = QuestionLog(site.settings.log_location)  # a "did you mean" row, as the bot logs one
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    other_writer.record(LogRow("c" * 16, now, "web", "", "<b>どっち</b>？", "ja",
                               "clarify", None, 40.0, 0, 1.0, "v"))
    other_writer.close()
    await site.sign_in()
    _, inbox, _ = await site.get("/admin/inbox?days=0")
    for section, text in (("unanswered", "&lt;script&gt;"), ("clarify", "&lt;b&gt;どっち&lt;/b&gt;？"),
                          ("unhelpful", "&lt;i&gt;職員住宅&lt;/i&gt;")):
        found = re.search(f'<section id="inbox-{section}">(.*?)</section>', inbox, re.S).group(1)  # type: ignore[union-attr]
        assert found.count('<article class="item"') == 1 and text in found, section
        assert "housing-staff" in found or section == "unanswered"  # the bot's best entries, with scores
    token = CSRF.search(inbox).group(1)  # type: ignore[union-attr]
    status, _, response = await site.post("/admin/act", {"csrf_token": token, "action": "dismiss", "question": ATTACK})
    assert status == 303
    change = response.headers["Location"]
    escaped = "&lt;script&gt;window.__pwned=1&lt;/script&gt;"
    pages = [inbox]
    for path in ("/admin/dashboard?days=0", "/admin/new-entry?question=" + aiohttp.helpers.quote(ATTACK, safe=""),
                 "/admin/changes", change):
        status, html, _ = await site.get(path)
        assert status == 200, path
        pages.append(html)
    for html in pages:
        assert "<script" not in html.lower() and "<img src=x" not in html.lower()
        assert escaped in html
        assert html.count("<form") == html.count('name="csrf_token"') > 0  # every form carries the token


def test_password_hashes_are_salted_scrypt_and_verify() -> None:
    assert HASH.startswith("scrypt:16384:8:1:") and HASH != hash_password(PASSWORD)  # a new salt each time
    assert verify_password(PASSWORD, HASH) and not verify_password(PASSWORD + " ", HASH)
    for damaged in ("", "plain-password", "scrypt:3:8:1:abc:def", HASH[:-4]):
        with pytest.raises(BadHash):
            check_hash(damaged)


def test_hash_password_reads_stdin_and_shows_an_example() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["admin", "hash-password"], input=PASSWORD + "\n")
    assert result.exit_code == 0 and verify_password(PASSWORD, result.output.strip())
    assert PASSWORD not in result.output
    assert runner.invoke(cli, ["admin", "hash-password"], input="short\n").exit_code == 1
    assert "Example:" in runner.invoke(cli, ["admin", "hash-password", "--help"]).output


async def test_a_new_entry_from_the_form_is_checked_written_and_undone(
        make_site: Callable[..., object], kb_copy: Path) -> None:
    site = await make_site(logged=True, kb_dir=kb_copy)  # type: ignore[operator]
    site.answerer.swap(load_knowledge(kb_copy))  # answer from (and edit) the copy
    question = "駐輪場はありますか？"
    welfare_before = (kb_copy / "welfare.yaml").read_bytes()
    await site.sign_in()
    status, form, _ = await site.get("/admin/new-entry?question=" + aiohttp.helpers.quote(question, safe=""))
    assert status == 200 and "TODO" in form and 'name="answer_easy"' in form
    token = CSRF.search(form).group(1)  # type: ignore[union-attr]
    fields = {"csrf_token": token, "question": question, "id": "bicycle-parking", "category": "welfare",
              "file": "welfare.yaml", "title_ja": "駐輪場", "title_en": "Bicycle parking",
              "questions_ja": question + "\n自転車はどこに置ける？", "questions_en": "Is there bicycle parking?",
              "answer_ja": "説明会では紹介されていません。", "answer_en": "The briefing does not cover it.",
              "answer_easy": "説明会（せつめいかい）では 話（はな）していません。", "related": "", "keywords": "駐輪場"}
    refused, text, _ = await site.post("/admin/new-entry", {**fields, "related": "no-such-entry"})
    assert refused == 422 and "no-such-entry" in text and "Nothing was written" in text
    refused, text, _ = await site.post("/admin/new-entry", {**fields, "answer_en": "TODO"})
    assert refused == 422 and "replace every TODO" in text
    assert (kb_copy / "welfare.yaml").read_bytes() == welfare_before
    status, _, response = await site.post("/admin/new-entry", fields)
    assert status == 303
    status, change, _ = await site.get(response.headers["Location"])
    assert "now answers it with" in change and "entry bicycle-parking" in change
    assert load_knowledge(kb_copy).by_id["bicycle-parking"].questions["ja"][1] == "自転車はどこに置ける？"
    audited = site.review.store.changes(limit=1)[0]
    assert (audited.action, audited.question, audited.entry_id, audited.file) == (
        "new_entry", question, "bicycle-parking", "welfare.yaml")
    assert audited.before == welfare_before.decode() and "  - id: bicycle-parking\n" in (audited.after or "")
    assert audited.ts and audited.actor
    token = CSRF.search(change).group(1)  # type: ignore[union-attr]
    undo = re.search(r'action="(/admin/changes/\d+/undo)"', change).group(1)  # type: ignore[union-attr]
    assert (await site.post(undo, {"csrf_token": token}))[0] == 303
    assert (kb_copy / "welfare.yaml").read_bytes() == welfare_before
    assert (await site.post(undo, {"csrf_token": token}))[0] == 422  # already undone


async def test_the_dashboard_shows_the_report_for_a_period_and_channel(make_site: Callable[..., object]) -> None:
    site = await make_site(logged=True)  # type: ignore[operator]
    for channel, question in (("web", "食堂はある？"), ("line", "給料はいくら？"), ("line", "研修は？")):
        site.answerer.answer(Question(question, channel=channel, user_id="u-" + channel))
    await site.sign_in()
    _, html, _ = await site.get("/admin/dashboard?days=7&channel=line")
    assert 'data-key="questions"><b>2</b>' in html and "channel line" in html
    assert html.count('src="data:image/svg+xml;base64,') == 4
    _, html, _ = await site.get("/admin/dashboard?days=0")
    assert 'data-key="questions"><b>3</b>' in html
