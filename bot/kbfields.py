"""The fields of a knowledge entry: texts per language, lists of texts, pictures; each problem with file:line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.yamlsource import LineDict, LineStr, Problem

LANGS = ("ja", "en")
# Answers are also written in やさしい日本語 (easy); titles and captions may be, else their ja text stands in.
ANSWER_LANGS = ("ja", "en", "easy")
OPTIONAL_LANGS = ("easy",)


@dataclass(frozen=True)
class Image:
    """A picture shown with an answer: a file under the knowledge dir or an https URL."""

    src: str
    caption: dict[str, str]
    path: Path | None = None

    @property
    def url(self) -> str | None:
        """Return the https URL, or None for a local file."""
        return None if self.path else self.src



def text(item: LineDict, key: str, name: str, problems: list[Problem]) -> str:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        problems.append(Problem(name, item.key_lines.get(key, item.line), f"'{key}' must be non-empty text"))
        return ""
    return str(value).strip()


def per_lang(item: LineDict, key: str, name: str, problems: list[Problem], langs: tuple[str, ...] = LANGS,
              optional: tuple[str, ...] = (), owner: str = "") -> dict[str, str]:
    value = item.get(key)
    line = item.key_lines.get(key, item.line)
    if not isinstance(value, LineDict):
        problems.append(Problem(name, line, f"{owner}'{key}' must have {', '.join(map(repr, langs))}"))
        return {}
    result = {}
    for lang in (*langs, *optional):
        text = value.get(lang)
        if isinstance(text, str) and text.strip():
            # Each text keeps its line, so a check on it (figures) can point at it.
            result[lang] = at_line(text.strip(), value.key_lines[lang])
        elif lang in langs or lang in value:
            hint = " (やさしい日本語: see docs/knowledge-format.md)" if lang == "easy" else ""
            problems.append(Problem(name, value.key_lines.get(lang, line), f"{owner}'{key}' is missing language '{lang}'{hint}"))
    allowed = (*langs, *optional)
    for extra in set(value) - set(allowed):
        problems.append(Problem(name, value.key_lines[extra], f"unknown language '{extra}' in '{key}' (use {', '.join(allowed)})"))
    return result


def questions(item: LineDict, name: str, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    value = item.get("questions")
    line = item.key_lines.get("questions", item.line)
    if not isinstance(value, LineDict):
        problems.append(Problem(name, line, "'questions' must have 'ja' and 'en' lists"))
        return {}
    result = {}
    for lang in LANGS:
        texts = text_list(value, lang, name, problems) if lang in value else ()
        if not texts:
            problems.append(Problem(name, line, f"'questions' is missing language '{lang}'"))
        result[lang] = texts
    for extra in set(value) - set(LANGS):
        problems.append(Problem(name, value.key_lines[extra], f"unknown language '{extra}' in 'questions' (use ja, en)"))
    return result


def text_list(item: LineDict, key: str, name: str, problems: list[Problem]) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    line = item.key_lines.get(key, item.line)
    if not isinstance(value, list):
        problems.append(Problem(name, line, f"'{key}' must be a list"))
        return ()
    texts = []
    for index, text in enumerate(value):
        if isinstance(text, bool) or not isinstance(text, (str, int, float)) or not str(text).strip():
            problems.append(Problem(name, value.item_lines[index], f"'{key}' items must be non-empty text"))
        else:
            texts.append(at_line(str(text).strip(), value.item_lines[index]))
    return tuple(texts)


def at_line(text: str, line: int) -> LineStr:
    # Questions keep their line, so a duplicate is reported where it stands, not at its entry.
    result = LineStr(text)
    result.line = line
    return result


def images(item: LineDict, name: str, directory: Path, problems: list[Problem]) -> tuple[Image, ...]:
    value = item.get("images")
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem(name, item.key_lines["images"], "'images' must be a list"))
        return ()
    images = []
    for index, image in enumerate(value):
        line = value.item_lines[index]
        if not isinstance(image, LineDict) or not isinstance(image.get("src"), str):
            problems.append(Problem(name, line, "an image needs 'src' (a file under the knowledge dir or an https:// URL)"))
            continue
        for key in set(image) - {"src", "caption"}:
            problems.append(Problem(name, image.key_lines[key], f"unknown image key '{key}' (allowed: caption, src)"))
        images.append(_image(image, name, line, directory, problems))
    return tuple(images)


def _image(image: LineDict, name: str, line: int, directory: Path, problems: list[Problem]) -> Image:
    src = image["src"].strip()
    caption = per_lang(image, "caption", name, problems, optional=OPTIONAL_LANGS)
    if src.startswith("https://"):
        return Image(src, caption)
    if "://" in src:
        problems.append(Problem(name, line, f"image '{src}' must be an https:// URL or a file under the knowledge dir"))
        return Image(src, caption)
    path = (directory / src).resolve()
    if directory.resolve() not in path.parents or not path.is_file():
        problems.append(Problem(name, line, f"image file '{src}' does not exist under {directory}"))
    return Image(src, caption, path)
