"""Synonym suggestions for HR: word vectors read without spaCy, proposals previewed by the matcher, nothing written.

Most tests use a tiny vector table made here in spaCy's layout; one reads the real ja-ginza when it is installed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

from bot.analytics import TABLE, open_database
from bot.cli import cli
from bot.matching import Matcher
from bot.reports import QuestionGroup
from bot.service import Answerer
from bot.synonymsuggest import suggest_synonyms, unknown_words, yaml_line
from bot.wordvectors import VectorsUnavailable, WordVectors, installed_vocab_dir, murmurhash64a
from hr_logdata import _row, write_rows

SIDE_JOB = "副業はできますか"  # refused: no entry speaks of 副業
EXHIBITION = "国立新美術館で今やってる展覧会は？"  # refused, out of scope
SHIBUYA = "渋谷区の副業規定は？"  # another municipality: 渋谷区 is never proposed a synonym
ANSWERED = "住む場所が心配"  # answered now (housing), though logged as refused; 心配 is a word no entry uses


def make_vocab(directory: Path, rows: dict[str, list[float]], pruned: dict[str, str] | None = None) -> Path:
    """Write a spaCy vocab directory: vectors (.npy) and key2row (msgpack of MurmurHash64A keys)."""
    msgpack = pytest.importorskip("msgpack", reason="the [vectors] extra is not installed")
    directory.mkdir(parents=True, exist_ok=True)
    words = list(rows)
    with open(directory / "vectors", "wb") as out:
        np.save(out, np.array([rows[w] for w in words], dtype=np.float32))
    key2row = {murmurhash64a(w.encode()): i for i, w in enumerate(words)}
    key2row |= {murmurhash64a(w.encode()): words.index(onto) for w, onto in (pruned or {}).items()}
    (directory / "key2row").write_bytes(msgpack.packb(key2row))
    return directory


@pytest.fixture(scope="module")
def vocab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 副業 lies near 給与 (which guide-salary answers with) and farther from 食堂; 展覧会 near nothing known;
    # 拝観 was pruned onto 給与's row: the same vector, no evidence.
    return make_vocab(tmp_path_factory.mktemp("vocab"), {
        "給与": [1.0, 0.0, 0.0], "食堂": [0.0, 1.0, 0.0], "副業": [0.9, 0.3, 0.0], "展覧会": [0.0, 0.0, 1.0],
        "渋谷": [0.95, 0.0, 0.1]}, pruned={"拝観": "給与"})


@pytest.fixture(scope="module")
def matcher(plain_answerer: Answerer) -> Matcher:
    return plain_answerer.matcher  # the session's engine: these tests only read it


def refused(*texts: str, count: int = 2) -> list[QuestionGroup]:
    return [QuestionGroup(text, count, (text,), "") for text in texts]


def test_murmurhash64a_gives_spacys_keys() -> None:
    # 予算 is 0xc186... in ja-ginza 5.3.0's key2row (row 2370); the others check a tail, one block, and no data.
    assert murmurhash64a("予算".encode()) == 0xC186AD9973485CEC
    assert murmurhash64a(b"1234567") == 0xA53C8F05908F0328
    assert murmurhash64a(b"12345678") == 0x890060166FADAFA0
    assert murmurhash64a(b"") == 0xC6A4A7935BD064DC


def test_vectors_are_read_without_spacy_and_a_pruned_word_is_no_neighbour(vocab: Path) -> None:
    vectors = WordVectors.load(vocab)
    assert vectors.row("副業") == 2 and vectors.row("未知語") is None
    index = vectors.among(["給与", "食堂", "未知語"])
    assert index.words == ["給与", "食堂"]
    assert [n.word for n in index.nearest("副業", threshold=0.2)] == ["給与", "食堂"]
    assert [n.word for n in index.nearest("副業", threshold=0.5)] == ["給与"]
    assert [n.word for n in index.nearest("拝観", threshold=0.0)] == ["食堂"]  # 給与's own row: no evidence


def test_a_directory_without_vectors_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VectorsUnavailable, match="cannot read the word vectors"):
        WordVectors.load(tmp_path)


def test_unknown_words_skip_places_answered_questions_and_count_each_group_once(matcher: Matcher) -> None:
    groups = [QuestionGroup(SIDE_JOB, 5, (SIDE_JOB, "副業って禁止？"), ""), *refused(SHIBUYA, ANSWERED, count=3)]
    words = {w.word: w for w in unknown_words(matcher, groups)}
    assert words["副業"].asked == 5 + 3  # one group of two phrasings counts its 5 once; 渋谷区の副業規定 adds 3
    assert words["副業"].questions[0] == SIDE_JOB
    assert not any("渋谷" in word for word in words)
    assert "心配" not in words and not any(ANSWERED in w.questions for w in words.values())


def test_a_proposal_shows_what_it_would_answer_and_changes_nothing(matcher: Matcher, vocab: Path) -> None:
    before = matcher.match(SIDE_JOB)
    words = {w.word: w for w in suggest_synonyms(matcher, refused(SIDE_JOB, EXHIBITION), WordVectors.load(vocab))}
    side_job = words["副業"]
    assert side_job.proposals[0].known == "給与"
    assert side_job.proposals[0].answers == ((SIDE_JOB, "guide-salary"),)
    assert yaml_line(side_job, side_job.proposals[0]).startswith("# add 副業 to the group that starts with")
    assert words["展覧会"].proposals == []  # near no known word
    assert before.kind == "fallback" and matcher.match(SIDE_JOB).kind == "fallback"  # the matcher is as it was


def test_understand_with_reads_an_unknown_word_as_the_given_concept(matcher: Matcher) -> None:
    assert matcher.understand(SIDE_JOB)[2].kind == "fallback"
    concept = matcher.vocabulary.concept_of("給与")
    assert concept is not None
    result = matcher.understand_with(SIDE_JOB, {"副業": concept})[2]
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "guide-salary"


def run(tmp_path: Path, *args: str, kb_dir: Path | None = None) -> Result:
    env = {"MINATO_DB": str(tmp_path / "log.db"), "MINATO_KB_DIR": str(kb_dir) if kb_dir else ""}
    return CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), "kb", "suggest-synonyms", *args],
                              env=env, catch_exceptions=False)


def knowledge_digest(directory: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())).hexdigest()


def test_the_command_reads_refused_questions_from_the_log_and_writes_no_knowledge(
        tmp_path: Path, kb_copy: Path, vocab: Path) -> None:
    rows = [_row(i, "2026-11-20T01:00:00.000+00:00", "web", "fallback", SIDE_JOB, user=3) for i in range(4)]
    rows.append(_row(4, "2026-11-20T01:00:00.000+00:00", "web", "answer", "展覧会は？", "district-azabu", user=3))
    write_rows(tmp_path / "log.db", rows)
    before = knowledge_digest(kb_copy)
    result = run(tmp_path, "--vectors", str(vocab), kb_dir=kb_copy)
    assert result.exit_code == 0, result.output
    assert "副業  (asked 4 times)" in result.stdout and "would answer 1 of 1: guide-salary" in result.stdout
    assert "展覧会" not in result.stdout  # answered rows are not refused questions
    lines = run(tmp_path, "--vectors", str(vocab), "--json", kb_dir=kb_copy).stdout.splitlines()
    assert json.loads(lines[0])["proposals"][0]["answers"] == [[SIDE_JOB, "guide-salary"]]
    assert knowledge_digest(kb_copy) == before
    with open_database(tmp_path / "log.db") as db:  # nor anything in the log
        assert db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == 5


def test_the_command_explains_bad_vectors_and_a_missing_log(tmp_path: Path, vocab: Path) -> None:
    result = run(tmp_path, "--vectors", str(vocab))
    assert result.exit_code == 1 and "no question log at" in result.output
    write_rows(tmp_path / "log.db", [_row(0, "2026-11-20T01:00:00.000+00:00", "web", "fallback", SIDE_JOB)])
    result = run(tmp_path, "--vectors", str(tmp_path))
    assert result.exit_code == 1 and "cannot read the word vectors" in result.output
    assert "Example: minato-bot kb suggest-synonyms" in (cli.commands["kb"].commands["suggest-synonyms"].help or "")  # type: ignore[attr-defined]


def test_the_installed_ja_ginza_vectors_propose_related_knowledge_words() -> None:
    try:
        vectors = WordVectors.load(installed_vocab_dir())
    except VectorsUnavailable as exc:
        pytest.skip(str(exc))
    index = vectors.among(["財源", "食堂", "住宅"])
    assert [n.word for n in index.nearest("財政", threshold=0.55)] == ["財源"]
    assert [n.word for n in index.nearest("住まい", threshold=0.55)] == ["住宅"]


def test_the_command_and_the_library_share_one_default_similarity() -> None:
    from bot import suggest_cli, synonymsuggest

    assert suggest_cli.MIN_SIMILARITY == synonymsuggest.MIN_SIMILARITY
