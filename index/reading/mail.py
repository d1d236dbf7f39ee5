"""An article sent as an email (a newsletter saved as text): the headers say what it is.

A file that opens with RFC 822 header lines ("From: Name <address>", "Date: …",
"Subject: …") up to a blank line is a message: its Subject is the headline, the name it
is From the publication that sent it, its Date the day it went out. The writer signs at
the end, a name on its own line under the last paragraph or a sign-off ("Best wishes,").
"""

from __future__ import annotations

import contextlib
import re
from email.errors import MessageError
from email.parser import HeaderParser
from email.policy import default
from email.utils import parsedate_to_datetime

from . import lines as L

_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:(?:[ \t]|$)")
_BLOCK = re.compile(r"\A(.*?)\r?\n[ \t]*\r?\n", re.S)
_SIGN_LINES = 12  # a signature sits among the message's last lines, above its footer


def split_mail_headers(source: str) -> tuple[dict[str, str], str]:
    """(title, outlet and date the headers give, the text under them); ({}, source) when
    the file does not open with a message's headers: a From with an address, and a
    Subject or a Date."""
    if not (head := _BLOCK.match(source)):
        return {}, source
    block = head.group(1)
    lines = block.splitlines()
    if not lines or not all(_HEADER.match(x) or x[:1] in (" ", "\t") for x in lines):
        return {}, source
    try:
        msg = HeaderParser(policy=default).parsestr(block + "\n\n")
        sender = msg["from"]
        subject, sent = msg["subject"], msg["date"]
    except (MessageError, ValueError, IndexError):
        return {}, source
    if sender is None or "@" not in str(sender) or (subject is None and sent is None):
        return {}, source
    fields: dict[str, str] = {}
    if subject and str(subject).strip():
        fields["title"] = L.normalise(str(subject))
    addresses = getattr(sender, "addresses", ())
    if addresses and addresses[0].display_name.strip():
        fields["outlet"] = L.normalise(addresses[0].display_name)
    # an unreadable Date leaves the day to the text's own dates
    with contextlib.suppress(TypeError, ValueError):
        if sent is not None:
            fields["date"] = parsedate_to_datetime(str(sent)).date().isoformat()
    return fields, source[head.end() :]


def signature(lines: list[str]) -> str | None:
    """The last line among the message's last lines that is a person's name alone, right
    under a paragraph's last sentence or a sign-off ("Best wishes,", "Until next week,")."""
    found = None
    for k in range(max(1, len(lines) - _SIGN_LINES), len(lines)):
        line, above = lines[k], lines[k - 1]
        if L.units(line) <= 4 and L.is_person(line) and above.rstrip().endswith((",", ".", "!")):
            found = line
    return found
