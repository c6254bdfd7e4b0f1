"""Sentence segmentation that survives abbreviations, headlines and captions.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes) followed by
white space and a capital, digit or quote, unless the word before the stop is
an abbreviation from ``data/abbreviations.txt`` or an initial ("T."). Every
line break ends a sentence too: headlines, bylines and captions have no stop.

>>> [s.text for s in split_sentences("The U.S. said 3 died. Gen. Ryder agreed.\\nPhoto: X")]
['The U.S. said 3 died.', 'Gen. Ryder agreed.', 'Photo: X']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import LEXICON

_ABBREVIATIONS = frozenset(LEXICON.abbreviations)
_BOUNDARY = regex.compile(
    r"""
    (?P<stop>[.!?]++[\"'”’)\]]*+)[ \t]++(?=[\"“‘'(\[]?[A-Z0-9])   # a stop, then a capital
  | (?P<nl>\n[\s]*+)                                             # a line break (_emit trims the blanks before it)
    """,
    regex.VERBOSE,
)
_LAST_WORD = regex.compile(r"(?:^|(?<=\s))(\S++)\Z")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, where it starts in the article, and its paragraph (line) number."""

    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, stop_at: int, line_start: int) -> bool:
    m = _LAST_WORD.search(text, max(line_start, stop_at - 20), stop_at + 1)
    if m is None:
        return False
    word = m.group(1).lstrip("(\"'“‘")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 2 and word[0].isupper() and word[1] == "."  # an initial


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with their offsets; blank text gives []."""
    out: list[Sentence] = []
    start = 0
    para = 0
    line_start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("stop") is not None:
            if m.group("stop")[0] == "." and _is_abbreviation(text, m.start("stop"), line_start):
                continue
            end = m.end("stop")
        else:
            end = m.start()
        _emit(text, start, end, para, out)
        start = m.end()
        if m.group("nl") is not None:
            para += 1
            line_start = m.end()
    _emit(text, start, len(text), para, out)
    return out


def _emit(text: str, start: int, end: int, para: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], para))
