"""HR's review page with its tables in PostgreSQL: two servers sharing one database, a lost connection, the database
gone, a database user with only row rights. (tests/test_admin.py runs every other page test on both backends.)"""

from __future__ import annotations

from typing import Callable

import psycopg
import pytest

from admin_site import CSRF, make_site  # noqa: F401  (make_site: a fixture)
from bot.audit import Session
from bot.service import Question
from bot.storage import open_admin_store
from pgcluster import PASSWORD as PG_PASSWORD, Cluster, grant_row_rights, row_rights_user


@pytest.mark.parametrize("log_location", ["postgresql"], indirect=True)
async def test_two_servers_on_one_postgresql_share_hr_sessions_inbox_and_changes(
        make_site: Callable[..., object]) -> None:
    # Two machines behind a load balancer: HR's requests may reach either, and each must see what the other did.
    first, second = await make_site(logged=True), await make_site(logged=True)  # type: ignore[operator]
    for site, question in ((first, "今日のランチのおすすめは？"), (second, "駐車場の料金は？")):
        assert site.answerer.answer(Question(question, channel="web", user_id="u1")).kind == "fallback"
    assert (await first.sign_in())[0] == 303
    jar = first.client.cookie_jar.filter_cookies(first.server.make_url("/admin"))
    cookie = {"Cookie": "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())}  # the session, elsewhere
    status, inbox, _ = await second.get("/admin/inbox?days=0", headers=cookie)  # signed in on the other server
    assert status == 200 and "今日のランチのおすすめは？" in inbox and "駐車場の料金は？" in inbox
    token = CSRF.search(inbox).group(1)  # type: ignore[union-attr]
    status, _, response = await second.post("/admin/act", {"csrf_token": token, "action": "dismiss",
                                                            "question": "今日のランチのおすすめは？"}, headers=cookie)
    assert status == 303
    _, inbox, _ = await first.get("/admin/inbox?days=0")
    assert "今日のランチのおすすめは？" not in inbox and "駐車場の料金は？" in inbox
    status, change, _ = await first.get(response.headers["Location"])
    assert status == 200 and "dismissed" in change and "今日のランチのおすすめは？" in change
    token = CSRF.search(change).group(1)  # type: ignore[union-attr]
    assert (await first.post(response.headers["Location"] + "/undo", {"csrf_token": token}))[0] == 303
    _, inbox, _ = await second.get("/admin/inbox?days=0", headers=cookie)
    assert "今日のランチのおすすめは？" in inbox  # undone on one server: back in the inbox on the other
    _, dashboard, _ = await first.get("/admin/dashboard?days=0")
    assert 'data-key="questions"><b>2</b>' in dashboard  # both servers' questions


def test_the_hr_tables_on_postgresql_outlive_a_lost_connection(pg_url: str) -> None:
    store = open_admin_store(pg_url)
    try:
        store.open_session("digest", "actor", "csrf")
        with psycopg.connect(pg_url, autocommit=True) as admin:  # as a database restart or a network cut would
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                          "AND pid != pg_backend_pid()")
        assert store.session("digest") == Session("actor", "csrf")
        assert store.reserve("192.0.2.1", 1000.0, since=0.0, allowed=5)
        assert store.recent("192.0.2.1", 999.0) == [1000.0]
    finally:
        store.close()


@pytest.mark.parametrize("log_location", ["postgresql"], indirect=True)
async def test_with_its_database_gone_the_hr_page_says_so(make_site: Callable[..., object], log_location: str,
                                                           pg_cluster: Cluster) -> None:
    site = await make_site()  # type: ignore[operator]
    assert (await site.sign_in())[0] == 303
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:  # the database server lost, as HR sees it
        admin.execute(f"DROP DATABASE {log_location.rpartition('/')[2]} WITH (FORCE)")
    for status, html, response in (await site.get("/admin/inbox"), await site.sign_in()):
        assert status == 503 and "database cannot be reached just now" in html
        assert response.headers["Cache-Control"] == "no-store" and PG_PASSWORD not in html


def test_on_postgresql_a_user_with_only_row_rights_opens_the_hr_tables_made_by_the_owner(pg_url: str) -> None:
    open_admin_store(pg_url).close()  # the first start, by the database's owner, creates the tables
    bot_url = row_rights_user(pg_url)
    grant_row_rights(pg_url, ["admin_audit", "admin_sessions", "admin_failed_signins"])
    store = open_admin_store(bot_url)
    try:
        assert store.record("actor", "dismiss", "質問") == 1 and store.reserve("192.0.2.1", 1.0, 0.0, 5)
    finally:
        store.close()
