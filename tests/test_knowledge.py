"""Knowledge loading: the bundled base is valid and every mistake is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase, KnowledgeError, check_knowledge, load_knowledge

GOOD_ENTRY = """\
entries:
  - id: one
    category: test
    title: {ja: 一つ目, en: First}
    questions:
      ja: [一つ目の質問ですか？, 最初の質問]
      en: ["Is this the first question?", first one]
    answer: {ja: はい。, en: "Yes.", easy: はい。}
"""


def full_scope(*but: str) -> str:
    """Return empty scope.yaml sections for every required section except those given."""
    from bot.scope import SCOPE_SECTIONS

    return "".join(f"{key}: {'{}' if key in ('messages', 'example_questions') else '[]'}\n" for key in SCOPE_SECTIONS if key not in but)


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(directory: Path) -> list[str]:
    return [str(p) for p in check_knowledge(directory)[1] if not p.warning]


def test_bundled_knowledge_is_valid(kb: KnowledgeBase) -> None:
    assert len(kb.entries) >= 40
    assert kb.version and kb.loaded_at
    for entry in kb.entries:
        assert entry.answer["ja"] and entry.answer["en"]
        assert len(entry.questions["ja"]) >= 2 and len(entry.questions["en"]) >= 2


def test_bundled_knowledge_has_no_url_but_the_city_site(kb: KnowledgeBase) -> None:
    texts = [t for e in kb.entries for t in e.answer.values()] + [t for m in kb.scope.messages.values() for t in m.values()]
    for text in texts:
        for word in text.split():
            if "http" in word:
                assert "https://www.city.minato.tokyo.jp/" in word, word


def test_a_good_minimal_base_loads(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY)
    kb = load_knowledge(tmp_path)
    assert kb.entry("one").title["en"] == "First"


def test_unknown_key_is_reported_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY + "    answr: {ja: x, en: y}\n")
    assert any(m.startswith("a.yaml:9: unknown key 'answr'") for m in messages(tmp_path))


def test_missing_language_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY.replace('answer: {ja: はい。, en: "Yes.", easy: はい。}', "answer: {ja: はい。}"))
    assert any("a.yaml:" in m and "'answer' is missing language 'en'" in m for m in messages(tmp_path))


def test_duplicate_ids_and_questions_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY)
    write(tmp_path, "b.yaml", GOOD_ENTRY)
    found = messages(tmp_path)
    assert any(m.startswith("b.yaml:2: entry 'one': duplicate id 'one' (first in a.yaml:2)") for m in found)
    assert any(m.startswith("b.yaml:6:") and "is also under 'one'" in m for m in found)  # the question's own line


def test_unknown_related_id_and_missing_image(tmp_path: Path) -> None:
    extra = "    related: [nowhere]\n    images:\n      - src: images/missing.png\n        caption: {ja: 図, en: Chart}\n"
    write(tmp_path, "a.yaml", GOOD_ENTRY + extra)
    found = messages(tmp_path)
    assert any("related id 'nowhere' does not exist" in m for m in found)
    assert any(m.startswith("a.yaml:11: image file 'images/missing.png' does not exist") for m in found)


def test_bad_yaml_gives_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY + "  - id: [unclosed\n")
    found = messages(tmp_path)
    assert len(found) == 1 and found[0].startswith("a.yaml:") and "bad YAML" in found[0]


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY + "    category: again\n")
    assert any(m.startswith("a.yaml:9: duplicate key 'category'") for m in messages(tmp_path))


def test_loading_a_bad_base_raises_one_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "entries: {}\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert "a.yaml:1: 'entries' must be a list" in str(caught.value)


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes("entries: []\n# 日本語".encode("shift_jis"))
    assert any("not UTF-8" in m for m in messages(tmp_path))


def test_http_image_url_is_refused(tmp_path: Path) -> None:
    extra = "    images:\n      - src: http://example.com/a.png\n        caption: {ja: 図, en: Chart}\n"
    write(tmp_path, "a.yaml", GOOD_ENTRY + extra)
    assert any("must be an https:// URL" in m for m in messages(tmp_path))


def test_a_bad_detail_question_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY)
    write(tmp_path, "scope.yaml", "detail_questions:\n  - name: price\n    cues: [いくら]\n" + full_scope("detail_questions"))
    assert any(m.startswith("scope.yaml:2: a detail question needs") for m in messages(tmp_path))


def test_a_detail_questions_route_must_be_true_false_strict_or_follow_up(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY)
    detail = "detail_questions:\n  - name: count\n    route: sometimes\n    cues: [何人]\n    answered_by: [人]\n"
    write(tmp_path, "scope.yaml", detail + full_scope("detail_questions"))
    assert any(m.startswith("scope.yaml:3: 'route' must be true, false, strict or follow-up") for m in messages(tmp_path))


def test_an_unknown_menu_entry_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD_ENTRY)
    write(tmp_path, "scope.yaml", "stopwords: [です]\nmenu: [one, nowhere]\n" + full_scope("stopwords", "menu"))
    assert messages(tmp_path) == ["scope.yaml:2: menu entry 'nowhere' does not exist"]
