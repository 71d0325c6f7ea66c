"""One mistake, one problem: no knock-on errors; unknown categories; scope.yaml's required sections; size cap."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from bot.knowledge import check_knowledge
from bot.scope import SCOPE_SECTIONS, parse_scope
from bot.yamlsource import MAX_FILE_BYTES, read_yaml


def errors(directory: Path) -> list[str]:
    return [str(p) for p in check_knowledge(directory)[1] if not p.warning]


def test_a_yaml_error_is_one_problem_not_knock_on_errors_in_other_files(kb_copy: Path) -> None:
    path = kb_copy / "welfare.yaml"  # defines housing-staff and cafeteria: related elsewhere and in the menu
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    category: welfare\n", "    category: welfare: x\n", 1), encoding="utf-8")
    found = errors(kb_copy)
    assert len(found) == 1 and found[0].startswith("welfare.yaml:4: bad YAML: mapping values"), found


def test_an_entry_that_fails_to_load_is_not_reported_again_where_it_is_used(kb_copy: Path) -> None:
    path = kb_copy / "welfare.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    category: welfare\n", "", 1), encoding="utf-8")  # the first entry loses a key
    found = errors(kb_copy)
    assert len(found) == 1 and "missing 'category'" in found[0], found


def test_a_related_id_defined_nowhere_is_still_an_error(kb_copy: Path) -> None:
    path = kb_copy / "welfare.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: [unclosed\n", encoding="utf-8")
    training = kb_copy / "training.yaml"
    training.write_text(training.read_text(encoding="utf-8").replace("related: [", "related: [no-such-entry, ", 1),
                        encoding="utf-8")
    found = errors(kb_copy)
    assert any("related id 'no-such-entry' does not exist" in m for m in found), found
    assert len(found) == 2, found


def test_an_unknown_category_is_an_error_listing_the_known_ones(kb_copy: Path) -> None:
    path = kb_copy / "welfare.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("category: welfare", "category: welfar", 1),
                    encoding="utf-8")
    found = errors(kb_copy)
    assert len(found) == 1, found
    assert found[0].startswith("welfare.yaml:4: entry ") and "unknown category 'welfar'" in found[0]
    assert "known: overview, districts" in found[0] and "welfare" in found[0]


def test_a_scope_yaml_cut_short_fails_for_its_missing_sections(kb_copy: Path) -> None:
    path = kb_copy / "scope.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    inside_stopwords = lines.index("stopwords:\n") + 5
    path.write_text("".join(lines[:inside_stopwords]), encoding="utf-8")  # cut inside `stopwords:`
    found = errors(kb_copy)
    assert len(found) == 1, found
    assert found[0].startswith("scope.yaml:") and "missing section(s) example_questions" in found[0]
    assert "menu" in found[0]


def test_every_line_boundary_cut_of_the_bundled_scope_yaml_fails(kb_copy: Path) -> None:
    path = kb_copy / "scope.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert [key for key in SCOPE_SECTIONS if f"\n{key}:" not in "\n" + text] == []
    validated = []
    for cut in range(len(lines)):
        path.write_text("".join(lines[:cut]), encoding="utf-8")
        data, problems = read_yaml(path, "scope.yaml")
        if data is not None:
            parse_scope(data, "scope.yaml", problems)
        if not problems:
            validated.append(cut)
    assert validated == []


def test_a_huge_file_is_rejected_by_its_size_without_reading_it(kb_copy: Path) -> None:
    huge = kb_copy / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(50 * MAX_FILE_BYTES)  # 50 MB, sparse
    tracemalloc.start()
    try:
        found = errors(kb_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) == 1 and found[0].startswith("huge.yaml:1: the file is 50,000,000 bytes"), found
    assert peak < 10 * MAX_FILE_BYTES  # the file was never read into memory

