"""Build the portal's DSFR stylesheet: only the rules of the classes the portal uses.

    .venv/bin/python scripts/build_dsfr_css.py [--check]

The layout used to link DSFR's whole ``dsfr.min.css`` (712 KB) and ``utility.min.css`` (459 KB),
1.1 MB of render-blocking CSS for a few hundred classes. This script reads both files from the
pinned django-dsfr (which vendors DSFR, see ``dsfr/static/dsfr/dsfr_version``), keeps every rule
in DSFR's order and drops the selectors naming a ``fr-`` class that nothing of the portal uses:

- the used classes are the ``fr-…`` words of the portal's templates, Python, JavaScript and CSS,
  of the django-dsfr templates it renders (``DSFR_TEMPLATES``), and the classes DSFR's own
  scripts add at run time (``fr-collapsing``, ``fr-collapse--expanded``, ``fr-modal--opened``…:
  the blocks their namespace function names, and every ``fr-<used block>__/--<word>`` whose word
  is a string of ``dsfr.module.min.js``);
- a word ending with ``-`` in a template (``fr-alert--{{ level }}``) keeps every class it starts;
- classes inside ``:not(…)`` do not count (the rule applies without them); a rule with no ``fr-``
  class (the reset, fonts, variables, ``[class*=fr-icon-]``) is kept.

The result, ``portal/static/portal/dsfr/dsfr-portal.min.css``, is committed with DSFR's licence;
its ``url()`` point at django-dsfr's static files (icons, fonts), hashed by the static storage.
``--check`` fails when the committed file is not what the sources give (run it after adding a
``fr-`` class in a template, then commit the rebuilt file).
"""

import argparse
import re
import sys
from pathlib import Path, PurePosixPath

import tinycss2

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "portal" / "static" / "portal" / "dsfr" / "dsfr-portal.min.css"
OUTPUT_STATIC = PurePosixPath("portal/dsfr")  # the folder of OUTPUT under STATIC_URL
SKIPPED = {".venv", "node_modules", "tests", "locale", ".git", "staticfiles", "media", "private_media"}
EXTENSIONS = {".html", ".py", ".js", ".css", ".txt"}
#: The templates of django-dsfr the portal renders (its header and footer extend the first two; the
#: forms render with DsfrBaseForm's snippets).
DSFR_TEMPLATES = (
    "header.html",
    "footer.html",
    "theme_modale.html",
    "form_snippet.html",
    "form_field_snippets/checkbox_snippet.html",
    "form_field_snippets/checkboxselectmultiple_snippet.html",
    "form_field_snippets/input_snippet.html",
    "form_field_snippets/radioselect_snippet.html",
)
CLASS = re.compile(r"fr-[a-z0-9_-]*[a-z0-9_-]")
SELECTOR_CLASS = re.compile(r"\.(fr-[A-Za-z0-9_-]+)")


def dsfr_package():
    import dsfr  # django-dsfr, pinned in requirements.lock

    return Path(dsfr.__file__).resolve().parent


def used_classes(package):
    """The set of used classes and the prefixes of classes made in templates."""
    sources = [
        path
        for path in ROOT.rglob("*")
        if path.suffix in EXTENSIONS
        and path.is_file()
        and not SKIPPED.intersection(path.relative_to(ROOT).parts)
        and path != OUTPUT
    ]
    templates = package / "templates" / "dsfr"
    sources += [templates / name for name in DSFR_TEMPLATES] + [package / "forms.py", package / "utils.py"]
    classes, prefixes = set(), set()
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="ignore")
        for match in CLASS.finditer(text):
            word = match.group()
            if word.endswith("-") and text.startswith(("{{", "{%"), match.end()):
                prefixes.add(word)
            classes.add(word)
    # The classes DSFR's scripts add: ns("collapse--expanded"), selector("modal"), state words.
    script = (package / "static" / "dsfr" / "dist" / "dsfr.module.min.js").read_text(encoding="utf-8")
    words = set()
    for literal in re.findall(r'"([^"\\]{1,60})"|`([^`\\]{1,80})`', script):
        for text in literal:
            words.update(re.findall(r"[a-z][a-z0-9_-]*[a-z0-9]", text))
    words.update(re.findall(r"--([a-z][a-z0-9-]*[a-z0-9])", script))  # `${block}--align-right`
    # The names the scripts give their namespace function, ns("collapsing") or ns.selector("menu"):
    # a block's state class (fr-collapsing, fr-scrolling) always, an element or modifier of a
    # block the portal uses (fr-header__menu--opened).
    bases = {re.split(r"__|--", name[3:])[0] for name in classes}
    named = set(re.findall(r'[A-Za-z_$][\w$]*(?:\.selector)?\("([a-z][a-z0-9_-]*)"\)', script))
    classes.update(f"fr-{word}" for word in named if "__" not in word and "--" not in word)
    classes.update(f"fr-{word}" for word in words if re.split(r"__|--", word)[0] in bases)
    return classes, prefixes, words


def strip_not(selector):
    """The selector without its :not(…) parts (nested parentheses included)."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        if depth == 0 and selector.startswith(":not(", i):
            depth, i = 1, i + 5
            continue
        if depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
        else:
            out.append(selector[i])
        i += 1
    return "".join(out)


def split_selectors(prelude):
    parts, depth, current = [], 0, []
    for char in prelude:
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts]


class Purger:
    def __init__(self, classes, prefixes, words):
        self.classes, self.prefixes, self.words = classes, prefixes, words

    def used(self, name):
        if name in self.classes or any(name.startswith(prefix) for prefix in self.prefixes):
            return True
        base, sep, modifier = name.rpartition("--")
        return bool(sep) and modifier in self.words and base in self.classes

    def keep_selector(self, selector):
        return all(self.used(name) for name in SELECTOR_CLASS.findall(strip_not(selector)))

    def rules(self, nodes):
        out = []
        for node in nodes:
            if node.type == "qualified-rule":
                prelude = tinycss2.serialize(node.prelude).strip()
                if prelude.startswith(("from", "to")) or re.fullmatch(r"[\d.%,\s]+", prelude):
                    out.append(tinycss2.serialize([node]))  # a keyframe
                    continue
                kept = [selector for selector in split_selectors(prelude) if self.keep_selector(selector)]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(node.content).strip() + "}")
            elif node.type == "at-rule":
                if node.content is None:
                    out.append(tinycss2.serialize([node]))
                elif node.lower_at_keyword in ("media", "supports", "layer", "container"):
                    inner = self.rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True))
                    if inner:
                        out.append("@" + node.at_keyword + tinycss2.serialize(node.prelude) + "{" + inner + "}")
                else:  # @font-face, @keyframes…
                    out.append(tinycss2.serialize([node]))
            elif node.type == "comment" and node.value.startswith("!"):
                out.append(f"/*{node.value}*/\n")
        return "".join(out)


def rebase_urls(css, source):
    """url(…) relative to ``source`` (under django-dsfr's static folder) made relative to OUTPUT."""

    def replace(match):
        quote, url = match.group(1), match.group(2)
        if url.startswith(("data:", "http:", "https:", "/", "#")):
            return match.group()
        target = PurePosixPath(*_normalise(source.parent / url))
        relative = PurePosixPath(*[".."] * len(OUTPUT_STATIC.parts), target)
        return f"url({quote}{relative}{quote})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", replace, css)


def _normalise(path):
    parts = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return parts


def build():
    package = dsfr_package()
    static = package / "static"
    classes, prefixes, words = used_classes(package)
    purger = Purger(classes, prefixes, words)
    chunks = []
    for name in ("dsfr/dsfr.min.css", "utility/utility.min.css"):  # what {% dsfr_css %} linked
        path = static / "dsfr" / "dist" / name
        sheet = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_whitespace=True)
        css = purger.rules(sheet)
        chunks.append(rebase_urls(css, PurePosixPath(path.relative_to(static).as_posix())))
    version = (static / "dsfr" / "dsfr_version").read_text().strip()
    header = (
        f"/* DSFR {version} (django-dsfr), only the classes the portal uses: generated by "
        "scripts/build_dsfr_css.py, do not edit. DSFR is under the MIT licence, see LICENSE.md. */\n"
    )
    body = "\n".join(chunks).replace('@charset "UTF-8";', "")
    return '@charset "UTF-8";\n' + header + body + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is out of date")
    options = parser.parse_args()
    css = build()
    if options.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != css:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is out of date: run scripts/build_dsfr_css.py and commit it")
        return
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(css, encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(css.encode()) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
