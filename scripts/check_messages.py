"""Fail when a message catalogue is stale or incomplete.

Run after `make messages` has regenerated the catalogues from the code: compares each
regenerated .po with the committed one (the set of messages, not the line wrapping) and checks
that French, Spanish and Arabic translate every message (English msgids are the source).
"""

import subprocess
import sys
from pathlib import Path

import polib

TRANSLATED = {"fr", "es", "ar"}


def keys(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


def main():
    problems = []
    for path in sorted(Path(".").glob("**/locale/*/LC_MESSAGES/django.po")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        regenerated = polib.pofile(str(path))
        committed_text = subprocess.run(  # noqa: S603 - git with fixed arguments
            ["git", "show", f"HEAD:{path.as_posix()}"],  # noqa: S607
            capture_output=True,
            text=True,  # noqa: S607
        ).stdout
        committed = polib.pofile(committed_text) if committed_text else polib.POFile()
        added = keys(regenerated) - keys(committed)
        removed = keys(committed) - keys(regenerated)
        for _ctx, msgid, _plural in sorted(added, key=str)[:5]:
            problems.append(f"{path}: new message not in the committed catalogue: {msgid!r}")
        for _ctx, msgid, _plural in sorted(removed, key=str)[:5]:
            problems.append(f"{path}: committed message no longer in the code: {msgid!r}")
        language = path.parts[-3]
        if language in TRANSLATED:
            committed_entries = [e for e in committed if not e.obsolete]
            for entry in committed_entries:
                if not entry.translated() or "fuzzy" in entry.flags:
                    problems.append(f"{path}: untranslated or fuzzy: {entry.msgid!r}")
    if problems:
        print("The .po files are out of date: run 'make messages', translate, and commit.")
        print("\n".join(problems[:40]))
        return 1
    print("Message catalogues are up to date and translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
