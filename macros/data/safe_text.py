"""Which characters editor text may hold, and how editor text is shown in logs.

Control characters, bidi overrides, zero-width and other invisible characters can hide or
reorder text on a page and in a code review, so they are refused everywhere in an authority
file. When editor text is echoed in a message, anything that is not plainly visible is written
as an escape, so a file cannot write colours, new lines or CI commands into a log.
"""

from __future__ import annotations

import re
import unicodedata

# Newline and carriage return end lines; a tab is refused separately, with its own message.
_LINE_ENDS = {"\n", "\r"}
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}


def is_refused(ch: str) -> bool:
    """True for a control, format (bidi, zero-width...), private-use, surrogate, separator or
    noncharacter code point."""
    if ch in _LINE_ENDS or ch == "\t":
        return False
    code = ord(ch)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    return noncharacter or unicodedata.category(ch) in _REFUSED_CATEGORIES


# Every file's every line and value is checked, so the check runs millions of times in a large
# build: the ASCII control characters are found by one regular expression, and only the rare
# characters beyond ASCII are looked up one by one.
_ASCII_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def first_refused(text: str) -> int:
    """The index of the first refused character in `text`, or -1."""
    control = _ASCII_REFUSED.search(text)
    end = control.start() if control else len(text)
    for found in _BEYOND_ASCII.finditer(text, 0, end):
        if is_refused(found.group()):
            return found.start()
    return control.start() if control else -1


def describe(ch: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    return f"U+{ord(ch):04X}" + (f" ({unicodedata.name(ch)})" if unicodedata.name(ch, "") else "")


def for_log(text: str, limit: int | None = None) -> str:
    """`text` made safe to print on one line of a log: shortened to `limit` characters, and every
    character that is not plainly visible written as an escape (\\n, \\x1b, \\u202e)."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif is_refused(ch) or unicodedata.category(ch) in ("Zs",) and ch != " ":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def log_line(text: str) -> str:
    """A line safe for CI logs: never starts with '::', which GitHub Actions reads as a command."""
    return "./" + text if text.startswith("::") else text
